// A measuring handle for `npm run bench` (R1–R4): with `?perf=1` in the URL the page exposes the
// store, the backend and the canvas on `window.__skeinPerf`, so the bench can add a fixed number of
// nodes through the real store → canvas path and time the frames. Nothing is exposed otherwise.
import type { Core } from 'cytoscape';
import type { Backend } from '../backend/types';
import { getCanvas } from '../explore/canvasBridge';
import { canvasBoxSource, layoutNode, lookOf, NodeBoxes } from '../graph/measure';
import { whenFed } from '../graph/progressive';
import { graphStyle } from '../graph/style';
import { useSkein } from '../state/store';

export interface PerfHandle {
  store: typeof useSkein;
  backend: Backend;
  canvas(): Core | null;
  /** resolves once every edge of the last additions is on the canvas (they arrive over a few frames) */
  fed(): Promise<void>;
  /**
   * The largest difference, in px, between a node box measured from its data (measure.ts, what new
   * nodes are placed by) and cytoscape's own, over every node on the canvas.
   */
  boxError(): number;
}

function boxError(cy: Core | null): number {
  const source = canvasBoxSource(graphStyle('light'));
  if (!cy || !source) return NaN;
  const boxes = new NodeBoxes(source);
  let worst = 0;
  cy.nodes().forEach((node) => {
    const ours = boxes.box(node.id(), lookOf(node.data() as Record<string, unknown>, node.selected()));
    const theirs = layoutNode(node);
    worst = Math.max(worst, Math.abs(ours.w - theirs.w), Math.abs(ours.h - theirs.h), Math.abs(ours.oy - theirs.oy));
  });
  return worst;
}

export function installPerfHook(backend: Backend): void {
  if (new URLSearchParams(location.search).get('perf') !== '1') return;
  const handle: PerfHandle = { store: useSkein, backend, canvas: getCanvas, fed: whenFed, boxError: () => boxError(getCanvas()) };
  (window as unknown as { __skeinPerf: PerfHandle }).__skeinPerf = handle;
}
