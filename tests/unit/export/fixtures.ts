// Shared fixtures of the export tests: a seed-like investigation with sources, spans and notes,
// a generated graph of any size, and temporary folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphStore } from '../../../db/store';
import { addSpan, createSource } from '../../../db/queries/sources';
import { newUid } from '../../../db/rows';
import { seedLikeGraph, testApp, type TestApp } from '../helpers';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'skein-export-test-'));
}

export const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');

/** The seed-like graph plus a graded source with a claim quote and an entity mention, and notes. */
export async function richApp(): Promise<TestApp & { ids: Awaited<ReturnType<typeof seedLikeGraph>>; sourceId: number }> {
  const app = testApp();
  const ids = await seedLikeGraph(app);
  const text = 'Defector Oleg Varnavin said Marta Quell was recruited by the KGB in 1989. <script>alert(1)</script> Quell denied it.';
  const sourceId = app.store.write({ action: 'test', summary: 'source' }, (db) => {
    const source = createSource(db, { kind: 'article', title: 'The "Heron" file <b>', text, publisher: 'Daily & Co', reliability: 'B' } as never);
    const start = text.indexOf('Marta Quell was');
    addSpan(db, source.id, start, start + 'Marta Quell was recruited by the KGB in 1989'.length, { claimId: ids.allegation.id });
    addSpan(db, source.id, text.indexOf('Oleg'), text.indexOf('Oleg') + 'Oleg Varnavin'.length, { entityId: ids.defector.id });
    const now = Date.now();
    db.prepare('INSERT INTO note (body, entity_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Check *archives*', ids.minister.id, now, now);
    db.prepare('INSERT INTO note (body, source_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Paywalled', source.id, now, now);
    db.prepare("INSERT INTO setting (key, value) VALUES ('view:main', ?)").run(JSON.stringify({ nodeIds: ['e:1', 'e:2', 'c:1'], positions: { 'e:1': { x: 1, y: 2 } } }));
    return source.id;
  }).value;
  return { ...app, ids, sourceId };
}

/** A generated investigation: `n` entities in a ring of relations plus a claim per 10 entities. */
export function generatedStore(n: number, path = ':memory:'): GraphStore {
  const store = new GraphStore(path, { history: false });
  const db = store.db;
  const kinds = ['person', 'organization', 'place', 'event'];
  db.transaction(() => {
    const entity = db.prepare(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)`);
    const alias = db.prepare(`INSERT INTO alias (entity_id, name, norm, kind) VALUES (?, ?, ?, 'name')`);
    const relation = db.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, 'associate_of', ?, ?, 1, 1)`);
    const claim = db.prepare(`INSERT INTO claim (uid, text, claimant_id, stance, created_at, updated_at) VALUES (?, ?, ?, 'asserts', 1, 1)`);
    const role = db.prepare(`INSERT INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)`);
    for (let i = 1; i <= n; i++) {
      entity.run(`gen-${i}`, kinds[i % 4], `Entity ${i}`, i % 7);
      alias.run(i, `Entity ${i}`, `entity ${i}`);
    }
    for (let i = 1; i < n; i++) relation.run(`rel-${i}`, i, i + 1);
    for (let i = 1; i + 2 <= n; i += 10) {
      const c = Number(claim.run(`claim-${i}`, `Entity ${i} says Entity ${i + 1} met Entity ${i + 2}`, i).lastInsertRowid);
      role.run(c, i + 1, 'subject');
      role.run(c, i + 2, 'object');
    }
  })();
  return store;
}

export function tableCounts(store: GraphStore): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['entity', 'alias', 'source', 'claim', 'claim_role', 'relation', 'span', 'note', 'setting']) {
    out[t] = store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  return out;
}

export { newUid };
