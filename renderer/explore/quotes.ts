// Opening the reader at an item's quote: a claim's first span (claim.get), a source from its start.
import type { Backend } from '../backend/types';
import { errorMessage } from '../backend/types';
import { useSkein } from '../state/store';

export async function openQuote(backend: Backend, claimId: number): Promise<void> {
  try {
    const { spans } = await backend.invoke('claim.get', { id: claimId });
    const span = spans[0];
    if (!span) { useSkein.getState().notify('info', 'This claim is not anchored to a source'); return; }
    useSkein.getState().openReader({ sourceId: span.sourceId, start: span.start, end: span.end });
  } catch (error) {
    useSkein.getState().notify('error', errorMessage(error));
  }
}
