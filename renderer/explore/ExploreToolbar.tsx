// The explore bar above the canvas: back/forward, layout switcher, fit/zoom to selection, filters,
// paths, plus the active-filter chips and the saved-view indicator.
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import type { LayoutName } from '../state/exploreSlice';
import { useSkein } from '../state/store';
import { LAYOUTS, runLayout, zoomToSelection } from './canvasOps';
import { FilterChips } from './Filters';
import { navigateHistory, useViewStatus } from './useExploreSession';

export async function switchLayout(backend: ReturnType<typeof useBackend>, name: LayoutName): Promise<void> {
  const s = useSkein.getState();
  s.setLayoutName(name);
  try {
    if (name !== 'saved') { await runLayout(name); return; }
    const { view } = await backend.invoke('view.get', { name: 'positions' });
    if (!view) { s.notify('info', 'No saved positions yet: arrange the canvas and press “Save positions”'); return; }
    await runLayout('saved', view.positions);
  } catch (error) {
    s.notify('error', errorMessage(error));
  }
}

export function ExploreToolbar() {
  const backend = useBackend();
  const layoutName = useSkein((s) => s.layoutName);
  const canBack = useSkein((s) => s.historyIndex > 0);
  const canForward = useSkein((s) => s.historyIndex < s.history.length - 1);
  const filtersOpen = useSkein((s) => s.filtersOpen);
  const pathsOpen = useSkein((s) => s.pathsOpen);
  const viewState = useViewStatus((v) => v.state);
  const saves = useViewStatus((v) => v.saves);
  const savePositions = () => {
    const s = useSkein.getState();
    backend.invoke('view.save', { name: 'positions', view: { nodeIds: Object.keys(s.nodes), positions: s.positions } })
      .then(() => s.notify('info', 'Positions saved'))
      .catch((error: unknown) => s.notify('error', errorMessage(error)));
  };
  return (
    <div className="explore-bar" data-testid="explore-bar" role="toolbar" aria-label="Explore">
      <button type="button" disabled={!canBack} onClick={() => void navigateHistory(backend, -1)} title="Back (Alt+←)" aria-label="Back" data-testid="history-back">←</button>
      <button type="button" disabled={!canForward} onClick={() => void navigateHistory(backend, 1)} title="Forward (Alt+→)" aria-label="Forward" data-testid="history-forward">→</button>
      <label className="layout-pick">Layout
        <select data-testid="layout-select" value={layoutName} onChange={(e) => void switchLayout(backend, e.target.value as LayoutName)}>
          {LAYOUTS.map((l) => <option key={l.name} value={l.name}>{l.label}</option>)}
        </select>
      </label>
      <button type="button" onClick={savePositions} title="Remember these positions for “Saved positions”">Save positions</button>
      <button type="button" onClick={zoomToSelection} title="Zoom to the selection (Z)">Zoom to selection</button>
      <button type="button" aria-pressed={filtersOpen} data-testid="filters-button" onClick={() => useSkein.getState().setFiltersOpen(!filtersOpen)} title="Filters (Shift+F)">Filters</button>
      <button type="button" aria-pressed={pathsOpen} data-testid="paths-button" onClick={() => (pathsOpen ? useSkein.getState().closePaths() : useSkein.getState().openPaths({ from: useSkein.getState().selectedId }))} title="Find paths (G)">Paths</button>
      <FilterChips />
      <span className="view-status muted" data-testid="view-status" data-state={viewState} data-saves={saves}>
        {viewState === 'restoring' ? 'Restoring view…' : viewState === 'pending' ? 'Saving view…' : viewState === 'saved' ? 'View saved' : ''}
      </span>
    </div>
  );
}
