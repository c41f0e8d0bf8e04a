// import.*: preview a text or file, commit the reviewed proposal, batch-import files, cancel a batch.
import { commitImport } from '../../db/import/commit';
import { backgroundImporter, runBatchInBackground } from '../import/batch-process';
import { sharedPool } from '../import/extract-pool';
import { previewImport } from '../import/pipeline';
import { cancelTask } from '../import/tasks';
import type { HandlerMap } from './types';

// extraction runs on the worker pool so that other calls are answered meanwhile
const extract: Parameters<typeof previewImport>[2] = { extract: (text, options) => sharedPool().extract(text, options) };

export const importHandlers: HandlerMap = {
  'import.preview': async ({ store }, args) => ({ proposal: await previewImport(store, args, extract) }),
  'import.commit': ({ store }, args) => commitImport(store, args),
  // "Import all": each file previewed and committed as proposed, in the background import process
  'import.auto': ({ store }, args) => backgroundImporter(store).importOne(args),
  // a batch runs in a background process at low priority: calls are answered meanwhile
  'import.batch': ({ store, emit }, { paths, taskId }) => runBatchInBackground(store, paths, { taskId, emit }),
  'import.cancel': (_ctx, { taskId }) => ({ cancelled: cancelTask(taskId) }),
};
