// The exploration session: the view (canvas nodes, positions, pinned, filters, layout, zoom/pan) is
// restored from `view.get {name:'last'}` on open and saved back, debounced, whenever it changes;
// every change of what is on the canvas is a step of the back/forward history.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ViewState } from '../../shared/api/explore';
import { useBackend } from '../backend/context';
import { errorMessage, type Backend } from '../backend/types';
import type { LayoutName } from '../state/exploreSlice';
import { useSkein, type SkeinState } from '../state/store';
import { getCanvas, onCanvas, onCanvasSynced } from './canvasBridge';
import { fitAll, restoreCanvas } from './canvasOps';
import { parseFilters } from './filterModel';

export const SAVE_DEBOUNCE_MS = 600;
const LAYOUT_NAMES: LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid', 'saved'];

/** Whether the last view is restored and saved; the toolbar shows it and end-to-end tests wait on it. */
export const useViewStatus = create<{ state: 'restoring' | 'ready' | 'pending' | 'saved'; saves: number }>()(() => ({ state: 'restoring', saves: 0 }));

export function currentView(s: SkeinState): ViewState {
  const cy = getCanvas();
  const nodeIds = Object.keys(s.nodes);
  return {
    nodeIds,
    positions: Object.fromEntries(nodeIds.filter((id) => s.positions[id]).map((id) => [id, s.positions[id]!])),
    pinned: Object.keys(s.pinned).filter((id) => s.nodes[id]),
    hidden: [],
    layout: s.layoutName,
    filters: { ...s.filters },
    zoom: cy ? cy.zoom() : null,
    pan: cy ? { ...cy.pan() } : null,
  };
}

function nextSync(): Promise<void> {
  return new Promise((resolve) => { const off = onCanvasSynced(() => { off(); resolve(); }); });
}

async function restoreView(backend: Backend): Promise<void> {
  const { view } = await backend.invoke('view.get', { name: 'last' });
  if (!view) return;
  const store = useSkein.getState();
  store.setFilters(parseFilters(view.filters));
  store.setLayoutName(LAYOUT_NAMES.includes(view.layout as LayoutName) ? (view.layout as LayoutName) : 'fcose');
  if (view.nodeIds.length === 0) return;
  const synced = nextSync();
  await restoreCanvas(backend, { nodeIds: view.nodeIds, positions: view.positions, pinned: view.pinned });
  await synced;
  const cy = getCanvas();
  if (!cy) return;
  if (view.zoom !== null && view.pan) cy.viewport({ zoom: view.zoom, pan: view.pan });
  else fitAll(cy);
}

/** Back (-1) or forward (+1) through the exploration history. */
export async function navigateHistory(backend: Backend, delta: number): Promise<void> {
  const step = useSkein.getState().moveHistory(delta);
  if (!step) return;
  try {
    await restoreCanvas(backend, step);
  } catch (error) {
    useSkein.getState().notify('error', errorMessage(error));
  }
}

export function useExploreSession(): void {
  const backend = useBackend();
  useEffect(() => {
    let cancelled = false;
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    const status = useViewStatus.setState;
    status({ state: 'restoring' });

    const save = () => {
      clearTimeout(saveTimer);
      if (useViewStatus.getState().state === 'restoring') return;
      status({ state: 'pending' });
      saveTimer = setTimeout(() => {
        backend.invoke('view.save', { name: 'last', view: currentView(useSkein.getState()) })
          .then(() => { if (!cancelled) status((v) => ({ state: 'saved', saves: v.saves + 1 })); })
          .catch((error: unknown) => useSkein.getState().notify('error', `The view was not saved: ${errorMessage(error)}`));
      }, SAVE_DEBOUNCE_MS);
    };
    // each change of what is on the canvas (show, expand, hide, path) is one step; re-reads and
    // back/forward itself leave the same ids and are not recorded again (recordStep compares)
    const record = () => {
      const s = useSkein.getState();
      s.recordStep({ nodeIds: Object.keys(s.nodes), positions: { ...s.positions }, pinned: Object.keys(s.pinned) });
    };

    const offStore = useSkein.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes) record();
      if (s.nodes !== prev.nodes || s.positions !== prev.positions || s.pinned !== prev.pinned || s.filters !== prev.filters || s.layoutName !== prev.layoutName) save();
    });
    // zoom and pan end up in the view too; cytoscape reports them per frame, the debounce absorbs that
    const offCanvas = onCanvas((cy) => { cy?.on('viewport', save); });

    restoreView(backend)
      .catch((error: unknown) => useSkein.getState().notify('error', `The last view could not be restored: ${errorMessage(error)}`))
      .finally(() => {
        if (cancelled) return;
        status({ state: 'ready' });
        record();
      });
    return () => {
      cancelled = true;
      clearTimeout(saveTimer);
      offStore();
      offCanvas();
      getCanvas()?.off('viewport', save);
    };
  }, [backend]);
}
