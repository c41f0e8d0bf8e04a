// Snapshot round trips and merge semantics: export → import into an empty investigation → export
// gives the same file (apart from the export time); a second import merges instead of duplicating.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { exportSnapshot } from '../../../db/snapshot/export';
import { importSnapshot } from '../../../db/snapshot/import';
import { Snapshot } from '../../../shared/snapshot/schema';
import { testApp } from '../helpers';
import { FIXED_NOW, generatedStore, richApp, tableCounts, tempDir } from './fixtures';

const opts = { scope: { kind: 'investigation' as const }, appVersion: '9.9.9', now: FIXED_NOW };

function roundTrip(source: GraphStore, includeHistory = false) {
  const dir = tempDir();
  const first = exportSnapshot(source.db, join(dir, 'a.skein.json'), { ...opts, includeHistory });
  const target = new GraphStore(':memory:');
  const result = importSnapshot(target, first.path);
  const second = exportSnapshot(target.db, join(dir, 'b.skein.json'), { ...opts, includeHistory });
  return { first, second, target, result, a: readFileSync(first.path, 'utf8'), b: readFileSync(second.path, 'utf8') };
}

describe('snapshot round trip', () => {
  it('an empty investigation exports and re-imports to the same snapshot', () => {
    const { a, b } = roundTrip(testApp().store);
    expect(b).toBe(a);
    expect(Snapshot.parse(JSON.parse(a)).manifest.counts.entities).toBe(0);
  });

  it('the seed-like investigation with sources, spans, notes and settings survives byte for byte', async () => {
    const app = await richApp();
    const { a, b, result } = roundTrip(app.store);
    expect(b).toBe(a);
    const doc = Snapshot.parse(JSON.parse(a));
    expect(doc.manifest.counts).toMatchObject({ entities: 4, sources: 1, spans: 2, notes: 2, claims: 2, settings: 1 });
    expect(doc.manifest.source_sha256).toEqual([doc.sources[0]!.sha256]);
    expect(result.added.entities).toBe(4);
  });

  it('the export time is the only difference between two exports at different times', async () => {
    const app = await richApp();
    const dir = tempDir();
    const a = readFileSync(exportSnapshot(app.store.db, join(dir, 'a.json'), opts).path, 'utf8');
    const b = readFileSync(exportSnapshot(app.store.db, join(dir, 'b.json'), { ...opts, now: new Date('2030-01-01') }).path, 'utf8');
    expect(b.replace('2030-01-01T00:00:00.000Z', FIXED_NOW.toISOString())).toBe(a);
  });

  it('a generated 10k-entity investigation round-trips', () => {
    const { a, b, first } = roundTrip(generatedStore(10_000));
    expect(first.counts.entities).toBe(10_000);
    expect(first.counts.relations).toBe(9_999);
    expect(b).toBe(a);
  });

  it('history is included only when asked, and then round-trips too', async () => {
    const app = await richApp();
    const without = roundTrip(app.store);
    expect(JSON.parse(without.a).manifest.history).toBe(false);
    expect(JSON.parse(without.a).history).toEqual([]);
    const withHistory = roundTrip(app.store, true);
    expect(JSON.parse(withHistory.a).history.length).toBeGreaterThan(5);
    expect(withHistory.result.historyImported).toBe(true);
  });

  it('exporting never changes the investigation', async () => {
    const app = await richApp();
    const before = { ...tableCounts(app.store), history: app.store.history(500).length };
    roundTrip(app.store, true);
    expect({ ...tableCounts(app.store), history: app.store.history(500).length }).toEqual(before);
  });
});

describe('snapshot import merges', () => {
  it('importing twice matches sources by hash and entities, claims and relations by uid', async () => {
    const app = await richApp();
    const path = exportSnapshot(app.store.db, join(tempDir(), 's.json'), opts).path;
    const target = new GraphStore(':memory:');
    importSnapshot(target, path);
    const before = tableCounts(target);
    const again = importSnapshot(target, path);
    expect(tableCounts(target)).toEqual(before);
    expect(again.matched).toEqual({ sources: 1, entities: 4, claims: 2, relations: 1 });
    expect(again.conflicts).toEqual([]);
  });

  it('lists differing fields as conflicts and keeps the existing values', async () => {
    const app = await richApp();
    const path = exportSnapshot(app.store.db, join(tempDir(), 's.json'), opts).path;
    const target = new GraphStore(':memory:');
    importSnapshot(target, path);
    target.db.prepare("UPDATE entity SET name = 'Marta Q.' WHERE name = 'Marta Quell'").run();
    const result = importSnapshot(target, path);
    expect(result.conflicts).toContainEqual({ kind: 'entity', key: app.ids.minister.uid, field: 'name', existing: 'Marta Q.', imported: 'Marta Quell' });
    expect(target.db.prepare('SELECT name FROM entity WHERE uid = ?').pluck().get(app.ids.minister.uid)).toBe('Marta Q.');
  });

  it('a name match under another uid is a suggestion, not a merge', async () => {
    const app = await richApp();
    const path = exportSnapshot(app.store.db, join(tempDir(), 's.json'), opts).path;
    const other = testApp();
    const existing = await other.call('entity.create', { kind: 'person', name: 'Варнавин' });
    await other.call('entity.create', { kind: 'person', name: 'Someone' });
    const result = importSnapshot(other.store, path);
    expect(result.suggestions).toContainEqual(expect.objectContaining({ existingId: existing.id, name: 'Варнавин' }));
    expect(other.store.db.prepare("SELECT count(*) FROM entity WHERE name = 'Oleg Varnavin'").pluck().get()).toBe(1);
    expect(result.added.entities).toBe(4);
    // ids that were taken are remapped, and references follow them
    const claimant = other.store.db.prepare(`SELECT e.name FROM claim c JOIN entity e ON e.id = c.claimant_id WHERE c.uid = ?`).pluck().get(app.ids.allegation.uid);
    expect(claimant).toBe('Oleg Varnavin');
  });

  it('a view snapshot holds the view, what its claims need, and nothing else', async () => {
    const app = await richApp();
    const path = exportSnapshot(app.store.db, join(tempDir(), 'v.json'), { ...opts, scope: { kind: 'view', nodeIds: [`c:${app.ids.allegation.id}`] } }).path;
    const doc = Snapshot.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(doc.manifest.scope).toBe('view');
    expect(doc.entities.map((e) => e.name).sort()).toEqual(['Committee for State Security', 'Marta Quell', 'Oleg Varnavin']);
    expect(doc.claims).toHaveLength(1);
    expect(doc.sources).toHaveLength(1);
    expect(doc.settings).toEqual([]);
    const target = new GraphStore(':memory:');
    expect(importSnapshot(target, path).added.claims).toBe(1);
  });
});
