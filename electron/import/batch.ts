// Batch import: files and folders (recursively, supported extensions only), one file at a time,
// each in its own transaction, accepted automatically. A failing file is reported and the batch
// goes on; a cancel stops before the next file. Files are committed in order, so that a later
// article links to the entities an earlier one created instead of duplicating them. To keep both
// cores busy, file N+1 is read and sent to the extractor (a worker thread) before file N's
// extraction is awaited, so that it runs as soon as N's ends, while N commits (S6: commits take
// tens of ms at 1M entities); once N has committed, that early proposal is used
// only if the investigation still gives file N+1 the same known entities, otherwise it is redone.
// When nothing but commit N wrote in between and N added no alias that file N+1's text could name,
// the known entities cannot have changed and are not looked up again.
import { readdir, stat } from 'node:fs/promises';
import type { Statement } from 'better-sqlite3';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { BatchResult } from '../../shared/api/import';
import { writeImport } from '../../db/import/commit';
import { knownEntitiesIn, presenceIn } from '../../db/import/gazetteer';
import { findSourceByHash } from '../../db/queries/sources';
import { warmPages } from '../../db/queries/page-warm';
import type { ExtractOptions, Extraction } from '../../shared/extract/types';
import type { ImportProposal } from '../../shared/api/import';
import type { GraphStore } from '../../db/store';
import { acceptAsProposed, previewImport, type PipelineOptions } from './pipeline';
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

/** A proposal prepared ahead of the previous file's commit, with what its extraction was given. */
interface Early {
  proposal: Promise<ImportProposal>;
  /** resolves once the extraction has been handed to the extractor (or the preview failed first) */
  dispatched: Promise<void>;
  input: { text: string; options: ExtractOptions } | null;
  /** where the investigation stood before its known entities were read */
  seen: Counters;
}

/**
 * Where the investigation stood: the newest history entry (every write of this connection goes
 * through GraphStore.write and leaves one), SQLite's count of commits by other connections, and
 * the schema's version.
 */
interface Counters { history: number; version: number; schema: number }

const statements = new WeakMap<GraphStore, { counters: Statement; before: Statement }>();

function prepared(store: GraphStore) {
  let s = statements.get(store);
  if (!s) {
    s = {
      counters: store.db.prepare(`SELECT coalesce((SELECT max(id) FROM history), 0) AS history,
        (SELECT data_version FROM pragma_data_version()) AS version, (SELECT schema_version FROM pragma_schema_version()) AS schema`),
      before: store.db.prepare('SELECT coalesce(max(id), 0) AS id FROM history WHERE id < ?'),
    };
    statements.set(store, s);
  }
  return s;
}

function counters(store: GraphStore): Counters {
  return prepared(store).counters.get() as Counters;
}

/** The previous file's commit: its history entry and the alias keys it added. */
interface Committed { historyId: number | null; aliasKeys: Set<string> }

/**
 * Whether the known entities of `text`, read before the previous commit, still hold: that commit is
 * the only write since they were read, and none of the aliases it added is a name the text could
 * contain. (The gazetteer finds entities only by such names; an alias the text cannot contain,
 * added to a known entity, changes no match of the extractor.)
 */
function knownStillHold(store: GraphStore, text: string, early: Early, committed: Committed | null): boolean {
  const seen = early.seen;
  if (committed?.historyId == null) return false;
  const now = counters(store);
  if (now.version !== seen.version || now.schema !== seen.schema || now.history !== committed.historyId) return false;
  const before = prepared(store).before.get(committed.historyId) as { id: number };
  if (before.id !== seen.history) return false;
  const present = presenceIn(text);
  return ![...committed.aliasKeys].some(present);
}

function previewEarly(store: GraphStore, path: string, options: BatchOptions): Early {
  const extract = options.extract ?? (async (text: string, opts: ExtractOptions) => (await import('./extract-pool')).sharedPool().extract(text, opts));
  let markDispatched!: () => void;
  // read before the known entities are (a write in between makes the check below fail, never pass)
  const early: Early = { proposal: Promise.resolve(null as never), dispatched: new Promise((resolve) => (markDispatched = resolve)), input: null, seen: counters(store) };
  early.proposal = previewImport(store, { path }, {
    ...options,
    extract: (text: string, opts: ExtractOptions): Promise<Extraction> => {
      early.input = { text, options: opts };
      const running = extract(text, opts);
      markDispatched();
      return running;
    },
  });
  // a failure is reported when the file's turn comes; until then it must not count as unhandled
  early.proposal.then(markDispatched, markDispatched);
  return early;
}

