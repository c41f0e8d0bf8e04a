// Opening an investigation file: pragmas, integrity check, backup, migrations.
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type SqliteDb = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** run PRAGMA quick_check on open (skipped for in-memory databases) */
  checkIntegrity?: boolean;
  /** refuse to create a new file: the CLI reads existing investigations only */
  mustExist?: boolean;
}

/** Upper bound of the memory-mapped part of the file (see the pragma in openDatabase). */
export const MMAP_BYTES = 256 * 2 ** 20;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Opens (creating if needed) an investigation and brings its schema up to date. */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteDb {
  const inMemory = path === ':memory:';
  if (!inMemory) assertLooksLikeSqlite(path, options.mustExist ?? false);

  let db: SqliteDb;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
  } catch (error) {
    throw new DatabaseOpenError(`Cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Memory-mapped reads: a page outside the 64 MiB cache is read straight from the OS page cache
    // instead of being copied in by a read() call (hub pages and dense search prefixes touch
    // thousands of such pages: 2–3 ms of system time per hub expansion at 1M entities). Only pages
    // actually touched count toward RSS, and they are the OS's reclaimable file cache, not heap.
    // MMAP_BYTES bounds that share: 1 GiB (the whole 745 MB 1M-entity file) saved ~1.5 ms more CPU
    // per hub call than 256 MiB, but an export touches every page and S7 holds it to 500 MiB of RSS.
    if (!inMemory) db.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (!inMemory && (options.checkIntegrity ?? true)) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new DatabaseOpenError(`${path} is damaged (integrity check: ${String(result)})`);
    }
    if (!options.readonly) migrate(db, path);
    else assertKnownVersion(db, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(`Cannot open ${path}: ${(error as Error).message}`);
  }
}

function assertLooksLikeSqlite(path: string, mustExist: boolean): void {
  if (!existsSync(path)) {
    if (mustExist) throw new DatabaseOpenError(`No investigation at ${path}`);
    return;
  }
  const stat = statSync(path);
  if (stat.isDirectory()) throw new DatabaseOpenError(`${path} is a folder, not a Skein investigation`);
  if (stat.size === 0) return; // an empty file becomes a new investigation
  // read only the 16-byte header: an investigation can be gigabytes
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  const head = header.toString('latin1');
  if (head !== SQLITE_MAGIC) throw new DatabaseOpenError(`${path} is not a Skein investigation (not an SQLite file)`);
}

function userVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertKnownVersion(db: SqliteDb, path: string, latest = SCHEMA_VERSION): void {
  const version = userVersion(db);
  if (version > latest) {
    throw new DatabaseOpenError(
      `${path} was written by a newer version of Skein (schema ${version}; this version reads up to ${latest}). Update Skein to open it.`,
    );
  }
  if (version !== 0) {
    const hasEntity = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'entity'").get();
    if (!hasEntity) throw new DatabaseOpenError(`${path} is an SQLite file but not a Skein investigation`);
  }
}

/** Runs every pending migration in one transaction, after a backup copy of a file that has data. */
export function migrate(db: SqliteDb, path = ':memory:', migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1]!.version;
  assertKnownVersion(db, path, latest);
  const current = userVersion(db);
  if (current === 0) {
    const foreign = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (foreign.n > 0) throw new DatabaseOpenError(`${path} is an SQLite file but not a Skein investigation`);
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  if (current > 0 && path !== ':memory:') {
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.backup-v${current}`);
  }
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.up);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}
