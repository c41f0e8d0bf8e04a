// Snapshot export: the investigation (or a view) as one `.skein.json`, written row by row from
// SQLite iterators into an atomic file. The layout puts every record on its own line, so the
// importer can read it back line by line without holding the document; the file is still plain JSON.
import {
  SECTION_NAMES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Manifest, type SectionName, type SnapshotCounts,
} from '../../shared/snapshot/schema';
import { writeAtomically } from '../export/atomic';
import { viewParams, viewSets, type ExportScope } from '../export/scope';
import type { SqliteDb } from '../open';
import { SECTION_SQL, tableExists } from './sections';

export interface SnapshotExportOptions {
  scope: ExportScope;
  includeHistory?: boolean;
  appVersion: string;
  /** export time (tests pin it) */
  now?: Date;
}

export interface ExportResult {
  path: string;
  bytes: number;
  counts: Record<string, number>;
}

function sectionQuery(db: SqliteDb, name: SectionName, scope: ExportScope, includeHistory: boolean): string | null {
  const sql = SECTION_SQL[name];
  if (name === 'history' && !includeHistory) return null;
  if (!tableExists(db, sql.table)) return null;
  return scope.kind === 'view' ? sql.view : sql.all;
}

export function exportSnapshot(db: SqliteDb, path: string, options: SnapshotExportOptions): ExportResult {
  const includeHistory = (options.includeHistory ?? false) && options.scope.kind === 'investigation';
  // One read transaction: the counts in the manifest and the rows below see the same data.
  return db.transaction(() => {
    const params = options.scope.kind === 'view' ? viewParams(viewSets(db, options.scope.nodeIds)) : {};
    const queries = Object.fromEntries(
      SECTION_NAMES.map((name) => [name, sectionQuery(db, name, options.scope, includeHistory)]),
    ) as Record<SectionName, string | null>;
    const counts = Object.fromEntries(
      SECTION_NAMES.map((name) => {
        const sql = queries[name];
        return [name, sql ? (db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(params) as number) : 0];
      }),
    ) as SnapshotCounts;
    const hashSql = queries.sources!.replace(/^SELECT [\s\S]*? FROM source/, 'SELECT sha256 FROM source');
    const manifest: Manifest = {
      app: { name: 'Skein', version: options.appVersion },
      exported_at: (options.now ?? new Date()).toISOString(),
      scope: options.scope.kind,
      schema_version: db.pragma('user_version', { simple: true }) as number,
      history: includeHistory,
      counts,
      source_sha256: db.prepare(hashSql).pluck().all(params) as string[],
    };
    const written = writeAtomically(path, (file) => {
      file.write(`{"format":${JSON.stringify(SNAPSHOT_FORMAT)},"version":${SNAPSHOT_VERSION},\n`);
      file.write(`"manifest":${JSON.stringify(manifest)},\n`);
      SECTION_NAMES.forEach((name, index) => {
        file.write(`${JSON.stringify(name)}:[\n`);
        const sql = queries[name];
        let first = true;
        if (sql) {
          for (const row of db.prepare(sql).iterate(params)) {
            file.write(first ? JSON.stringify(row) : `,\n${JSON.stringify(row)}`);
            first = false;
          }
          if (!first) file.write('\n');
        }
        file.write(index === SECTION_NAMES.length - 1 ? ']\n' : '],\n');
      });
      file.write('}\n');
    });
    return { ...written, counts: { ...counts } };
  }).deferred();
}
