// After an import: put the new source, its claims and its most-mentioned entities on the canvas,
// read in one graph.nodes and one graph.edgesAmong call (showNode per node would re-layout N times).
import type { Backend } from '../backend/types';
import { useSkein } from '../state/store';

/** Entities shown after an import: the most mentioned ones; the rest are one expansion away. */
export const MAIN_ENTITIES = 8;
const MAX_CLAIMS = 12;

export async function placeImportOnCanvas(backend: Backend, sourceIds: readonly number[]): Promise<void> {
  const ids = new Set<string>();
  for (const sourceId of sourceIds.slice(0, 20)) {
    ids.add(`s:${sourceId}`);
    if (sourceIds.length > 1) continue; // a batch shows its sources only; a review shows what it wrote
    const detail = await backend.invoke('source.get', { id: sourceId });
    const mentions = new Map<number, number>();
    const claims = new Set<number>();
    for (const span of detail.spans) {
      if (span.target === 'entity') mentions.set(span.targetId, (mentions.get(span.targetId) ?? 0) + 1);
      if (span.target === 'claim') claims.add(span.targetId);
    }
    [...mentions].sort((a, b) => b[1] - a[1]).slice(0, MAIN_ENTITIES).forEach(([id]) => ids.add(`e:${id}`));
    [...claims].slice(0, MAX_CLAIMS).forEach((id) => ids.add(`c:${id}`));
  }
  if (ids.size === 0) return;
  const store = useSkein.getState();
  const payload = await backend.invoke('graph.nodes', { ids: [...ids] });
  const known = Object.keys(store.nodes).slice(0, 20_000 - ids.size);
  const { edges } = await backend.invoke('graph.edgesAmong', { ids: [...new Set([...known, ...ids])] });
  store.addGraph({ nodes: payload.nodes, edges });
  store.focusNode(`s:${sourceIds[0]}`);
}