/**
 * The early proposal if it is still what previewImport would return now that the previous file
 * has committed: same known entities for its text (the extractor is a function of text and
 * options) and the duplicate check read again. Otherwise (or if it failed) the file is previewed again.
 */
async function settle(store: GraphStore, path: string, early: Early, options: BatchOptions, committed: Committed | null): Promise<ImportProposal> {
  let proposal: ImportProposal;
  try {
    proposal = await early.proposal;
  } catch {
    return previewImport(store, { path }, options); // reported from a run that saw the committed state
  }
  const input = early.input;
  if (!input) return previewImport(store, { path }, options);
  if (!knownStillHold(store, input.text, early, committed)) {
    const known = store.read((db) => knownEntitiesIn(db, input.text));
    if (JSON.stringify(known) !== JSON.stringify(input.options.known ?? [])) return previewImport(store, { path }, options);
  }
  const duplicate = store.read((db) => findSourceByHash(db, proposal.sha256));
  return { ...proposal, duplicateOf: duplicate?.id ?? null };
}

/**
 * WAL pages written before SQLite copies them back into the file, during a batch. The default
 * (1,000 pages, 4 MiB) made every fourth commit pay for a checkpoint: an import dirties ~250
 * pages, mostly the same index and FTS pages as the one before, so a longer interval writes each
 * of those back once instead of four times. Back to what it was when the batch ends.
 */
const BATCH_CHECKPOINT_PAGES = 4000;

/** Batches running per connection, and the interval to go back to when the last one ends. */
const widened = new WeakMap<GraphStore, { batches: number; pages: number }>();

function widenCheckpoints(store: GraphStore): () => void {
  let state = widened.get(store);
  if (!state) {
    const pages = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    state = { batches: 0, pages };
    widened.set(store, state);
    if (pages > 0 && pages < BATCH_CHECKPOINT_PAGES) store.db.pragma(`wal_autocheckpoint = ${BATCH_CHECKPOINT_PAGES}`);
  }
  state.batches++;
  const mine = state;
  return () => {
    if (--mine.batches > 0) return;
    widened.delete(store);
    if (store.db.open) store.db.pragma(`wal_autocheckpoint = ${mine.pages}`);
  };
}

export async function runBatch(store: GraphStore, paths: readonly string[], options: BatchOptions = {}): Promise<BatchResult> {
  const task = startTask(options.taskId);
  const result: BatchResult = { taskId: task.taskId, imported: [], skipped: [], failed: [], cancelled: false };
  const narrowCheckpoints = widenCheckpoints(store);
  try {
    const { files, failed } = await collectFiles(paths);
    result.failed.push(...failed);
    const total = files.length;
    const progress = (done: number, message: string) => options.emit?.('task.progress', { task: task.taskId, done, total, message });
    progress(0, total === 0 ? 'no files to import' : `importing ${plural(total, 'file')}`);
    // the first file's known entities are looked up again when its turn comes (nothing committed before it)
    let next: Early | null = files[0] !== undefined && !task.signal.aborted ? previewEarly(store, files[0], options) : null;
    let committed: Committed | null = null;
    for (const [index, path] of files.entries()) {
      if (task.signal.aborted) {
        result.cancelled = true;
        break;
      }
      const name = basename(path);
      const current = next;
      next = null;
      let message: string;
      try {
        // the next file is read and its extraction queued behind this one's before this one is
        // awaited: the extractor goes from one file to the next without waiting for the writer,
        // which meanwhile commits (synchronously) the file whose extraction ended
        const following = files[index + 1];
        if (following !== undefined) {
          await current?.dispatched; // the extractor takes files in the order they are handed to it
          next = previewEarly(store, following, options);
        }
        const proposal = current ? await settle(store, path, current, options, committed) : await previewImport(store, { path }, options);
        committed = null;
        if (proposal.duplicateOf !== null) {
          result.skipped.push({ path, reason: 'duplicate', sourceId: proposal.duplicateOf });
          message = `${name} … already imported`;
        } else {
          const accepted = acceptAsProposed(proposal);
          // its known entities are read before this commit, as settle() assumes
          await next?.dispatched;
          const { result: written, aliasKeys } = writeImport(store, accepted);
          committed = { historyId: written.historyId, aliasKeys };
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
    // the hubs' first expansions after a batch should not pay for a cold computation; a failure
    // here costs only that, never the import
    if (result.imported.length > 0) {
      try {
        warmPages(store.db);
      } catch {
        // the pages are computed when first asked for instead
      }
    }
    return result;
  } finally {
    narrowCheckpoints();
    task.finish();
  }
}
