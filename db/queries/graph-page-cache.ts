// A per-connection cache of large expansion pages (a hub's page: ~500 nodes, ~3,300 edges, several
// ms of CPU at 1M entities even with banded adjacency, tens of ms on a cold file). Analysts
// re-expand the same hubs (collapse and expand again, "show more" after a back-and-forth), and a
// page only changes when a node on it, an edge at one, or the ranked lists of its centre change.
// A cached page is only returned while it provably equals a fresh computation:
//  - `total_changes()` counts every row this connection wrote (triggers included, rolled back or
//    not), so any own write, even uncommitted, drops every page; the expansion's own fills of its
//    temp id sets (fillTemp, counted there) are subtracted, other temp writes would only cause a
//    spurious miss, never a stale hit;
//  - `PRAGMA schema_version` covers schema changes (migrations, DROP), which total_changes skips:
//    every page is dropped;
//  - `PRAGMA data_version` changes when another connection (CLI, browser mode, a batch) commits.
//    Then the nodes those commits touched are read from graph_touch (db/migrations/0060: one row
//    per node, the seq of its last change, written by triggers in the writer's transaction) and
//    only the pages they can change are touched: a page showing a touched node (as a node, or as
//    an end of its edges: the centre, its new nodes and the `known` nodes) is patched when next
//    asked for if it is a first page (graph-page-patch.ts, which falls back to a recomputation
//    when it cannot tell), dropped otherwise; a page whose centre is next to a node whose
//    importance or merge state changed (it may enter, leave or move in the centre's ranked lists)
//    is dropped when next asked for unless, on a first page, that node ranks below the page's
//    last row of its type (graph.ts RankFloors). A batch import that does not touch a hub's page leaves it cached (S6).
//    Anything unexpected (graph_touch missing or reset, a huge change) drops all;
//  - GraphStore drops the pages after each of its write transactions, committed or rolled back
//    (dropPages): total_changes does not go back on a rollback, so a page computed between an
//    uncommitted write and its rollback would otherwise look current. A raw db.transaction outside
//    the store that expands a node and then rolls back is not covered (the app writes via the store).
// Entries are frozen: a caller that tried to change a shared result would throw, not corrupt it.
//
// Pages also outlive the connection (page-store.ts, migration 0070): every kept page is stored in the
// file with the graph_touch seq it reflects (after the read: page-store.ts), and a miss here looks
// there first. A stored page is taken only if it provably equals a fresh computation: its format is
// current, its seq is at most the last one, and the nodes touched since then are fewer than
// TOUCH_LIMIT; those are then treated as a commit elsewhere is (pending patch, rank suspects, or
// the page is computed afresh). A page the warm-up stored (page-warm.ts) is kept and stored again
// whatever its size.
import type { Statement } from 'better-sqlite3';
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';
import { touchKey } from '../migrations/0060-graph-touch';
import type { RankFloors } from './graph';
import type { SqliteDb } from '../open';
import { tempWriteCount } from './graph-edges';
import { dropPageWrites, PAGE_FORMAT, queuePageWrite, readStoredPage, storeWriteCount, type StoredPage } from './page-store';

/** Pages with fewer nodes are cheap to recompute (a random entity: ~0.5 ms) and are not kept. */
export const CACHE_MIN_NODES = 100;
/** At most this many pages per connection (~1 MB each at most): 16 hubs × 2 pages, as in S2. */
export const CACHE_ENTRIES = 32;
/** More nodes touched than this since the last look (a bulk import): every page is dropped. */
export const TOUCH_LIMIT = 20_000;

const VERSION_SQL = `SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version()) AS d,
  (SELECT schema_version FROM pragma_schema_version()) AS s`;

