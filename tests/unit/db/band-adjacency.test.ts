// The banded adjacency of migration 0040 stays equal to a recomputation from the base tables through
// every kind of write (API calls, merges, raw updates of importance, relation kinds, claim predicates
// and stances) and through undo and redo; and the edges step that reads it returns exactly the edges
// among a node set that the base tables define, whichever ends are members, hubs or known nodes.
import { describe, expect, it } from 'vitest';
import { BAND_BACKFILL, bandSql } from '../../../db/migrations/0040-banded-adjacency';
import { edgesBetween } from '../../../db/queries/graph';
import { allegedEdge, claimantEdge, relationEdge, reportedEdge, respondsEdge, roleEdge, type Stance } from '../../../db/queries/graph-shapes';
import { GraphStore } from '../../../db/store';
import type { SqliteDb } from '../../../db/open';
import type { GraphEdge } from '../../../shared/graph/model';
import { Rng } from '../../../bench/rng';
import { recomputed, seedWithHub, testApp, throughHistory } from '../helpers';

function dump(db: SqliteDb): string {
  return [
    JSON.stringify(db.prepare('SELECT * FROM band_member ORDER BY id').all()),
    JSON.stringify(db.prepare('SELECT * FROM band_adj ORDER BY owner_id, band, other_id, kind, ref_id').all()),
  ].join('\n');
}

