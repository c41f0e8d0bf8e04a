// Warming the page store (page-store.ts) where a bulk change ends (the bench loader, a batch import,
// `skein warm`): the first expansion of a hub after it should not pay for a cold computation. For
// the most important entities, the first page and its "show more" page (known = the first page's
// nodes, as the UI asks after one expansion) are computed, or read back from the store and brought
// up to date, and stored whatever their size (a hub's page at the UI's limit has ~75 nodes but
// ~2,300 edges: 7–25 ms cold at 1M entities).
import { EXPAND_LIMIT } from '../../shared/api/contract';
import type { SqliteDb } from '../open';
import { neighborhood } from './graph';
import { dropPages, keepingPages } from './graph-page-cache';
import { flushPageWrites, STORE_PAGES } from './page-store';

/** Pages are warmed at the limit the app expands with. */
export const WARM_LIMIT = EXPAND_LIMIT;
/** Hubs warmed by default: two pages each, half the store. */
export const WARM_TOP = 16;
/** At most this many: their pages fill the store. */
export const WARM_TOP_MAX = STORE_PAGES / 2;

/** The most important entities with precomputed ranked lists (db/migrations/0030 `hub`), best first. */
export const WARM_SQL = `SELECT e.id FROM hub h CROSS JOIN entity e ON e.id = h.id WHERE e.merged_into IS NULL
  ORDER BY e.importance DESC, e.id LIMIT ?`;

export interface WarmOptions { top?: number; limit?: number }
export interface WarmResult { entities: number; pages: number; stored: boolean }

/**
 * Stores the first page and the "show more" page of the `top` most important entities, at `limit`
 * per group. Run outside any transaction; it waits for the write lock as any write does.
 * `stored`: false when nothing could be written (a read-only connection, an open transaction).
 */
export function warmPages(db: SqliteDb, { top = WARM_TOP, limit = WARM_LIMIT }: WarmOptions = {}): WarmResult {
  const ids = db.prepare(WARM_SQL).pluck().all(Math.min(top, WARM_TOP_MAX)) as number[];
  // pages cached on this connection are not in the store for sure: read them from there or anew
  dropPages(db);
  let pages = 0;
  keepingPages(db, () => {
    for (const id of ids) {
      const center = `e:${id}`;
      const first = neighborhood(db, center, { known: [], limit, offset: 0 });
      pages++;
      if (first.nextOffset === null) continue;
      neighborhood(db, center, { known: first.nodes.map((n) => n.id), limit, offset: first.nextOffset });
      pages++;
    }
  });
  return { entities: ids.length, pages, stored: flushPageWrites(db, true) };
}
