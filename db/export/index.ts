// One entry point for every export format, used by the API handler, the CLI and the bench.
// Exports only read: each runs in one read transaction and writes one file atomically.
import type { SqliteDb } from '../open';
import { exportSnapshot } from '../snapshot/export';
import { exportAnnotations } from './annotations';
import { exportCsv } from './csv';
import { exportCyjs } from './cyjs';
import { exportFtm } from './ftm';
import { exportGexf, type GexfVersion } from './gexf';
import { exportGraphml } from './graphml';
import { exportReport } from './report';
import type { ExportScope } from './scope';

export const EXPORT_FORMATS = ['snapshot', 'graphml', 'gexf', 'cyjs', 'csv', 'ftm', 'annotations', 'report'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  path: string;
  scope: ExportScope;
  includeHistory?: boolean;
  picture?: string | null;
  gexfVersion?: GexfVersion;
  appVersion: string;
}

export interface ExportOutcome { path: string; bytes: number; counts: Record<string, number> }

export function runExport(db: SqliteDb, request: ExportRequest): ExportOutcome {
  // An export reads the whole file once, front to back: memory-mapped pages would only add up to
  // MMAP_BYTES of resident memory (S7's budget is peak RSS) for no gain on a sequential scan.
  const mapped = db.pragma('mmap_size', { simple: true }) as number;
  if (mapped > 0) db.pragma('mmap_size = 0');
  try {
    return exportFormat(db, request);
  } finally {
    if (mapped > 0) db.pragma(`mmap_size = ${mapped}`);
  }
}

function exportFormat(db: SqliteDb, request: ExportRequest): ExportOutcome {
  const { path, scope } = request;
  switch (request.format) {
    case 'snapshot': return exportSnapshot(db, path, { scope, includeHistory: request.includeHistory ?? false, appVersion: request.appVersion });
    case 'graphml': return exportGraphml(db, path, scope);
    case 'gexf': return exportGexf(db, path, scope, { version: request.gexfVersion ?? '1.3' });
    case 'cyjs': return exportCyjs(db, path, scope);
    case 'csv': return exportCsv(db, path, scope);
    case 'ftm': return exportFtm(db, path, scope);
    case 'annotations': return exportAnnotations(db, path, scope);
    case 'report': return exportReport(db, path, scope, { picture: request.picture });
  }
}
