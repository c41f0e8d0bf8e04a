// Debounced typeahead over `search.query`: waits for a pause in typing, then asks once; answers to
// older queries are dropped by the caller (they compare the query they were asked for). A new
// `version` (the investigation changed, e.g. an import committed a file) asks again.
import { useEffect } from 'react';
import type { SearchHit } from '../../shared/api/contract';
import type { NodeType } from '../../shared/graph/ids';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';

export const SEARCH_DEBOUNCE_MS = 140;

export function useSearchHits(
  query: string,
  onHits: (query: string, hits: SearchHit[]) => void,
  onError: (message: string) => void,
  types?: NodeType[],
  version = 0,
): void {
  const backend = useBackend();
  const typeKey = types?.join(',') ?? '';
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const wanted = typeKey ? (typeKey.split(',') as NodeType[]) : undefined;
      backend
        .invoke('search.query', { q, limit: 12, ...(wanted ? { types: wanted } : {}) })
        .then((result) => { if (!cancelled) onHits(query, result.hits); })
        .catch((error: unknown) => { if (!cancelled) onError(errorMessage(error)); });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // the callbacks are deliberately not dependencies: re-running on their identity would re-query
  }, [query, typeKey, backend, version]);
}
