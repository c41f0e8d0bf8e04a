// The prepared statements of snapshot import. Rows are inserted under their snapshot id when that
// id is free (CASE … EXISTS), so an import into an empty investigation keeps every id; uniqueness
// clashes use ON CONFLICT DO NOTHING, never OR IGNORE, which would also swallow CHECK failures.
import type { SqliteDb } from '../open';
import { newUid } from '../rows';
import { tableExists } from './sections';

type Row = Record<string, unknown>;
const WITH_ID = new Set(['entity', 'alias', 'source', 'claim', 'relation', 'span', 'note', 'merge', 'history']);

export function insertStatements(db: SqliteDb) {
  const cache = new Map<string, ReturnType<SqliteDb['prepare']>>();
  const statement = (table: string, columns: string[], ignore: boolean) => {
    const key = `${table}|${columns.join(',')}|${ignore}`;
    let stmt = cache.get(key);
    if (!stmt) {
      const values = columns.map((c) =>
        c === 'id' && WITH_ID.has(table) ? `CASE WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = @id) THEN NULL ELSE @id END` : `@${c}`);
      stmt = db.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${values.join(', ')})${ignore ? ' ON CONFLICT DO NOTHING' : ''}`);
      cache.set(key, stmt);
    }
    return stmt;
  };
  const run = (table: string, row: Row, ignore: boolean): number | null => {
    const info = statement(table, Object.keys(row), ignore).run(row);
    return info.changes === 0 ? null : Number(info.lastInsertRowid);
  };
  const uidTaken: Record<string, ReturnType<SqliteDb['prepare']>> = {
    source: db.prepare('SELECT 1 FROM source WHERE uid = ?'),
  };
  return {
    hasMerge: tableExists(db, 'merge'),
    /** Inserts a row, returning its id (its snapshot id when that was free). */
    insert: (table: string, row: Row): number => run(table, row, false)!,
    /** Inserts unless a uniqueness constraint says the row is already there (then null). */
    insertOrIgnore: (table: string, row: Row): number | null => run(table, row, true),
    freeUid: (table: 'source', uid: string): string => (uidTaken[table]!.get(uid) ? newUid() : uid),
    sourceByHash: db.prepare('SELECT id, title, publisher, author, url, published_at, reliability FROM source WHERE sha256 = ?'),
    entityByUid: db.prepare('SELECT id, kind, name, description FROM entity WHERE uid = ?'),
    claimByUid: db.prepare('SELECT id, text, stance, status, credibility, evidence_offered, predicate FROM claim WHERE uid = ?'),
    relationByUid: db.prepare('SELECT id, kind, start, "end" FROM relation WHERE uid = ?'),
    aliasMatches: db.prepare(`SELECT DISTINCT e.id, e.name FROM alias a CROSS JOIN entity e ON e.id = a.entity_id
      WHERE a.norm = ? AND e.merged_into IS NULL LIMIT 5`),
    aliasId: db.prepare('SELECT id FROM alias WHERE entity_id = ? AND norm = ?').pluck(),
    sameSpan: db.prepare(`SELECT id FROM span WHERE source_id = @source_id AND start = @start AND "end" = @end
      AND entity_id IS @entity_id AND claim_id IS @claim_id AND relation_id IS @relation_id`).pluck(),
    sameNote: db.prepare(`SELECT id FROM note WHERE body = @body AND entity_id IS @entity_id AND claim_id IS @claim_id
      AND relation_id IS @relation_id AND source_id IS @source_id`).pluck(),
    setting: db.prepare('SELECT value FROM setting WHERE key = ?').pluck(),
    setMergedInto: db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?'),
    setRespondsTo: db.prepare('UPDATE claim SET responds_to = ? WHERE id = ?'),
  };
}
