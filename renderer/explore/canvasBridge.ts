// The explore features' handle on the one cytoscape instance GraphCanvas owns. GraphCanvas attaches
// it on creation and reports each store→canvas sync, so classes (filters, path highlights) can be
// re-applied to elements that just arrived; everything else still flows through the store.
import type { Core } from 'cytoscape';

let current: Core | null = null;
const attachListeners = new Set<(cy: Core | null) => void>();
const syncListeners = new Set<(cy: Core) => void>();

export function attachCanvas(cy: Core | null): void {
  current = cy;
  for (const fn of attachListeners) fn(cy);
}

export function getCanvas(): Core | null {
  return current;
}

/** Runs `fn` with the canvas now (if any) and whenever it is attached or detached; returns the unsubscribe. */
export function onCanvas(fn: (cy: Core | null) => void): () => void {
  attachListeners.add(fn);
  fn(current);
  return () => attachListeners.delete(fn);
}

export function canvasSynced(): void {
  if (current) for (const fn of syncListeners) fn(current);
}

export function onCanvasSynced(fn: (cy: Core) => void): () => void {
  syncListeners.add(fn);
  return () => syncListeners.delete(fn);
}
