// The change recorder behind history, undo and redo. Temporary triggers (per connection, so bulk
// loaders can go without them) copy every row image touched by a write into temp.change_log; the
// store folds the log into one append-only history entry per user action.
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './open';

/** Tables whose rows are recorded, with the columns that identify a row. */
export const RECORDED_TABLES: Record<string, readonly string[]> = {
  entity: ['id'],
  alias: ['id'],
  source: ['id'],
  claim: ['id'],
  claim_role: ['claim_id', 'entity_id', 'role'],
  relation: ['id'],
  span: ['id'],
  note: ['id'],
  merge: ['id'],
  not_duplicate: ['a', 'b'],
};

export interface RowChange {
  /** table */
  t: string;
  /** row image before the change (null: inserted) */
  b: Record<string, unknown> | null;
  /** row image after the change (null: deleted) */
  a: Record<string, unknown> | null;
}

function columnsOf(db: SqliteDb, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

function image(prefix: 'new' | 'old', columns: string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}."${c}"`).join(', ')})`;
}

export function installRecorder(db: SqliteDb): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS change_log (seq INTEGER PRIMARY KEY, t TEXT NOT NULL, b TEXT, a TEXT)`);
  for (const table of Object.keys(RECORDED_TABLES)) {
    const columns = columnsOf(db, table);
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS rec_${table}_i AFTER INSERT ON main.${table}
      BEGIN INSERT INTO change_log(t, b, a) VALUES ('${table}', NULL, ${image('new', columns)}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS rec_${table}_u AFTER UPDATE ON main.${table}
      BEGIN INSERT INTO change_log(t, b, a) VALUES ('${table}', ${image('old', columns)}, ${image('new', columns)}); END;
      CREATE TEMP TRIGGER IF NOT EXISTS rec_${table}_d AFTER DELETE ON main.${table}
      BEGIN INSERT INTO change_log(t, b, a) VALUES ('${table}', ${image('old', columns)}, NULL); END;
    `);
  }
}

interface LogStatements { clear: Statement; count: Statement; rows: Statement; append: Statement }

const logStatements = new WeakMap<SqliteDb, LogStatements>();

function log(db: SqliteDb): LogStatements {
  let s = logStatements.get(db);
  if (!s) {
    s = {
      clear: db.prepare('DELETE FROM temp.change_log'),
      count: db.prepare('SELECT count(*) AS n FROM temp.change_log'),
      rows: db.prepare('SELECT t, b, a FROM temp.change_log ORDER BY seq'),
      // the entry's JSON is put together in SQLite from the row images the triggers wrote: the same
      // array of { t, b, a } that JSON.stringify of the drained changes gives, without carrying every
      // image (a 1,000-word import: ~300 rows, ~80 KB) into JavaScript and back
      append: db.prepare(`
        INSERT INTO history (at, actor, action, summary, changes, undoes, redoes)
        SELECT @at, @actor, @action, @summary,
          '[' || group_concat('{"t":' || json_quote(t) || ',"b":' || coalesce(b, 'null') || ',"a":' || coalesce(a, 'null') || '}', ',' ORDER BY seq) || ']',
          @undoes, @redoes
        FROM temp.change_log`),
    };
    logStatements.set(db, s);
  }
  return s;
}

/** Empties the change log (what a transaction recorded before the part that counts). */
export function clearChanges(db: SqliteDb): void {
  log(db).clear.run();
}

export interface HistoryMeta { at: number; actor: string; action: string; summary: string; undoes: number | null; redoes: number | null }

/**
 * Folds the change log into one history entry and clears it; returns the entry's id (null when
 * nothing changed: no entry). `visit` sees the changes in order, parsed, for as long as it returns true.
 */
export function appendChanges(db: SqliteDb, meta: HistoryMeta, visit: (change: RowChange) => boolean): number | null {
  const s = log(db);
  const { n } = s.count.get() as { n: number };
  if (n === 0) return null;
  for (const row of s.rows.iterate() as IterableIterator<{ t: string; b: string | null; a: string | null }>) {
    const change = { t: row.t, b: row.b === null ? null : (JSON.parse(row.b) as Record<string, unknown>), a: row.a === null ? null : (JSON.parse(row.a) as Record<string, unknown>) };
    if (!visit(change)) break;
  }
  const info = s.append.run(meta);
  s.clear.run();
  return Number(info.lastInsertRowid);
}

function keyWhere(table: string): string {
  return RECORDED_TABLES[table]!.map((c) => `"${c}" = @${c}`).join(' AND ');
}

function currentRow(db: SqliteDb, table: string, row: Record<string, unknown>): Record<string, unknown> | undefined {
  const columns = columnsOf(db, table);
  const key = Object.fromEntries(RECORDED_TABLES[table]!.map((c) => [c, row[c]]));
  return db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM main.${table} WHERE ${keyWhere(table)}`).get(key) as
    | Record<string, unknown>
    | undefined;
}

function sameRow(a: Record<string, unknown> | undefined, b: Record<string, unknown> | null): boolean {
  if (!a || !b) return !a && !b;
  return Object.keys(b).every((k) => a[k] === b[k]);
}

/**
 * Applies row images: to undo, from `after` back to `before` in reverse order; to redo, forward.
 * Refuses (throws) when a row is no longer as the entry left it, so a stale undo never clobbers
 * somebody else's later change.
 */
export function applyChanges(db: SqliteDb, changes: RowChange[], direction: 'undo' | 'redo'): void {
  const steps = direction === 'undo' ? [...changes].reverse() : changes;
  db.pragma('defer_foreign_keys = ON');
  for (const change of steps) {
    const expected = direction === 'undo' ? change.a : change.b;
    const target = direction === 'undo' ? change.b : change.a;
    const probe = (expected ?? target)!;
    const current = currentRow(db, change.t, probe);
    if (!sameRow(current, expected)) {
      throw new StaleHistoryError(`it was changed again afterwards (${change.t} ${describeKey(change.t, probe)})`);
    }
    if (target === null) {
      db.prepare(`DELETE FROM main.${change.t} WHERE ${keyWhere(change.t)}`).run(pick(change.t, probe));
    } else if (expected === null) {
      const columns = Object.keys(target);
      db.prepare(`INSERT INTO main.${change.t} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(target);
    } else {
      // keys may change too (a merge moves claim_role rows): match on the old key, set every column
      const columns = Object.keys(target);
      const keys = RECORDED_TABLES[change.t]!;
      const params = {
        ...Object.fromEntries(columns.map((c) => [`new_${c}`, target[c]])),
        ...Object.fromEntries(keys.map((c) => [`old_${c}`, expected[c]])),
      };
      db.prepare(`UPDATE main.${change.t} SET ${columns.map((c) => `"${c}" = @new_${c}`).join(', ')} WHERE ${keys.map((c) => `"${c}" = @old_${c}`).join(' AND ')}`).run(params);
    }
  }
}

function pick(table: string, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(RECORDED_TABLES[table]!.map((c) => [c, row[c]]));
}

function describeKey(table: string, row: Record<string, unknown>): string {
  return RECORDED_TABLES[table]!.map((c) => String(row[c])).join('/');
}

export class StaleHistoryError extends Error {}
