// export.run, snapshot.import and graph.importFile: the file side of SPEC §5. Errors of the file
// readers (a malformed snapshot or graph file) become invalid_arguments with the reader's message.
// export.prepare and graph.importUpload are the window's versions: files go through a private temp
// folder (export-files.ts) because the renderer never sees paths.
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { exportFiles, suggestedName } from '../export-files';
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
  'export.prepare': ({ store, appVersion }, args) => {
    const files = exportFiles();
    const name = suggestedName(basename(store.path), args.format, args.scope.kind, new Date());
    const { id, path } = files.reserve(name);
    try {
      const outcome = runExport(store.db, { ...args, path, appVersion });
      const file = files.publish(id, name);
      return { downloadId: file.id, name: file.name, bytes: file.bytes, counts: outcome.counts };
    } catch (error) {
      files.remove(id);
      throw error;
    }
  },
  'graph.importUpload': ({ store }, { name, base64 }) => {
    // the reader detects the format by content; the name only labels the scratch file and messages
    const scratch = exportFiles().scratch(basename(name), Buffer.from(base64, 'base64'));
    try {
      return importGraphFile(store, scratch.path);
    } catch (error) {
      return asApiError(error);
    } finally {
      scratch.dispose();
    }
  },
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
