// Stored expansion pages (db/queries/page-store.ts, migration 0070): a page read back by a new
// connection equals a fresh computation, also after writes by other connections (it is patched or
// computed again) and through undo and redo; a stored copy that cannot be trusted (another format,
// a reset change log, a damaged body) is computed afresh without an error; storing never waits for
// another connection's write transaction, never happens inside one, and does not turn this
// connection's cached pages stale; the warm-up stores hubs' pages, and the bench loader's bulk load
// leaves only pages made after it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { GraphStore } from '../../../db/store';
import { MIGRATIONS } from '../../../db/migrations';
import { migrate } from '../../../db/open';
import type { SqliteDb } from '../../../db/open';
import { neighborhood, type NeighborhoodOptions } from '../../../db/queries/graph';
import { decodePage, encodePage } from '../../../db/queries/graph-page-codec';
import { flushPageWrites, STORE_PAGES } from '../../../db/queries/page-store';
import { RESTORE_MS } from '../../../db/queries/graph-page-cache';
import { WARM_LIMIT, warmPages } from '../../../db/queries/page-warm';
import { exportSnapshot } from '../../../db/snapshot/export';
import { exportGraphml } from '../../../db/export/graphml';
import { generate } from '../../../bench/generate';
import { runBatch } from '../../../electron/import/batch';
import { extractArticle } from '../import/stub-extractor';
import { throughHistory } from '../helpers';
import { closeLater, expectExact, freshPage, investigation, plain, seed, specsOf, type Spec } from './page-fixtures';

const keyOf = (center: string, o: NeighborhoodOptions) => `${center}\u0000${o.limit}\u0000${o.offset}\u0000${o.known.join(',')}`;

/** A new connection to the file: nothing cached, so its pages come from the store or are computed. */
function connect(path: string): SqliteDb {
  const store = new GraphStore(path, { history: false, checkIntegrity: false });
  closeLater(() => store.close());
  return store.db;
}

const stored = (db: SqliteDb) => db.prepare('SELECT key, seq FROM page_store ORDER BY rowid').all() as { key: string; seq: number }[];
const lastSeq = (db: SqliteDb) => (db.prepare('SELECT coalesce(max(seq), 0) AS q FROM graph_touch').get() as { q: number }).q;

/** Computes every page of `specs` on `db` and stores them. */
function storeAll(db: SqliteDb, specs: Spec[]): void {
  for (const [center, options] of specs) neighborhood(db, center, options);
  expect(flushPageWrites(db)).toBe(true);
}

/** Replaces the stored body of a page with the page relabelled: served, it shows that it came from the store. */
function tamper(db: SqliteDb, [center, options]: Spec): string {
  const page = freshPage(db, center, options);
  const label = 'From The Store';
  const listing = { chosen: page.nodes.slice(1).map((n) => n.id), lists: [], more: page.more, total: page.total, nextOffset: page.nextOffset };
  const body = encodePage({ ...page, nodes: [{ ...page.nodes[0]!, label }, ...page.nodes.slice(1)] }, listing);
  db.prepare('UPDATE page_store SET body = ? WHERE key = ?').run(body, keyOf(center, options));
  return label;
}

