// export.run, snapshot.import and graph.importFile: the file side of SPEC §5. Errors of the file
// readers (a malformed snapshot or graph file) become invalid_arguments with the reader's message.
import { existsSync, statSync } from 'node:fs';
import { runExport } from '../../db/export';
import { importGraphFile, GraphFileError } from '../../db/import-graph';
import { importSnapshot } from '../../db/snapshot/import';
import { SnapshotError } from '../../db/snapshot/reader';
import { ApiError } from '../../shared/api/errors';
import type { HandlerMap } from './types';

function readable(path: string): string {
  if (!existsSync(path)) throw new ApiError('not_found', `No file at ${path}`);
  if (statSync(path).isDirectory()) throw new ApiError('invalid_arguments', `${path} is a folder, not a file`);
  return path;
}

function asApiError(error: unknown): never {
  if (error instanceof SnapshotError || error instanceof GraphFileError) throw new ApiError('invalid_arguments', error.message);
  throw error;
}

export const exportHandlers: HandlerMap = {
  'export.run': ({ store, appVersion }, args) => runExport(store.db, { ...args, appVersion }),
  'snapshot.import': ({ store }, { path }) => {
    try {
      return importSnapshot(store, readable(path));
    } catch (error) {
      return asApiError(error);
    }
  },
  'graph.importFile': ({ store }, { path }) => {
    try {
      return importGraphFile(store, readable(path));
    } catch (error) {
      return asApiError(error);
    }
  },
};