/** The hot SQL of the cross-connection check, exported so that a query-plan test checks what runs. */
export const TOUCH_SQL = {
  /** the version and the last change seq in one statement: one read snapshot */
  version: `SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version()) AS d,
    (SELECT schema_version FROM pragma_schema_version()) AS s, (SELECT coalesce(max(seq), 0) FROM graph_touch) AS q`,
  touched: 'SELECT node FROM graph_touch WHERE seq > ? LIMIT ?',
  /**
   * Whether one of the entities / claims (JSON arrays) whose rank changed is next to the centre and
   * at least as important as the page's floor for its type (graph.ts RankFloors): only then can it
   * enter, leave or move in the page's ranked lists. An edge added or removed since touches the
   * centre itself, so the current adjacency is the one to test.
   */
  adjacent: {
    entity: `SELECT EXISTS (SELECT 1 FROM json_each(@entities) j CROSS JOIN entity e ON e.id = j.value
        WHERE e.importance >= @entityFloor AND (EXISTS (SELECT 1 FROM relation r WHERE r.from_id = @id AND r.to_id = e.id)
          OR EXISTS (SELECT 1 FROM relation r WHERE r.to_id = @id AND r.from_id = e.id)))
      OR EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND (c.claimant_id = @id
          OR EXISTS (SELECT 1 FROM claim_role r WHERE r.claim_id = c.id AND r.entity_id = @id))) AS near`,
    claim: `SELECT EXISTS (SELECT 1 FROM json_each(@entities) j CROSS JOIN entity e ON e.id = j.value
        WHERE e.importance >= @entityFloor AND (EXISTS (SELECT 1 FROM claim c WHERE c.id = @id AND c.claimant_id = e.id)
          OR EXISTS (SELECT 1 FROM claim_role r WHERE r.claim_id = @id AND r.entity_id = e.id)))
      OR EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND (c.responds_to = @id
          OR EXISTS (SELECT 1 FROM claim p WHERE p.id = @id AND p.responds_to = c.id))) AS near`,
    source: `SELECT EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND EXISTS (SELECT 1 FROM span s WHERE s.claim_id = c.id AND s.source_id = @id)) AS near`,
  } satisfies Record<NodeType, string>,
} as const;

interface Entry {
  page: unknown;
  center: { type: NodeType; id: number };
  /** touchKey of every node the page depends on (centre, nodes, known); null: any commit drops it */
  deps: Set<number> | null;
  /** touchKey of the nodes it shows (centre included) */
  shown: Set<number> | null;
  /** how important a neighbour must be to enter the page's lists (null: any neighbour may) */
  floors: RankFloors | null;
  /** brings the page up to date with changed nodes of it (null: it cannot) */
  patch: Patcher<unknown> | null;
  /** touchKey of the page's nodes changed since it was made or patched */
  pending: Set<number> | null;
  /** neighbours off the page whose rank changed to at least its floor since it was last served */
  suspects: { entities: Set<number>; claims: Set<number> } | null;
  /** the page's stored form (page-store.ts) */
  encode: () => Buffer;
  /** kept whatever its size: it is in the page store (the warm-up put it there) */
  kept: boolean;
}
interface Cache { own: string; data: number; seq: number | null; pages: Map<string, Entry> }
interface Version { own: string; data: number; seq: number | null }

interface Statements { version: Statement; touched: Statement | null; adjacent: Map<NodeType, Statement> }

const caches = new WeakMap<SqliteDb, Cache>();
/** Connections whose pages are kept and stored whatever their size, for now (keepingPages). */
const keeping = new WeakSet<SqliteDb>();
const prepared = new WeakMap<SqliteDb, Statements>();

function statementsOf(db: SqliteDb): Statements {
  let s = prepared.get(db);
  if (!s) {
    try {
      s = { version: db.prepare(TOUCH_SQL.version), touched: db.prepare(TOUCH_SQL.touched).pluck(), adjacent: new Map() };
    } catch {
      // a file without graph_touch (read-only, not migrated): any commit elsewhere drops every page
      s = { version: db.prepare(VERSION_SQL), touched: null, adjacent: new Map() };
    }
    prepared.set(db, s);
  }
  return s;
}

function versionOf(db: SqliteDb): Version {
  const v = statementsOf(db).version.get() as { t: number; d: number; s: number; q?: number };
  return { own: `${v.t - tempWriteCount(db) - storeWriteCount(db)}:${v.s}`, data: v.d, seq: v.q ?? null };
}

/**
 * Forgets every page of this connection and its page-store writes not made yet (GraphStore calls it
 * after each write transaction).
 */
export function dropPages(db: SqliteDb): void {
  caches.delete(db);
  dropPageWrites(db);
}

/** Nodes touched since a seq (touchKeys without the rank bit): changed themselves, or in rank. */
interface Touched { nodes: number[]; ranked: number[] }

/** What was touched after `seq`; null when it was too much to tell (a bulk import). */
function touchedSince(db: SqliteDb, seq: number): Touched | null {
  const touched = statementsOf(db).touched!.all(seq, TOUCH_LIMIT + 1) as number[];
  if (touched.length > TOUCH_LIMIT) return null;
  const result: Touched = { nodes: [], ranked: [] };
  for (const key of touched) (key % 2 === 0 ? result.nodes : result.ranked).push(key - (key % 2));
  return result;
}

/**
 * Drops the pages that the nodes touched since `cache.seq` can change; false when that cannot be
 * told (then the caller drops them all).
 */
function dropTouched(db: SqliteDb, cache: Cache, seq: number | null): boolean {
  if (seq === null || cache.seq === null || seq < cache.seq || !statementsOf(db).touched) return false;
  if (seq === cache.seq) return true;
  const touched = touchedSince(db, cache.seq);
  if (!touched) return false;
  for (const [key, entry] of cache.pages) if (!touchEntry(entry, touched)) cache.pages.delete(key);
  return true;
}

