// An investigation on disk with two hubs, shared by the tests of cached and stored expansion pages
// (graph-touch.test.ts, page-store.test.ts): a writer (the app), and connections to read with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { GraphStore } from '../../../db/store';
import type { SqliteDb } from '../../../db/open';
import { neighborhood, type NeighborhoodOptions, type NeighborhoodPage } from '../../../db/queries/graph';
import { dropPages } from '../../../db/queries/graph-page-cache';
import { addSpan, createSource } from '../../../db/queries/sources';
import { testApp, type TestApp } from '../helpers';

const closers: (() => void)[] = [];
/** Closed after each test. */
export function closeLater(close: () => void): void {
  closers.push(close);
}
afterEach(() => closers.splice(0).forEach((close) => close()));

export function investigation(): { app: TestApp; reader: GraphStore; fresh: GraphStore; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'skein-touch-')), 'inv.skein');
  const app = testApp(path);
  const reader = new GraphStore(path, { history: false, checkIntegrity: false });
  const fresh = new GraphStore(path, { history: false, checkIntegrity: false });
  closers.push(() => app.store.close(), () => reader.close(), () => fresh.close());
  return { app, reader, fresh, path };
}

/** A page as plain data, to compare a cached one with a fresh one: its edges are a set (in id order). */
export const plain = (page: NeighborhoodPage) => {
  const data = JSON.parse(JSON.stringify(page)) as NeighborhoodPage;
  data.edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return data;
};

/**
 * Two hubs with disjoint neighbourhoods: `hub` with 220 people (importance spread so that pages cut
 * through them), 110 claims with the hub as subject and a person as object (claimants among the
 * people, a few responses), one claim between two of the people, one source reporting the hub's
 * claims, and one claim with 100 roles; `far`
 * with 120 people of its own.
 */
export function seed(app: TestApp) {
  return app.store.write({ action: 'test.seed', summary: 'seed' }, (w) => {
    let uid = 0;
    const entity = w.prepare(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)`);
    const relation = w.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)`);
    const claim = w.prepare(`INSERT INTO claim (uid, text, claimant_id, stance, predicate, responds_to, importance, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`);
    const role = w.prepare('INSERT INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)');
    const add = (kind: string, name: string, importance: number) => Number(entity.run(`u${uid++}`, kind, name, importance).lastInsertRowid);
    const hub = add('organization', 'Hub Holdings', 600);
    const people = Array.from({ length: 220 }, (_, i) => add('person', `Person ${i}`, (i * 37) % 90));
    people.forEach((p, i) => relation.run(`u${uid++}`, i % 3 ? 'associate_of' : 'member_of', i % 2 ? hub : p, i % 2 ? p : hub));
    for (let i = 0; i < 40; i++) relation.run(`u${uid++}`, 'owns', people[i]!, people[i + 1]!);
    const far = add('organization', 'Far Away Ltd', 500);
    const farPeople = Array.from({ length: 120 }, (_, i) => add('person', `Far ${i}`, i % 40));
    farPeople.forEach((p) => relation.run(`u${uid++}`, 'associate_of', far, p));
    const claims: number[] = [];
    for (let i = 0; i < 110; i++) {
      const id = Number(claim.run(`u${uid++}`, `Claim ${i} about the hub`, i % 4 ? people[(i * 7) % 220]! : null,
        ['asserts', 'denies', 'questions', 'reports'][i % 4]!, i % 3 ? 'paid' : null, i > 5 && i % 10 === 0 ? claims[i - 3]! : null, (i * 13) % 30).lastInsertRowid);
      role.run(id, hub, 'subject');
      role.run(id, people[(i * 11) % 220]!, 'object');
      claims.push(id);
    }
    for (let i = 100; i < 200; i++) role.run(claims[0]!, people[i]!, 'object');
    // a claim about two of the hub's people, not about the hub: its alleged edge is on the hub's pages, the claim is not
    const side = Number(claim.run(`u${uid++}`, 'Person 0 paid Person 2', null, 'asserts', 'paid', null, 1).lastInsertRowid);
    role.run(side, people[0]!, 'subject');
    role.run(side, people[2]!, 'object');
    const source = createSource(w, { kind: 'article', title: 'The hub files', text: 'x'.repeat(4000) } as never).id;
    claims.forEach((c, i) => addSpan(w, source, i * 10, i * 10 + 5, { claimId: c }));
    return { hub, people, far, farPeople, claims, side, source };
  }).value;
}

export type Spec = [center: string, options: NeighborhoodOptions];

export function specsOf(fresh: SqliteDb, s: ReturnType<typeof seed>): Spec[] {
  const first: NeighborhoodOptions = { known: [], limit: 100, offset: 0 };
  const known = freshPage(fresh, `e:${s.hub}`, first).nodes.map((n) => n.id);
  return [
    [`e:${s.hub}`, first],
    [`e:${s.hub}`, { known, limit: 100, offset: 100 }],
    [`e:${s.hub}`, { known: [], limit: 500, offset: 0 }],
    [`s:${s.source}`, { known: [], limit: 200, offset: 0 }],
    [`c:${s.claims[0]}`, { known: [], limit: 200, offset: 0 }],
    [`e:${s.far}`, { known: [], limit: 200, offset: 0 }],
  ];
}

/** Every page from the reader (cached where it can be) equals one computed afresh. */
export function expectExact(reader: SqliteDb, fresh: SqliteDb, specs: Spec[]): void {
  for (const [center, options] of specs) {
    const got = neighborhood(reader, center, options);
    expect(plain(got), `${center} ${options.limit}/${options.offset}`).toEqual(plain(freshPage(fresh, center, options)));
  }
}

/**
 * A page computed afresh: neither this connection's cache nor the page store (emptied in a
 * savepoint rolled back after) can answer.
 */
export function freshPage(db: SqliteDb, center: string, options: NeighborhoodOptions): NeighborhoodPage {
  db.exec('SAVEPOINT fresh');
  try {
    db.exec('DELETE FROM page_store');
    dropPages(db);
    return neighborhood(db, center, options);
  } finally {
    db.exec('ROLLBACK TO fresh; RELEASE fresh');
    dropPages(db);
  }
}