describe('stored expansion pages (migration 0070)', () => {
  it('are read back by a new connection, equal to a fresh computation', () => {
    const { app, fresh, path } = investigation();
    const specs = specsOf(fresh.db, seed(app));
    storeAll(app.store.db, specs);
    expect(stored(app.store.db).map((r) => r.key)).toEqual(specs.map(([c, o]) => keyOf(c, o)));
    expect(stored(app.store.db).every((r) => r.seq === lastSeq(app.store.db))).toBe(true);
    expectExact(connect(path), fresh.db, specs);
    // what a new connection serves is the stored copy (here one relabelled by hand)
    const label = tamper(app.store.db, specs[0]!);
    expect(neighborhood(connect(path), specs[0]![0], specs[0]![1]).nodes[0]!.label).toBe(label);
  });

  it('are patched or computed again after writes by another connection, and through undo and redo', async () => {
    const { app, fresh, path } = investigation();
    const s = seed(app);
    const specs = specsOf(fresh.db, s);
    storeAll(app.store.db, specs);
    const [p, c] = [s.people, s.claims];
    const raw = (summary: string, sql: string, ...args: unknown[]) => () => app.store.write({ action: 'test.raw', summary }, (w) => w.prepare(sql).run(...args));
    const claimVersion = async (id: number) => (await app.call('claim.get', { id })).claim.version;
    const steps: (() => unknown)[] = [
      raw('rise', 'UPDATE entity SET importance = 1000 WHERE id = ?', p[5]),
      raw('fall', 'UPDATE entity SET importance = 0 WHERE id = ?', p[9]),
      raw('rename', "UPDATE entity SET name = 'Renamed Person' WHERE id = ?", p[3]),
      () => app.call('relation.create', { kind: 'met_with', fromId: s.hub, toId: p[17]! }),
      async () => app.call('claim.update', { id: c[4]!, version: await claimVersion(c[4]!), patch: { status: 'disputed', stance: 'denies' } }),
      () => app.call('claim.create', {
        text: 'The hub paid Person 12.', claimantId: p[13]!, stance: 'asserts', predicate: 'paid', respondsTo: c[0]!,
        roles: [{ entityId: s.hub, role: 'subject' }, { entityId: p[12]!, role: 'object' }],
      }),
      () => app.call('entity.merge', { survivorId: p[20]!, mergedIds: [p[21]!] }),
      raw('span', 'INSERT INTO span (source_id, start, "end", exact, claim_id) VALUES (?, 5000, 5005, ?, ?)', s.source, 'x', c[8]),
      raw('relation deleted', 'DELETE FROM relation WHERE from_id = ? AND to_id = ?', s.hub, p[1]),
      raw('far away', "UPDATE entity SET name = 'Far Renamed' WHERE id = ?", s.farPeople[3]),
    ];
    let round = 0;
    await throughHistory(app, steps, () => {
      // a new connection each time; every other one stores what it patched, so the store lags one
      // or two commits behind
      const reader = connect(path);
      expectExact(reader, fresh.db, specs);
      if (round++ % 2 === 0) flushPageWrites(reader);
    });
    // a page brought up to date is stored as of the last seq
    const reader = connect(path);
    storeAll(reader, specs);
    expect(stored(reader).every((r) => r.seq === lastSeq(reader))).toBe(true);
  });

  it('computes a page afresh, without an error, when its stored copy cannot be trusted', () => {
    const { app, fresh, path } = investigation();
    const specs = specsOf(fresh.db, seed(app));
    const db = app.store.db;
    storeAll(db, specs);
    const [center, options] = specs[0]!;
    const expectFresh = () => expect(plain(neighborhood(connect(path), center, options))).toEqual(plain(freshPage(fresh.db, center, options)));
    const key = keyOf(center, options);
    // another format (a later schema or body)
    tamper(db, specs[0]!);
    db.prepare('UPDATE page_store SET format = format + 1 WHERE key = ?').run(key);
    expectFresh();
    // a seq past the last one (the change log was rebuilt from 1)
    tamper(db, specs[0]!);
    db.prepare('UPDATE page_store SET seq = seq + 1000 WHERE key = ?').run(key);
    expectFresh();
    // a damaged body: bytes, cut short, JSON of something else
    for (const body of [Buffer.from([0xff, 0x00, 0x7b]), encodePage(freshPage(db, center, options), { chosen: [], lists: [], more: [], total: 0, nextOffset: null }).subarray(0, 500), Buffer.from('{"page":{}}')]) {
      db.prepare('UPDATE page_store SET body = ?, seq = ? WHERE key = ?').run(body, lastSeq(db), key);
      expectFresh();
    }
    // more nodes touched since it was stored than the cache follows
    storeAll(connect(path), specs);
    const label = tamper(db, specs[0]!);
    app.store.write({ action: 'test.raw', summary: 'bulk' }, (w) => {
      const insert = w.prepare("INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES (?, 'person', 'Bulk', 0, 0)");
      for (let i = 0; i < 10_001; i++) insert.run(`bulk-${i}`); // two graph_touch rows each: past TOUCH_LIMIT
    });
    expect(neighborhood(connect(path), center, options).nodes[0]!.label).not.toBe(label);
    expectFresh();
    // emptying the change log empties the store
    storeAll(connect(path), specs);
    db.exec('DELETE FROM graph_touch');
    expect(stored(db)).toEqual([]);
    expectFresh();
  });

  it('never waits for another connection\'s write transaction, and never writes inside a transaction', () => {
    const { app, fresh, path } = investigation();
    const specs = specsOf(fresh.db, seed(app));
    const reader = connect(path);
    const batch = connect(path);
    const expected = specs.map(([center, options]) => plain(freshPage(fresh.db, center, options)));
    batch.exec('BEGIN IMMEDIATE');
    batch.prepare("UPDATE entity SET name = 'Batch' WHERE id = (SELECT max(id) FROM entity)").run();
    specs.forEach(([center, options], i) => expect(plain(neighborhood(reader, center, options))).toEqual(expected[i]));
    expect(flushPageWrites(reader)).toBe(false); // the lock is taken: the pages wait
    expect(reader.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(reader.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    batch.exec('COMMIT');
    expect(stored(app.store.db)).toEqual([]);
    // inside a read transaction (as GraphStore.read runs an expansion), nothing is written
    reader.transaction(() => expect(flushPageWrites(reader)).toBe(false))();
    expect(flushPageWrites(reader)).toBe(true);
    expect(reader.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(stored(app.store.db)).toHaveLength(specs.length);
    expectExact(connect(path), fresh.db, specs);
    // a page computed inside a write transaction that rolls back is never stored
    const writer = new GraphStore(path, { history: false, checkIntegrity: false });
    closeLater(() => writer.close());
    const [center, options] = specs[5]!;
    expect(() => writer.write({ action: 'test', summary: 'rolled back' }, (w) => {
      w.prepare("UPDATE entity SET name = 'Inside' WHERE id = ?").run(Number(center.slice(2)));
      expect(neighborhood(w, center, options).nodes[0]!.label).toBe('Inside');
      throw new Error('roll back');
    })).toThrow('roll back');
    flushPageWrites(writer.db);
    expect(neighborhood(connect(path), center, options).nodes[0]!.label).not.toBe('Inside');
  });

  it('storing does not turn this connection\'s or another\'s cached pages stale', () => {
    const { app, fresh, path } = investigation();
    const specs = specsOf(fresh.db, seed(app));
    const db = app.store.db;
    const other = connect(path);
    const pages = specs.map(([center, options]) => neighborhood(db, center, options));
    const others = specs.map(([center, options]) => neighborhood(other, center, options));
    expect(flushPageWrites(db)).toBe(true);
    expect(stored(db)).toHaveLength(specs.length);
    specs.forEach(([center, options], i) => {
      expect(neighborhood(db, center, options)).toBe(pages[i]);
      expect(neighborhood(other, center, options)).toBe(others[i]);
    });
  });

  it('keeps at most STORE_PAGES pages, the oldest going first', () => {
    const { app, fresh } = investigation();
    const s = seed(app);
    const db = app.store.db;
    const options = (i: number): NeighborhoodOptions => ({ known: [`e:${s.people[i]}`], limit: 200, offset: 0 });
    for (let i = 0; i < STORE_PAGES + 3; i++) {
      neighborhood(db, `e:${s.hub}`, options(i));
      flushPageWrites(db);
    }
    const keys = stored(db).map((r) => r.key);
    expect(keys).toHaveLength(STORE_PAGES);
    expect(keys[0]).toBe(keyOf(`e:${s.hub}`, options(3)));
    expect(fresh.db.prepare('SELECT count(*) AS n FROM page_store').get()).toEqual({ n: STORE_PAGES });
  });

  it('warm-up stores the most important entities\' first and "show more" pages, whatever their size', () => {
    const { app, fresh, path } = investigation();
    const s = seed(app);
    const result = warmPages(app.store.db, { top: 1 });
    expect(result).toEqual({ entities: 1, pages: 2, stored: true });
    const first: NeighborhoodOptions = { known: [], limit: WARM_LIMIT, offset: 0 };
    const page = freshPage(fresh.db, `e:${s.hub}`, first);
    expect(page.nodes.length).toBeLessThan(100); // below what the cache keeps by itself
    const more: NeighborhoodOptions = { known: page.nodes.map((n) => n.id), limit: WARM_LIMIT, offset: WARM_LIMIT };
    expect(stored(app.store.db).map((r) => r.key)).toEqual([keyOf(`e:${s.hub}`, first), keyOf(`e:${s.hub}`, more)]);
    const label = tamper(app.store.db, [`e:${s.hub}`, first]);
    expect(neighborhood(connect(path), `e:${s.hub}`, first).nodes[0]!.label).toBe(label);
    warmPages(app.store.db, { top: 1 }); // again: the stored pages are current (and kept as they are)
    expect(neighborhood(connect(path), `e:${s.hub}`, first).nodes[0]!.label).toBe(label);
    // a small stored page stays stored when a change reaches it
    app.store.write({ action: 'test.raw', summary: 'rename' }, (w) => w.prepare("UPDATE entity SET name = 'Hub Renamed' WHERE id = ?").run(s.hub));
    const reader = connect(path);
    expectExact(reader, fresh.db, [[`e:${s.hub}`, first], [`e:${s.hub}`, more]]);
    flushPageWrites(reader);
    expect(stored(reader).map((r) => r.seq)).toEqual([lastSeq(reader), lastSeq(reader)]);
    // a read-only connection reads stored pages but stores nothing
    const readonly = new GraphStore(path, { readonly: true, checkIntegrity: false });
    closeLater(() => readonly.close());
    expect(warmPages(readonly.db, { top: 1 }).stored).toBe(false);
  });

  it('the bench loader\'s bulk load (graph_touch bypassed) leaves only pages stored after it, all current', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-bulk-')), 'bulk.skein');
    generate(path, 25_000, () => {}); // the smallest size with a hub (importance ≥ 500) to warm
    const db = connect(path);
    const rows = stored(db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.seq === lastSeq(db))).toBe(true);
    const reader = connect(path);
    for (const { key } of rows) {
      const [center, limit, offset, known] = key.split('\u0000');
      const options = { known: known ? known.split(',') : [], limit: Number(limit), offset: Number(offset) };
      expect(plain(neighborhood(reader, center!, options))).toEqual(plain(freshPage(db, center!, options)));
    }
  });

  it('a batch import stores the hubs\' pages when it ends', async () => {
    const { app, fresh, path } = investigation();
    const s = seed(app);
    const dir = mkdtempSync(join(tmpdir(), 'skein-batch-'));
    writeFileSync(join(dir, 'article.txt'), 'Marta Quell met the board of Hub Holdings in Tallinn on Monday.');
    const result = await runBatch(app.store, [dir], { extract: async (text, options) => extractArticle(text, options) });
    expect(result.imported).toHaveLength(1);
    const first: NeighborhoodOptions = { known: [], limit: WARM_LIMIT, offset: 0 };
    const rows = stored(app.store.db);
    expect(rows.map((r) => r.key.split('\u0000').slice(0, 3))).toContainEqual([`e:${s.hub}`, String(WARM_LIMIT), '0']);
    expect(rows.every((r) => r.seq === lastSeq(app.store.db))).toBe(true);
    expectExact(connect(path), fresh.db, [[`e:${s.hub}`, first]]);
  });

  it('are derived: never in history, a snapshot or a GraphML export', async () => {
    const { app, fresh } = investigation();
    const specs = specsOf(fresh.db, seed(app));
    const entries = app.store.history(1000).length;
    storeAll(app.store.db, specs);
    const label = tamper(app.store.db, specs[0]!);
    await app.call('entity.create', { kind: 'person', name: 'After The Store' });
    expect(app.store.history(1000)).toHaveLength(entries + 1);
    expect(JSON.stringify(app.store.db.prepare('SELECT changes FROM history').all())).not.toMatch(/page_store|From The Store/);
    const dir = mkdtempSync(join(tmpdir(), 'skein-export-'));
    const snapshot = exportSnapshot(app.store.db, join(dir, 'all.skein.json'), { scope: { kind: 'investigation' }, includeHistory: true, appVersion: '0.0.0-test' }).path;
    exportGraphml(app.store.db, join(dir, 'all.graphml'), { kind: 'investigation' });
    for (const file of [snapshot, join(dir, 'all.graphml')]) {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('After The Store');
      expect(text).not.toContain(label);
    }
  });

  it('store a page as it is, every kind of edge and any text, and refuse an edge of a shape they do not know', () => {
    const { app, fresh } = investigation();
    const s = seed(app);
    const hubPage = freshPage(fresh.db, `e:${s.hub}`, { known: [], limit: 500, offset: 0 });
    const sourcePage = freshPage(fresh.db, `s:${s.source}`, { known: [], limit: 500, offset: 0 });
    const page = { ...hubPage, edges: [...hubPage.edges, ...sourcePage.edges.filter((e) => e.type === 'reported_in')] };
    expect(new Set(page.edges.map((e) => e.type))).toEqual(new Set(['relation', 'claimant', 'role', 'alleged', 'responds_to', 'reported_in']));
    const named = { ...page, nodes: page.nodes.map((n, i) => (i === 1 ? { ...n, label: 'Олег «Варнавин» 🦊 \\ "q"' } : n)) };
    const listing = { chosen: named.nodes.slice(1).map((n) => n.id), lists: [{ nodeType: 'entity' as const, rows: [[1, 2.5] as [number, number]], full: true }], more: page.more, total: page.total, nextOffset: page.nextOffset };
    const body = encodePage(named, listing);
    expect(JSON.stringify(decodePage(body, named.center))).toBe(JSON.stringify({ page: named, listing }));
    // read from a copy that is not 8-byte aligned, as SQLite may hand it over
    const unaligned = Buffer.alloc(body.length + 1).subarray(1);
    body.copy(unaligned);
    expect(JSON.stringify(decodePage(unaligned, named.center))).toBe(JSON.stringify({ page: named, listing }));
    expect(decodePage(body, 'e:999999')).toBeNull(); // another centre's page
    expect(() => encodePage({ ...page, edges: [{ ...page.edges[0]!, extra: 1 } as never] }, listing)).toThrow(/shape/);
  });

  it('start empty on a file migrated from 0060 with data in it, and fill from its first expansions', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-0070-')), 'old.skein');
    const old = new Database(path);
    migrate(old, path, MIGRATIONS.filter((m) => m.version <= 60));
    old.exec(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES ('hub', 'organization', 'Old Hub', 600, 0, 0)`);
    const person = old.prepare(`INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, ?, 0, 0)`);
    const relation = old.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, 'associate_of', 1, ?, 0, 0)`);
    for (let i = 0; i < 150; i++) relation.run(`r${i}`, Number(person.run(`p${i}`, `Person ${i}`, i % 50).lastInsertRowid));
    old.close();
    const db = connect(path);
    expect(stored(db)).toEqual([]);
    const options: NeighborhoodOptions = { known: [], limit: 200, offset: 0 };
    const page = neighborhood(db, 'e:1', options);
    expect(page.nodes).toHaveLength(151);
    expect(flushPageWrites(db)).toBe(true);
    expect(stored(db).map((r) => r.key)).toEqual([keyOf('e:1', options)]);
    expect(plain(neighborhood(connect(path), 'e:1', options))).toEqual(plain(page));
  });

  it('a page this connection stored and patched is stored again now and then, not after every commit', () => {
    const { app, fresh, path } = investigation();
    const s = seed(app);
    const spec: Spec = [`e:${s.hub}`, { known: [], limit: 200, offset: 0 }];
    const reader = connect(path);
    let now = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      storeAll(reader, [spec]);
      const shown = Number(neighborhood(reader, spec[0], spec[1]).nodes[1]!.id.slice(2));
      const rename = (name: string) => app.store.write({ action: 'test.raw', summary: name }, (w) => w.prepare('UPDATE entity SET name = ? WHERE id = ?').run(name, shown));
      rename('First Rename');
      const storedSeq = stored(reader)[0]!.seq;
      now += RESTORE_MS / 2;
      expectExact(reader, fresh.db, [spec]); // patched here, the store keeps its copy
      expect(neighborhood(reader, spec[0], spec[1]).nodes[1]!.label).toBe('First Rename');
      flushPageWrites(reader);
      expect(stored(reader)[0]!.seq).toBe(storedSeq);
      rename('Second Rename');
      now += RESTORE_MS / 2;
      expectExact(reader, fresh.db, [spec]);
      flushPageWrites(reader);
      expect(stored(reader)[0]!.seq).toBe(lastSeq(reader));
      expectExact(connect(path), fresh.db, [spec]); // and the older copy was patched as well
    } finally {
      vi.restoreAllMocks();
    }
  });
});