/**
 * Marks what the touched nodes change on a page: its changed nodes to patch when it is next asked
 * for, its neighbours whose rank changed to test then. False: the page must go.
 */
function touchEntry(entry: Entry, { nodes, ranked }: Touched): boolean {
  if (!entry.deps) return false;
  const changed = [...nodes, ...ranked].filter((k) => entry.deps!.has(k));
  const shown = entry.shown!;
  if (changed.length > 0) {
    if (!entry.patch) return false;
    // patched when next asked for (a commit may touch many pages; most are not read before the next)
    entry.pending ??= new Set();
    for (const k of changed) entry.pending.add(k);
  }
  if (ranked.length === 0) return true;
  const floors = entry.floors ?? { entity: -Infinity, claim: -Infinity };
  const entities: number[] = [];
  const claims: number[] = [];
  // a node the page shows moves in its lists by a patch (which checks the floors); any other
  // neighbour, a known node included, may enter them
  for (const k of ranked) {
    if (shown.has(k)) continue;
    const type = (k % 8) / 2;
    if (type === 0 && floors.entity !== Infinity) entities.push((k - type * 2) / 8);
    else if (type === 1 && floors.claim !== Infinity) claims.push((k - type * 2) / 8);
  }
  if (entities.length === 0 && claims.length === 0) return true;
  // tested when the page is next asked for (most pages are not, before the next commit), against
  // the importance they have then
  entry.suspects ??= { entities: new Set(), claims: new Set() };
  for (const id of entities) entry.suspects.entities.add(id);
  for (const id of claims) entry.suspects.claims.add(id);
  return true;
}

/** Whether a suspect of the page (a neighbour whose rank changed) can now be in its lists. */
function suspectNear(db: SqliteDb, entry: Entry): boolean {
  const floors = entry.floors ?? { entity: -Infinity, claim: -Infinity };
  const { type, id } = entry.center;
  const statements = statementsOf(db);
  let adjacent = statements.adjacent.get(type);
  if (!adjacent) statements.adjacent.set(type, (adjacent = db.prepare(TOUCH_SQL.adjacent[type]).pluck()));
  const floor = (value: number) => Math.max(value, -Number.MAX_VALUE);
  const args = { id, claims: JSON.stringify([...entry.suspects!.claims]), claimFloor: floor(floors.claim) };
  return Boolean(adjacent.get(type === 'source' ? args : { ...args, entities: JSON.stringify([...entry.suspects!.entities]), entityFloor: floor(floors.entity) }));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // a page is ~4,000 flat objects: only objects are visited (no call per field)
    if (Array.isArray(value)) {
      for (const child of value as unknown[]) if (child !== null && typeof child === 'object') deepFreeze(child);
    } else {
      for (const key in value) {
        const child = value[key];
        if (child !== null && typeof child === 'object') deepFreeze(child);
      }
    }
  }
  return value;
}

/**
 * Brings a page up to date with the nodes `touched` (ids of nodes it depends on), its lists read
 * again if `relist` (a neighbour off the page may have entered them), or says it cannot (null).
 */
export type Patcher<T> = (touched: readonly string[], relist: boolean) => { page: T; info: PageInfo<T> } | null;

/** What a computed page is made of: its size, its centre, every node it depends on, its rank floors. */
export interface PageInfo<T> {
  size: number; center: string;
  /** the nodes it shows (the centre is added) and the known nodes its edges may end at */
  shown: () => Iterable<string>; known: readonly string[];
  floors: RankFloors | null; patch: Patcher<T> | null;
  /** the page's stored form (page-store.ts), made when it is written */
  encode: () => Buffer;
}

/** A page read back from its stored form, or null when the body is not one. */
export type Restore<T> = (body: Buffer) => { page: T; info: PageInfo<T> } | null;

const TYPES: readonly NodeType[] = ['entity', 'claim', 'source'];

/** The node id of a touchKey (no rank bit). */
function idOfKey(key: number): string {
  const type = (key % 8) / 2;
  return nodeId(TYPES[type]!, (key - type * 2) / 8);
}

function depsOf(nodes: Iterable<string>): Set<number> | null {
  const deps = new Set<number>();
  for (const raw of nodes) {
    const parsed = parseNodeId(raw);
    if (!parsed) continue;
    const key = touchKey(parsed.type, parsed.id);
    if (!Number.isSafeInteger(key)) return null;
    deps.add(key);
  }
  return deps;
}

