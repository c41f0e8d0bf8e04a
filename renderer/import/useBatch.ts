// The import screen's handle on the "Import all" batch, which lives in importStore so that it goes
// on when the screen is hidden.
import { useCallback } from 'react';
import type { Backend } from '../backend/types';
import type { BatchOutcome } from './BatchStage';
import type { ImportItem } from './files';
import { cancelImportBatch, runImportBatch, useImportScreen } from './importStore';

export function useBatch(backend: Backend, onDone: (outcomes: BatchOutcome[]) => void) {
  const batch = useImportScreen((s) => s.batch);
  const run = useCallback((items: readonly ImportItem[]) => runImportBatch(backend, items, onDone), [backend, onDone]);
  return { batch, run, cancel: cancelImportBatch };
}
