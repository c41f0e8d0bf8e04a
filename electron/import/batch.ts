// Batch import: files and folders (recursively, supported extensions only), one file at a time,
// each in its own transaction, accepted automatically. A failing file is reported and the batch
// goes on; a cancel stops before the next file. Files run in order, not in parallel, so that a
// later article links to the entities an earlier one created instead of duplicating them.
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { EventName, EventPayload } from '../../shared/api/events';
import { CommitArgsSchema, type BatchResult } from '../../shared/api/import';
import { commitImport } from '../../db/import/commit';
import type { GraphStore } from '../../db/store';
import { previewImport, type PipelineOptions } from './pipeline';
import { isSupportedFile, SUPPORTED_EXTENSIONS } from './readers';
import { osMessage } from './readers/file';
import { ImportFileError } from './readers/types';
import { startTask } from './tasks';

export interface BatchOptions extends PipelineOptions {
  taskId?: string;
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

type Failed = BatchResult['failed'][number];

/** The files to import: given files as they are, folders walked in name order (hidden entries skipped). */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; failed: Failed[] }> {
  const files: string[] = [];
  const failed: Failed[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      // symbolic links to folders are not followed: they can loop
      if (entry.isDirectory()) await walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && isSupportedFile(path)) files.push(path);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else if (!isSupportedFile(path)) failed.push({ path, error: `not a text/HTML/PDF/DOCX file (supported: ${SUPPORTED_EXTENSIONS.join(', ')})` });
      else files.push(path);
    } catch (error) {
      failed.push({ path, error: osMessage(error) });
    }
  }
  return { files: [...new Set(files)], failed };
}

/** A failure as one sentence about the file (the file name is shown beside it, not repeated). */
export function failureMessage(error: unknown): string {
  if (error instanceof ImportFileError) return error.reason;
  if (error instanceof ApiError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function runBatch(store: GraphStore, paths: readonly string[], options: BatchOptions = {}): Promise<BatchResult> {
  const task = startTask(options.taskId);
  const result: BatchResult = { taskId: task.taskId, imported: [], skipped: [], failed: [], cancelled: false };
  try {
    const { files, failed } = await collectFiles(paths);
    result.failed.push(...failed);
    const total = files.length;
    const progress = (done: number, message: string) => options.emit?.('task.progress', { task: task.taskId, done, total, message });
    progress(0, total === 0 ? 'no files to import' : `importing ${plural(total, 'file')}`);
    for (const [index, path] of files.entries()) {
      if (task.signal.aborted) {
        result.cancelled = true;
        break;
      }
      const name = basename(path);
      let message: string;
      try {
        const proposal = await previewImport(store, { path }, options);
        if (proposal.duplicateOf !== null) {
          result.skipped.push({ path, reason: 'duplicate', sourceId: proposal.duplicateOf });
          message = `${name} … already imported`;
        } else {
          const args = CommitArgsSchema.safeParse({ proposal });
          if (!args.success) throw new ApiError('internal', `the extractor's proposal was refused (${args.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
          const written = commitImport(store, args.data);
          result.imported.push({ path, sourceId: written.sourceId, entities: written.entities, claims: written.claims });
          message = `${name} … ${plural(written.entities, 'entity', 'entities')}, ${plural(written.claims, 'claim')}`;
        }
      } catch (error) {
        const text = failureMessage(error);
        result.failed.push({ path, error: text });
        message = `${name} … failed: ${text}`;
      }
      progress(index + 1, message);
    }
    return result;
  } finally {
    task.finish();
  }
}