/**
 * `compute()`'s result for `key`, from the cache or the page store while it provably equals a fresh
 * computation. `info(result)` says whether it is worth keeping (size ≥ CACHE_MIN_NODES) and what it
 * depends on; `restore` reads a stored page back.
 */
export function cachedPage<T>(db: SqliteDb, key: string, compute: () => T, info: (result: T) => PageInfo<T>, restore: Restore<T>): T {
  let cache = caches.get(db);
  const before = versionOf(db);
  if (cache) {
    if (cache.own !== before.own || (cache.data !== before.data && !dropTouched(db, cache, before.seq))) cache.pages.clear();
    cache.own = before.own;
    cache.data = before.data;
    cache.seq = before.seq;
  } else caches.set(db, (cache = { ...before, pages: new Map() }));
  let hit = cache.pages.get(key);
  // where the page stands in the page store: the seq of the copy it was read from, or whether the
  // key is there at all (a page the warm-up put there is kept whatever its size)
  let storedSeq: number | null = null;
  let inStore = false;
  if (!hit && before.seq !== null) {
    const stored = readStoredPage(db, key);
    inStore = stored !== null;
    const entry = stored && restoredEntry(db, stored, before.seq, restore as Restore<unknown>);
    if (entry) {
      cache.pages.set(key, (hit = entry));
      storedSeq = stored.seq;
    }
  }
  let patched = false;
  if (hit && (hit.pending || hit.suspects)) {
    const relist = hit.suspects !== null && suspectNear(db, hit);
    hit.suspects = null;
    if (hit.pending || relist) {
      const next = hit.patch?.([...(hit.pending ?? [])].map(idOfKey), relist);
      const entry = next ? entryOf(next.page, next.info as PageInfo<unknown>, hit.kept) : null;
      inStore ||= hit.kept;
      if (entry) cache.pages.set(key, (hit = entry));
      else {
        cache.pages.delete(key);
        hit = undefined;
      }
      patched = entry !== null;
    }
  }
  if (hit !== undefined) {
    // least recently used first: a hit moves to the end
    cache.pages.delete(key);
    cache.pages.set(key, hit);
    trim(cache);
    if (patched) storePage(db, key, hit, before.seq);
    else if (storedSeq !== null && storedSeq < before.seq!) queuePageWrite(db, { key, seq: before.seq!, was: storedSeq });
    return hit.page as T;
  }
  const result = compute();
  const entry = entryOf(result, info(result) as PageInfo<unknown>, inStore || keeping.has(db));
  if (!entry) return result;
  cache.pages.set(key, entry);
  trim(cache);
  storePage(db, key, entry, before.seq);
  return result;
}

/** Runs `fn` with every page it computes kept and stored, whatever its size (page-warm.ts). */
export function keepingPages<T>(db: SqliteDb, fn: () => T): T {
  keeping.add(db);
  try {
    return fn();
  } finally {
    keeping.delete(db);
  }
}

function trim(cache: Cache): void {
  while (cache.pages.size > CACHE_ENTRIES) cache.pages.delete(cache.pages.keys().next().value!);
}

/** Queues the page for the page store, as of `seq` (read before it was computed or patched). */
function storePage(db: SqliteDb, key: string, entry: Entry, seq: number | null): void {
  if (seq === null) return;
  queuePageWrite(db, { key, seq, center: touchKey(entry.center.type, entry.center.id), body: entry.encode });
}

/**
 * A cache entry for a stored page, with what was touched since its seq marked on it as on any
 * cached page; null when it cannot be trusted (another format, a seq past the last one: the change
 * log was reset, too much touched since, a body that does not read back).
 */
function restoredEntry(db: SqliteDb, stored: StoredPage, seq: number, restore: Restore<unknown>): Entry | null {
  if (stored.format !== PAGE_FORMAT || stored.seq > seq) return null;
  let entry: Entry | null = null;
  try {
    const restored = restore(stored.body);
    entry = restored && entryOf(restored.page, restored.info, true);
  } catch {
    return null;
  }
  if (!entry || stored.seq === seq) return entry;
  const touched = touchedSince(db, stored.seq);
  return touched && touchEntry(entry, touched) ? entry : null;
}

/** A cache entry for a page (frozen), or null when it is not worth keeping (small, and not `kept`). */
function entryOf(page: unknown, about: PageInfo<unknown>, kept: boolean): Entry | null {
  const center = parseNodeId(about.center);
  if ((about.size < CACHE_MIN_NODES && !kept) || !center) return null;
  const shown = depsOf([about.center, ...about.shown()]);
  const known = depsOf(about.known);
  return {
    page: deepFreeze(page), center, deps: shown && known ? new Set([...shown, ...known]) : null, shown, floors: about.floors,
    patch: about.patch, pending: null, suspects: null, encode: about.encode, kept,
  };
}
