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
// TOUCH_LIMIT (graph-page-touch.ts); those are then treated as a commit elsewhere is (pending
// patch, rank suspects, or the page is computed afresh). A page the warm-up stored (page-warm.ts)
// is kept and stored again whatever its size.
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';
import { touchKey } from '../migrations/0060-graph-touch';
import type { RankFloors } from './graph';
import type { SqliteDb } from '../open';
import { statementsOf, suspectNear, touchedSince, touchEntry, versionOf, type PageState } from './graph-page-touch';
import { dropPageWrites, PAGE_FORMAT, queuePageWrite, readStoredPage, type StoredPage } from './page-store';

/** Pages with fewer nodes are cheap to recompute (a random entity: ~0.5 ms) and are not kept. */
export const CACHE_MIN_NODES = 100;
/** At most this many pages per connection (~1 MB each at most): 16 hubs × 2 pages, as in S2. */
export const CACHE_ENTRIES = 32;
/**
 * A page this connection stored and then patched is stored again at most this often: during a batch
 * import a hub's page is patched after nearly every commit, and writing it each time (~150 KB) only
 * spares the next connection a patch of a few seconds of changes.
 */
export const RESTORE_MS = 30_000;

interface Entry extends PageState {
  page: unknown;
  /** brings the page up to date with changed nodes of it (null: it cannot) */
  patch: Patcher<unknown> | null;
  /** the page's stored form (page-store.ts) */
  encode: () => Buffer;
  /** kept whatever its size: it is in the page store (the warm-up put it there) */
  kept: boolean;
  /** when this connection last queued it for the page store (-Infinity: never, it was read from there) */
  storedAt: number;
}
interface Cache { own: string; data: number; seq: number | null; pages: Map<string, Entry> }

const caches = new WeakMap<SqliteDb, Cache>();
/** Connections whose pages are kept and stored whatever their size, for now (keepingPages). */
const keeping = new WeakSet<SqliteDb>();

/**
 * Forgets every page of this connection and its page-store writes not made yet (GraphStore calls it
 * after each write transaction).
 */
export function dropPages(db: SqliteDb): void {
  caches.delete(db);
  dropPageWrites(db);
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
      const entry = next ? entryOf(next.page, next.info as PageInfo<unknown>, hit.kept, hit.storedAt) : null;
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
    // a page read from the store and patched is stored again at once (the next connection would have
    // to patch it too), one this connection stored only now and then (RESTORE_MS)
    if (patched && performance.now() - hit.storedAt >= RESTORE_MS) storePage(db, key, hit, before.seq);
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
  entry.storedAt = performance.now();
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
function entryOf(page: unknown, about: PageInfo<unknown>, kept: boolean, storedAt = -Infinity): Entry | null {
  const center = parseNodeId(about.center);
  if ((about.size < CACHE_MIN_NODES && !kept) || !center) return null;
  const shown = depsOf([about.center, ...about.shown()]);
  const known = depsOf(about.known);
  return {
    page: deepFreeze(page), center, deps: shown && known ? new Set([...shown, ...known]) : null, shown, floors: about.floors,
    patch: about.patch, pending: null, suspects: null, encode: about.encode, kept, storedAt,
  };
}
