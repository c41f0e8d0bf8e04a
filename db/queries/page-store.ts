// The page store (migration 0070): expansion pages kept in the investigation file, so that a new
// connection reads a hub's page back instead of computing it on a cold file. This module reads and
// writes rows; graph-page-cache.ts decides which pages go in and whether a stored one is current.
//
// Writes never make a read wait and never join a caller's transaction:
//  - they are queued by the read that computed (or patched) a page and written after it, from the
//    event loop (setImmediate), when no transaction is open: an expansion runs inside a read
//    transaction (GraphStore.read), and the reply goes out before the write;
//  - they take the write lock without waiting (busy_timeout 0 for the attempt): while a batch
//    import holds it they stay queued and go with a later flush;
//  - nor do they run a checkpoint (wal_autocheckpoint 0 for the attempt): copying a batch's WAL back
//    into the file from a reader's commit made that reader's next reads wait (patches of 100–300 ms
//    during S6 instead of ≤ 50); the writes that made pages change checkpoint them with theirs;
//  - GraphStore drops the queue with the cached pages after each of its write transactions
//    (dropPages): a page computed inside one may show what a rollback took back;
//  - a read-only connection queues nothing.
// They count in total_changes() like any write, which the cache reads to see this connection's own
// writes: storeWriteCount says how many rows they changed, to be subtracted (as fillTemp's are).
import type { Statement } from 'better-sqlite3';
import { SCHEMA_VERSION } from '../migrations';
import type { SqliteDb } from '../open';

/** At most this many pages are kept (the warm-up's 2 per hub for 16 hubs, and as many others). */
export const STORE_PAGES = 64;

/** Bump when a stored body (graph-page-codec.ts) or a page's shape changes. */
const BODY_FORMAT = 2;
/** The format of what is stored: any migration (it may change what a page shows) makes old rows stale. */
export const PAGE_FORMAT = SCHEMA_VERSION * 100 + BODY_FORMAT;

/** The store's SQL, exported so that a query-plan test checks what runs. */
export const PAGE_STORE_SQL = {
  read: 'SELECT seq, format, body FROM page_store WHERE key = ?',
  // REPLACE gives the row a new rowid: rowids order the pages by their last write (evict)
  write: 'INSERT OR REPLACE INTO page_store (key, center, seq, format, body) VALUES (?, ?, ?, ?, ?)',
  /** a stored page found current at a later seq: only its seq moves (the same page at the same seq) */
  bump: 'UPDATE page_store SET seq = ? WHERE key = ? AND seq = ?',
  evict: `DELETE FROM page_store WHERE rowid <= (SELECT rowid FROM page_store ORDER BY rowid DESC LIMIT 1 OFFSET ${STORE_PAGES})`,
  clear: 'DELETE FROM page_store',
  changes: 'SELECT total_changes()',
} as const;

export interface StoredPage { seq: number; format: number; body: Buffer }

/** One write: a page (its body made when written) or a seq bump of the stored copy. */
export type PageWrite = { key: string; seq: number } & ({ center: number; body: () => Buffer } | { was: number });

type Statements = Record<keyof typeof PAGE_STORE_SQL, Statement>;

const prepared = new WeakMap<SqliteDb, Statements | null>();
const queues = new WeakMap<SqliteDb, { writes: Map<string, PageWrite>; scheduled: boolean }>();
const written = new WeakMap<SqliteDb, number>();

/** The connection's statements; null on a file without page_store (read-only, not migrated). */
function statementsOf(db: SqliteDb): Statements | null {
  let s = prepared.get(db);
  if (s === undefined) {
    try {
      s = Object.fromEntries(Object.entries(PAGE_STORE_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Statements;
      s.changes.pluck();
    } catch {
      s = null;
    }
    prepared.set(db, s);
  }
  return s;
}

/** Rows this connection's page-store writes changed so far (see the header). */
export function storeWriteCount(db: SqliteDb): number {
  return written.get(db) ?? 0;
}

/** The stored copy of a page, if any. */
export function readStoredPage(db: SqliteDb, key: string): StoredPage | null {
  return (statementsOf(db)?.read.get(key) as StoredPage | undefined) ?? null;
}

/**
 * Writes pages now, outside any transaction; `wait`: take the write lock as any write does (a bulk
 * change's warm-up), otherwise give up at once when another connection holds it. Returns false when
 * nothing was written because of that (or because this connection cannot write).
 */
export function writePages(db: SqliteDb, writes: Iterable<PageWrite>, wait = false): boolean {
  const s = statementsOf(db);
  if (!s || db.readonly || db.inTransaction || !db.open) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const before = s.changes.get() as number;
  if (!wait) {
    db.pragma('busy_timeout = 0');
    db.pragma('wal_autocheckpoint = 0');
  }
  try {
    db.transaction(() => {
      for (const w of writes) {
        if ('was' in w) s.bump.run(w.seq, w.key, w.was);
        else s.write.run(w.key, w.center, w.seq, PAGE_FORMAT, w.body());
      }
      s.evict.run();
    }).immediate();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    if (!wait) {
      db.pragma(`busy_timeout = ${timeout}`);
      db.pragma(`wal_autocheckpoint = ${checkpoint}`);
    }
    written.set(db, storeWriteCount(db) + (s.changes.get() as number) - before);
  }
}

/** Queues a write for after the current read (see the header); a later one for the same key replaces it. */
export function queuePageWrite(db: SqliteDb, write: PageWrite): void {
  if (db.readonly || !statementsOf(db)) return;
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { writes: new Map(), scheduled: false }));
  queue.writes.delete(write.key);
  queue.writes.set(write.key, write);
  if (queue.scheduled) return;
  queue.scheduled = true;
  const mine = queue;
  setImmediate(() => {
    mine.scheduled = false;
    if (queues.get(db) === mine) flushPageWrites(db);
  });
}

/**
 * Writes the queued pages; `wait`: for the write lock (the warm-up), otherwise only if it is free
 * (else they wait for the next flush). False when they could not be written. Without `wait` it
 * never throws: a page that cannot be stored (disk full, a damaged file) is only computed again.
 */
export function flushPageWrites(db: SqliteDb, wait = false): boolean {
  if (db.readonly || !db.open || db.inTransaction) return false;
  const queue = queues.get(db);
  if (!queue || queue.writes.size === 0) return true;
  try {
    if (!writePages(db, queue.writes.values(), wait)) return false;
  } catch (error) {
    queue.writes.clear(); // the next computation queues them again
    if (wait) throw error;
    return false;
  }
  queue.writes.clear();
  return true;
}

/** Forgets the queued writes (GraphStore's write transactions, through dropPages). */
export function dropPageWrites(db: SqliteDb): void {
  queues.delete(db);
}

/** Empties the store: for whoever changes graph rows without graph_touch seeing it (bulk loaders). */
export function clearPageStore(db: SqliteDb): void {
  dropPageWrites(db);
  statementsOf(db)?.clear.run();
}
