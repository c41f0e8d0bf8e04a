// The explore features as the shell mounts them: the bar above the canvas, overlays inside it
// (context menu, filter panel, hidden-items list), the timeline under it, and the side column with
// the source reader and the paths panel. The side column also runs the explore hooks (session,
// claim facts, canvas classes, shortcuts), so it is always mounted.
import { useEffect } from 'react';
import type { Actions } from '../app/actions';
import { useBackend } from '../backend/context';
import { useSkein } from '../state/store';
import { getCanvas } from './canvasBridge';
import { useCanvasEffects } from './canvasEffects';
import { fitAll } from './canvasOps';
import { ContextMenu } from './ContextMenu';
import { ExploreToolbar } from './ExploreToolbar';
import { FilteredList, FilterPanel } from './Filters';
import { PathsPanel } from './PathsPanel';
import { SourceReader } from './SourceReader';
import { Timeline } from './Timeline';
import { useClaimFacts } from './useClaimFacts';
import { useExploreKeys } from './useExploreKeys';
import { useExploreSession } from './useExploreSession';
import './explore.css';

export { ExploreToolbar as ExploreBar, Timeline as ExploreTimeline };

export function ExploreOverlay({ actions }: { actions: Actions }) {
  return (
    <>
      <ContextMenu actions={actions} />
      <FilterPanel />
      <FilteredList />
    </>
  );
}

export function ExploreSide({ actions }: { actions: Actions }) {
  const backend = useBackend();
  useCanvasEffects();
  useClaimFacts();
  useExploreSession();
  useExploreKeys(backend);
  const open = useSkein((s) => s.reader !== null || s.pathsOpen);
  // the side column takes width from the canvas: keep a small graph whole in what is left
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const cy = getCanvas();
      if (!cy || cy.nodes().length > 80) return;
      cy.resize();
      fitAll(cy);
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);
  if (!open) return null;
  return (
    <div className="explore-side" data-testid="explore-side">
      <SourceReader actions={actions} />
      <PathsPanel />
    </div>
  );
}
