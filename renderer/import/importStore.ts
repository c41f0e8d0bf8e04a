// Whether the import screen is open and with which dropped or menu-picked files, and the "Import
// all" batch, which outlives the screen: the analyst may hide the screen and go on exploring while
// the files are imported (in the main process's background import process), then look at the
// summary. Its own tiny store (not the shell's dialog slice) so the import feature plugs into the
// shell with two hook lines.
import { create } from 'zustand';
import type { Backend } from '../backend/types';
import { errorMessage } from '../backend/types';
import type { BatchOutcome, BatchState } from './BatchStage';
import { isReadable, previewArgs, type ImportItem } from './files';

interface ImportScreenState {
  open: boolean;
  /** files handed over by a window drop; the screen reads them once on open */
  files: File[];
  /** bumped on every open so a second drop while open re-reads the new files */
  seq: number;
  /** the running or finished "Import all", until its summary is closed */
  batch: BatchState | null;
}

export const useImportScreen = create<ImportScreenState>()(() => ({ open: false, files: [], seq: 0, batch: null }));

export function openImport(files: File[] = []): void {
  useImportScreen.setState((s) => ({ open: true, files, seq: s.seq + 1 }));
}

export function closeImport(): void {
  useImportScreen.setState({ open: false, files: [] });
}

let cancelRequested = false;

/**
 * "Import all (auto-accept)": each file in turn is sent to import.auto, which previews and commits
 * it as proposed in the background import process (import.batch needs file paths, which the
 * renderer never has), with progress, cancel between files, and every failure recorded instead of
 * stopping the batch. Duplicates are skipped, not imported twice. One batch at a time.
 */
export async function runImportBatch(backend: Backend, items: readonly ImportItem[], onDone: (outcomes: BatchOutcome[]) => void): Promise<void> {
  const running = useImportScreen.getState().batch;
  if (running && !running.finished) return;
  cancelRequested = false;
  const outcomes: BatchOutcome[] = [];
  let state: BatchState = { total: items.length, done: 0, current: null, outcomes, finished: false, cancelled: false };
  const show = (next: BatchState) => useImportScreen.setState({ batch: next });
  show(state);
  for (const item of items) {
    if (cancelRequested) break;
    state = { ...state, current: item.name };
    show(state);
    try {
      if (!isReadable(item)) throw new Error(item.error ?? 'The file could not be read');
      const result = await backend.invoke('import.auto', { ...previewArgs(item), fallbackTitle: item.fallbackTitle ?? item.name });
      if (result.status === 'skipped') outcomes.push({ name: item.name, status: 'skipped', detail: 'already imported', sourceId: result.sourceId });
      else outcomes.push({ name: item.name, status: 'imported', detail: `${result.entities} entities, ${result.claims} claims`, sourceId: result.sourceId });
    } catch (error) {
      outcomes.push({ name: item.name, status: 'failed', detail: errorMessage(error) });
    }
    state = { ...state, done: state.done + 1, outcomes: [...outcomes] };
    show(state);
  }
  show({ ...state, current: null, finished: true, cancelled: cancelRequested });
  onDone(outcomes);
}

/** Stops the running batch after the file being imported. */
export function cancelImportBatch(): void {
  cancelRequested = true;
}

/** Forgets a finished batch once its summary has been seen. */
export function clearImportBatch(): void {
  if (useImportScreen.getState().batch?.finished) useImportScreen.setState({ batch: null });
}
