// The derived tables of migration 0030 (hub lists, alleged pairs) stay equal to a recomputation
// from the base tables through every kind of write (API calls, merges, raw updates) and through
// undo and redo, which replay row images of the base tables only; and a hub's ranked page through
// its list equals the page the general query returns.
import { describe, expect, it } from 'vitest';
import { DERIVED_BACKFILL } from '../../../db/migrations/0030-ranked-adjacency';
import { neighborhood, NEIGHBOUR_SQL } from '../../../db/queries/graph';
import type { SqliteDb } from '../../../db/open';
import { recomputed, seedWithHub, testApp, throughHistory } from '../helpers';

const DERIVED = ['hub', 'hub_nbr', 'hub_role', 'hub_rel', 'alleged'];

function dump(db: SqliteDb): string {
  return DERIVED.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'hub' || t === 'hub_rel' ? '1' : '1, 2, 3'}`).all())).join('\n');
}

describe('derived tables (migration 0030)', () => {
  it('stay exact through writes, merges, undo and redo', async () => {
    const app = testApp();
    const db = app.store.db;
    const { seeded, hub, others } = await seedWithHub(app);
    // a hub by degree: 520 relations (several per pair) keep it above the threshold through refreshes
    app.store.write({ action: 'test.bulk', summary: 'bulk relations' }, (w) => {
      const insert = w.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, 'associate_of', ?, ?, 0, 0)`);
      for (let i = 0; i < 520; i++) insert.run(`bulk-${i}`, i % 2 ? hub.id : others[i % 40]!, i % 2 ? others[i % 40]! : hub.id);
      // a second hub, related to the first 300 times (hub_rel), merged away below
      for (let i = 0; i < 300; i++) insert.run(`pair-${i}`, i % 2 ? hub.id : others[5]!, i % 2 ? others[5]! : hub.id);
      w.prepare('UPDATE entity SET importance = 820 WHERE id = ?').run(hub.id);
      w.prepare('UPDATE entity SET importance = 313 WHERE id = ?').run(others[5]);
      w.prepare('UPDATE entity SET importance = 600 WHERE id = ?').run(others[5]);
    });
    expect(db.prepare('SELECT count(*) AS n FROM hub_nbr WHERE hub_id = ?').get(hub.id)).toEqual({ n: 40 });
    expect(db.prepare('SELECT count(*) AS n FROM hub_rel').get()).toEqual({ n: 300 + 13 });
    const steps: (() => Promise<unknown>)[] = [
      () => app.call('relation.create', { kind: 'member_of', fromId: seeded.defector.id, toId: hub.id }),
      () => app.call('claim.create', {
        text: 'Hub Holdings paid Marta Quell.', claimantId: seeded.defector.id, stance: 'asserts', predicate: 'paid',
        roles: [{ entityId: hub.id, role: 'subject' }, { entityId: seeded.minister.id, role: 'object' }, { entityId: others[0]!, role: 'object' }],
      }),
      () => app.call('entity.merge', { survivorId: others[1]!, mergedIds: [others[2]!] }),
      () => app.call('entity.merge', { survivorId: others[6]!, mergedIds: [others[5]!] }),
      () => app.call('entity.merge', { survivorId: hub.id, mergedIds: [seeded.service.id] }),
      () => app.call('entity.delete', { id: seeded.city.id, version: seeded.city.version }),
      () => app.call('claim.delete', { id: seeded.allegation.id, version: seeded.allegation.version }),
    ];
    await throughHistory(app, steps, () => expect(dump(db)).toBe(recomputed(db, DERIVED_BACKFILL, dump)));
    // demotion and promotion by importance
    db.prepare('UPDATE entity SET importance = 10 WHERE id = ?').run(hub.id);
    expect(dump(db)).toBe(recomputed(db, DERIVED_BACKFILL, dump));
    db.prepare('UPDATE entity SET importance = 900 WHERE id = ?').run(hub.id);
    expect(dump(db)).toBe(recomputed(db, DERIVED_BACKFILL, dump));
    app.store.close();
  });

  it('a hub page through its list equals the general ranked query, page by page', async () => {
    const app = testApp();
    const db = app.store.db;
    const hub = (await app.call('entity.create', { kind: 'organization', name: 'Hub Holdings' })).id;
    const insert = db.prepare(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, ?, 0, 0)`);
    const relate = db.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, 'associate_of', ?, ?, 0, 0)`);
    const others: number[] = [];
    for (let i = 0; i < 60; i++) others.push(Number(insert.run(`p${i}`, `Person ${i}`, (i * 13) % 17).lastInsertRowid));
    for (const [i, o] of others.entries()) relate.run(`r${i}`, i % 3 ? hub : o, i % 3 ? o : hub);
    db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?').run(others[1], others[0]);
    db.prepare('UPDATE entity SET importance = 5000 WHERE id = ?').run(hub);
    const [relation] = NEIGHBOUR_SQL.entity;
    for (const offset of [0, 7, 14, 56]) {
      const params = { id: hub, limit: 7, offset };
      expect(db.prepare(relation!.hubList!).all(params)).toEqual(db.prepare(relation!.list).all(params));
    }
    const page = neighborhood(db, `e:${hub}`, { known: [], limit: 10, offset: 0 });
    expect(page.nodes.map((n) => n.id)).not.toContain(`e:${others[0]}`);
    expect(page.nextOffset).toBe(10);
    app.store.close();
  });
});
