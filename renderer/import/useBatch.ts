// "Import all (auto-accept)": each file in turn is sent to import.auto, which previews and commits
// it as proposed in the background import process (import.batch needs file paths, which the
// renderer never has), with progress, cancel between files, and every failure recorded instead of
// stopping the batch. Duplicates are skipped, not imported twice.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Backend } from '../backend/types';
import { errorMessage } from '../backend/types';
import type { BatchOutcome, BatchState } from './BatchStage';
import { isReadable, previewArgs, type ImportItem } from './files';

export function useBatch(backend: Backend, onDone: (outcomes: BatchOutcome[]) => void) {
  const [batch, setBatch] = useState<BatchState | null>(null);
  const cancelled = useRef(false);
  // closing the screen mid-batch stops it after the current file
  useEffect(() => () => { cancelled.current = true; }, []);

  const run = useCallback(async (items: readonly ImportItem[]) => {
    cancelled.current = false;
    const outcomes: BatchOutcome[] = [];
    let state: BatchState = { total: items.length, done: 0, current: null, outcomes, finished: false, cancelled: false };
    setBatch(state);
    for (const item of items) {
      if (cancelled.current) break;
      state = { ...state, current: item.name };
      setBatch(state);
      try {
        if (!isReadable(item)) throw new Error(item.error ?? 'The file could not be read');
        const result = await backend.invoke('import.auto', { ...previewArgs(item), fallbackTitle: item.fallbackTitle ?? item.name });
        if (result.status === 'skipped') {
          outcomes.push({ name: item.name, status: 'skipped', detail: 'already imported', sourceId: result.sourceId });
        } else {
          outcomes.push({ name: item.name, status: 'imported', detail: `${result.entities} entities, ${result.claims} claims`, sourceId: result.sourceId });
        }
      } catch (error) {
        outcomes.push({ name: item.name, status: 'failed', detail: errorMessage(error) });
      }
      state = { ...state, done: state.done + 1, outcomes: [...outcomes] };
      setBatch(state);
    }
    setBatch({ ...state, current: null, finished: true, cancelled: cancelled.current });
    onDone(outcomes);
  }, [backend, onDone]);

  const cancel = useCallback(() => { cancelled.current = true; }, []);
  return { batch, run, cancel };
}