describe('banded adjacency (migration 0040)', () => {
  it('bands are monotone in importance, half an octave wide', () => {
    const store = GraphStore.memory();
    const band = (x: number) => (store.db.prepare(`SELECT ${bandSql('@x')} AS b`).get({ x }) as { b: number }).b;
    let last = -1;
    for (const x of [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 11, 16, 23, 31.9, 32, 45, 64, 500, 1000, 24_723, 1e6, 1e9]) {
      const b = band(x);
      expect(b).toBeGreaterThanOrEqual(last);
      last = b;
    }
    expect(band(0)).toBe(0);
    expect(band(64)).toBeGreaterThan(band(45));
    expect(band(90)).toBe(band(64));
    store.close();
  });

  it('stays exact through writes, merges, importance changes, undo and redo', async () => {
    const app = testApp();
    const db = app.store.db;
    const { seeded, hub, others } = await seedWithHub(app);
    // members by importance: the hub, others[3] and others[5]; others[8] in between the thresholds (no
    // member yet: stays out); others[7] below both (undoing its promotion must leave no member behind)
    app.store.write({ action: 'test.bulk', summary: 'bulk relations' }, (w) => {
      const insert = w.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)`);
      for (let i = 0; i < 120; i++) insert.run(`bulk-${i}`, i % 3 ? 'associate_of' : 'member_of', i % 2 ? hub.id : others[i % 40]!, i % 2 ? others[i % 40]! : hub.id);
      for (let i = 0; i < 40; i++) insert.run(`pair-${i}`, 'owns', i % 2 ? others[3]! : others[5]!, i % 2 ? others[5]! : others[3]!);
      const set = w.prepare('UPDATE entity SET importance = ? WHERE id = ?');
      set.run(160, hub.id);
      set.run(44, others[3]);
      set.run(44, others[5]);
      set.run(5, others[7]);
      set.run(12, others[8]);
    });
    expect(db.prepare('SELECT count(*) AS n FROM band_member').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT count(*) AS n FROM band_adj WHERE owner_id = ?').get(hub.id)).toEqual({ n: 120 });
    expect(dump(db)).toBe(recomputed(db, BAND_BACKFILL, dump));
    const raw = (summary: string, sql: string, ...args: unknown[]) => async () =>
      app.store.write({ action: 'test.raw', summary }, (w) => w.prepare(sql).run(...args));
    const steps: (() => Promise<unknown>)[] = [
      () => app.call('relation.create', { kind: 'member_of', fromId: seeded.defector.id, toId: hub.id }),
      () => app.call('claim.create', {
        text: 'Hub Holdings paid Marta Quell.', claimantId: seeded.defector.id, stance: 'asserts', predicate: 'paid',
        roles: [{ entityId: hub.id, role: 'subject' }, { entityId: seeded.minister.id, role: 'object' }, { entityId: others[3]!, role: 'object' }],
      }),
      raw('predicate and stance', `UPDATE claim SET predicate = 'financed', stance = 'questions' WHERE text LIKE 'Hub Holdings paid%'`),
      raw('relation kind', `UPDATE relation SET kind = 'leads' WHERE uid = 'bulk-3'`),
      raw('relation end', `UPDATE relation SET to_id = ? WHERE uid = 'bulk-5'`, others[5]),
      // a band change of a neighbour (rows in the hub's list move), a member joining and one leaving
      raw('band', 'UPDATE entity SET importance = 300 WHERE id = ?', others[9]),
      raw('enter', 'UPDATE entity SET importance = 33 WHERE id = ?', others[7]),
      raw('leave', 'UPDATE entity SET importance = 2 WHERE id = ?', others[5]),
      () => app.call('entity.merge', { survivorId: others[1]!, mergedIds: [others[2]!] }),
      () => app.call('entity.merge', { survivorId: others[6]!, mergedIds: [others[3]!] }),
      () => app.call('entity.merge', { survivorId: hub.id, mergedIds: [seeded.service.id] }),
      () => app.call('entity.delete', { id: seeded.city.id, version: seeded.city.version }),
      () => app.call('claim.delete', { id: seeded.allegation.id, version: seeded.allegation.version }),
    ];
    await throughHistory(app, steps, () => expect(dump(db)).toBe(recomputed(db, BAND_BACKFILL, dump)));
    app.store.close();
  });
});

/** Every edge of the graph from the base tables, the plain way (no derived table, no index trick). */
function allEdges(db: SqliteDb): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const r of db.prepare('SELECT id, kind, from_id, to_id FROM relation').all() as Parameters<typeof relationEdge>[0][]) edges.push(relationEdge(r));
  type ClaimRow = { id: number; claimant_id: number | null; stance: Stance; predicate: string | null; responds_to: number | null };
  const claims = db.prepare('SELECT id, claimant_id, stance, predicate, responds_to FROM claim').all() as ClaimRow[];
  const roles = db.prepare('SELECT claim_id, entity_id, role FROM claim_role').all() as { claim_id: number; entity_id: number; role: 'subject' | 'object' }[];
  for (const c of claims) {
    if (c.claimant_id !== null) edges.push(claimantEdge(c.claimant_id, c.id, c.stance));
    if (c.responds_to !== null) edges.push(respondsEdge(c.id, c.responds_to, c.stance));
    const mine = roles.filter((r) => r.claim_id === c.id);
    for (const s of mine.filter((r) => r.role === 'subject')) {
      for (const o of mine.filter((r) => r.role === 'object')) if (s.entity_id !== o.entity_id) edges.push(allegedEdge(c.id, s.entity_id, o.entity_id, c.predicate, c.stance));
    }
  }
  for (const r of roles) edges.push(roleEdge(r.claim_id, r.entity_id, r.role));
  for (const s of db.prepare('SELECT DISTINCT claim_id, source_id FROM span WHERE claim_id IS NOT NULL').all() as { claim_id: number; source_id: number }[]) {
    edges.push(reportedEdge(s.claim_id, s.source_id));
  }
  return edges;
}

const sorted = (edges: GraphEdge[]) => [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('edges among a node set', () => {
  it('equal the plain definition for any mix of members, hubs, low-degree and known nodes', () => {
    const store = new GraphStore(':memory:', { history: false });
    const db = store.db;
    const rng = new Rng(11);
    const n = 400;
    const insertEntity = db.prepare(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, 0, 0, 0)`);
    const relate = db.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)`);
    const claim = db.prepare(`INSERT INTO claim (uid, text, claimant_id, stance, predicate, responds_to, created_at, updated_at) VALUES (?, 'x', ?, ?, ?, ?, 0, 0)`);
    const role = db.prepare('INSERT OR IGNORE INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)');
    // skewed picks: a few entities get most edges
    const pick = () => 1 + Math.min(n - 1, Math.floor(n * rng.next() ** 3));
    db.transaction(() => {
      for (let i = 1; i <= n; i++) insertEntity.run(`e${i}`, `E ${i}`);
      for (let i = 0; i < 900; i++) {
        const a = pick();
        const b = 1 + rng.int(n);
        if (a !== b) relate.run(`r${i}`, rng.chance(0.5) ? 'member_of' : 'associate_of', a, b);
      }
      for (let i = 1; i <= 200; i++) {
        const stance = (['asserts', 'denies', 'questions', 'reports'] as const)[rng.int(4)];
        claim.run(`c${i}`, rng.chance(0.8) ? pick() : null, stance, rng.chance(0.8) ? 'paid' : null, i > 1 && rng.chance(0.2) ? 1 + rng.int(i - 1) : null);
        role.run(i, pick(), 'subject');
        for (let k = rng.int(3); k > 0; k--) role.run(i, 1 + rng.int(n), 'object');
      }
      // importance: the square of the degree, so that every kind of entity occurs (hubs ≥ 500, members ≥ 32, others)
      db.exec(`UPDATE entity SET importance = (SELECT d * d FROM (SELECT (SELECT count(*) FROM relation WHERE from_id = entity.id OR to_id = entity.id)
        + (SELECT count(*) FROM claim_role WHERE entity_id = entity.id) AS d))`);
    })();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM hub')).toBeGreaterThan(1);
    expect(count('SELECT count(*) AS n FROM band_member')).toBeGreaterThan(count('SELECT count(*) AS n FROM hub') + 10);
    expect(count(`SELECT count(*) AS n FROM entity WHERE id NOT IN (SELECT id FROM band_member)`)).toBeGreaterThan(20);
    const edges = allEdges(db);
    const node = (): string => (rng.chance(0.75) ? `e:${rng.chance(0.5) ? pick() : 1 + rng.int(n)}` : `c:${1 + rng.int(200)}`);
    let found = 0;
    for (let round = 0; round < 60; round++) {
      const from = [...new Set(Array.from({ length: 1 + rng.int(40) }, node))];
      const known = Array.from({ length: rng.int(60) }, node);
      const within = new Set([...from, ...known]);
      const fromSet = new Set(from);
      const expected = edges.filter((e) => within.has(e.source) && within.has(e.target) && (fromSet.has(e.source) || fromSet.has(e.target)));
      expect(sorted(edgesBetween(db, from, within))).toEqual(sorted(expected));
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1000);
    store.close();
  });
});
