// A per-connection cache of large expansion pages (a hub's page: ~500 nodes, ~3,300 edges, several
// ms of CPU at 1M entities even with banded adjacency, more on a cold file). Analysts re-expand the same hubs (collapse and
// expand again, "show more" after a back-and-forth), and nothing in a page changes unless the
// investigation does. A cached page is only returned while the connection provably saw no change:
//  - `PRAGMA data_version` changes when another connection (CLI, browser mode, a batch) commits;
//  - `total_changes()` counts every row this connection wrote (triggers included, rolled back or
//    not), so any own write, even uncommitted, turns every entry stale; the expansion's own fills
//    of its temp id sets (fillTemp, counted there) are subtracted, other temp writes would only
//    cause a spurious miss, never a stale hit;
//  - `PRAGMA schema_version` covers schema changes (migrations, DROP), which total_changes skips;
//  - GraphStore drops the pages after each of its write transactions, committed or rolled back
//    (dropPages): total_changes does not go back on a rollback, so a page computed between an
//    uncommitted write and its rollback would otherwise look current. A raw db.transaction outside
//    the store that expands a node and then rolls back is not covered (the app writes via the store).
// Entries are frozen: a caller that tried to change a shared result would throw, not corrupt it.
import type { SqliteDb } from '../open';
import { tempWriteCount } from './graph-edges';

/** Pages with fewer nodes are cheap to recompute (a random entity: ~0.5 ms) and are not kept. */
export const CACHE_MIN_NODES = 100;
/** At most this many pages per connection (~1 MB each at most): 16 hubs × 2 pages, as in S2. */
export const CACHE_ENTRIES = 32;

const VERSION_SQL = `SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version()) AS d,
  (SELECT schema_version FROM pragma_schema_version()) AS s`;

interface Cache { version: string; pages: Map<string, unknown> }

const caches = new WeakMap<SqliteDb, Cache>();
const versionStatements = new WeakMap<SqliteDb, { get: () => unknown }>();

function versionOf(db: SqliteDb): string {
  let statement = versionStatements.get(db);
  if (!statement) versionStatements.set(db, (statement = db.prepare(VERSION_SQL)));
  const v = statement.get() as { t: number; d: number; s: number };
  return `${v.t - tempWriteCount(db)}:${v.d}:${v.s}`;
}

/** Forgets every page of this connection (GraphStore calls it after each write transaction). */
export function dropPages(db: SqliteDb): void {
  caches.delete(db);
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
 * `compute()`'s result for `key`, from the cache while this connection saw no change since it was
 * stored. `size(result)` decides whether a fresh result is worth keeping (≥ CACHE_MIN_NODES).
 */
export function cachedPage<T>(db: SqliteDb, key: string, compute: () => T, size: (result: T) => number): T {
  let cache = caches.get(db);
  const before = versionOf(db);
  if (cache && cache.version !== before) cache.pages.clear();
  const hit = cache?.pages.get(key);
  if (hit !== undefined) {
    // least recently used first: a hit moves to the end
    cache!.pages.delete(key);
    cache!.pages.set(key, hit);
    return hit as T;
  }
  const result = compute();
  if (size(result) < CACHE_MIN_NODES) return result;
  if (!cache) caches.set(db, (cache = { version: before, pages: new Map() }));
  cache.version = before;
  cache.pages.set(key, deepFreeze(result));
  while (cache.pages.size > CACHE_ENTRIES) cache.pages.delete(cache.pages.keys().next().value!);
  return result;
}
