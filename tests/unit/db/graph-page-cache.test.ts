// The cache of large expansion pages (db/queries/graph-page-cache.ts) never serves a stale page: any
// write of this connection (committed or not), a commit from another connection and a schema change
// each turn it stale; the key holds every argument; small pages are not kept; kept pages are frozen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import type { SqliteDb } from '../../../db/open';
import { edgesAmong, neighborhood } from '../../../db/queries/graph';
import { CACHE_MIN_NODES } from '../../../db/queries/graph-page-cache';
import { createEntity } from '../../../db/queries/entities';
import { createRelation } from '../../../db/queries/relations';

const stores: GraphStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function open(path = ':memory:'): GraphStore {
  const store = new GraphStore(path, { history: false, checkIntegrity: false });
  stores.push(store);
  return store;
}

/** A hub with `count` neighbours (importance i each), all written outside any expansion. */
function hub(db: SqliteDb, count = CACHE_MIN_NODES + 20): number {
  const center = createEntity(db, { kind: 'person', name: 'Hub Central', aliases: [] }).id;
  for (let i = 0; i < count; i++) {
    const id = createEntity(db, { kind: 'person', name: `Neighbour ${i}`, aliases: [] }).id;
    db.prepare('UPDATE entity SET importance = ? WHERE id = ?').run(i, id);
    createRelation(db, { kind: 'associate_of', fromId: center, toId: id, start: null, end: null, claimId: null });
  }
  return center;
}

const page = (db: SqliteDb, center: number, known: string[] = []) => neighborhood(db, `e:${center}`, { known, limit: 500, offset: 0 });
/** A page as plain data, to compare a cached one with a fresh one. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('cached expansion pages', () => {
  it('serves the same frozen page again while nothing changed, and only large pages', () => {
    const { db } = open();
    const center = hub(db);
    const first = page(db, center);
    expect(first.nodes.length).toBeGreaterThanOrEqual(CACHE_MIN_NODES);
    expect(page(db, center)).toBe(first);
    expect(Object.isFrozen(first.edges[0])).toBe(true);
    edgesAmong(db, first.nodes.slice(0, 3).map((n) => n.id)); // other reads filling temp sets keep it
    expect(page(db, center)).toBe(first);
    const small = hub(db, 5);
    expect(page(db, small)).not.toBe(page(db, small));
  });

  it('keys on every argument, `known` included', () => {
    const { db } = open();
    const center = hub(db);
    const first = page(db, center);
    const extra = createEntity(db, { kind: 'person', name: 'Outsider', aliases: [] }).id;
    createRelation(db, { kind: 'associate_of', fromId: extra, toId: center, start: null, end: null, claimId: null });
    const withKnown = page(db, center, [`e:${extra}`]);
    expect(withKnown.edges.some((e) => e.source === `e:${extra}`)).toBe(true);
    expect(neighborhood(db, `e:${center}`, { known: [], limit: 50, offset: 0 }).nodes).toHaveLength(51);
    expect(first.edges.some((e) => e.source === `e:${extra}`)).toBe(false);
    // a "show more" page with known hubs and nodes is kept too (its own temp writes do not count)
    const known = [...withKnown.nodes.map((n) => n.id), `e:${hub(db, 3)}`];
    const more = page(db, center, known);
    expect(page(db, center, known)).toBe(more);
  });

  it('turns stale on a write of this connection, and after a store transaction rolls back', () => {
    const store = open();
    const center = hub(store.db);
    const first = page(store.db, center);
    store.db.prepare("UPDATE entity SET name = 'Renamed' WHERE id = ?").run(center);
    expect(page(store.db, center).nodes[0]!.label).toBe('Renamed');
    expect(() => store.write({ action: 'test', summary: 'rolled back' }, (db) => {
      db.prepare("UPDATE entity SET name = 'Inside' WHERE id = ?").run(center);
      expect(page(db, center).nodes[0]!.label).toBe('Inside');
      expect(page(db, center).nodes[0]!.label).toBe('Inside');
      throw new Error('roll back');
    })).toThrow('roll back');
    expect(page(store.db, center).nodes[0]!.label).toBe('Renamed');
    store.write({ action: 'test', summary: 'kept' }, (db) => db.prepare("UPDATE entity SET name = 'Kept' WHERE id = ?").run(center));
    expect(page(store.db, center).nodes[0]!.label).toBe('Kept');
    expect(first.nodes[0]!.label).toBe('Hub Central');
  });

  it('turns stale when another connection commits', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-page-cache-')), 'inv.skein');
    const writer = open(path);
    const center = hub(writer.db);
    const reader = open(path);
    const first = page(reader.db, center);
    expect(page(reader.db, center)).toBe(first);
    writer.db.prepare('UPDATE entity SET importance = 1000 WHERE id = (SELECT max(id) FROM entity WHERE id <> ?)').run(center);
    writer.db.prepare("UPDATE entity SET name = 'Seen' WHERE id = ?").run(center);
    const fresh = page(reader.db, center);
    expect(fresh).not.toBe(first);
    expect(fresh.nodes[0]!.label).toBe('Seen');
    expect(plain(fresh)).toEqual(plain(page(writer.db, center)));
  });
});
