// Runs a large fresh layout (scaleLayout.ts layoutFresh) in a worker (layout.worker.ts), so the
// window stays responsive while it computes; without a worker (a scheme that refuses workers, or
// tests in Node) the same layout runs in place.
import type { Core } from 'cytoscape';
import type { LayoutEdge, Point } from './boxes';
import { layoutEdges, nodeBox, type NodeBoxes } from './measure';
import { layoutFresh } from './scaleLayout';
import type { LayoutReply, LayoutRequest } from './layout.worker';

let worker: Worker | null | undefined;
let seq = 0;

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker ahead of the first large layout, so that layout does not wait for it to load. */
export function warmLayoutWorker(): void {
  layoutWorker();
}

/**
 * Fresh positions for every node on the canvas, computed in the worker when there is one. `pending`:
 * edges not on the canvas yet (they are added while the worker computes) that the layout must know;
 * `boxes`: measures nodes without cytoscape (measure.ts).
 */
export function freshPositions(cy: Core, pending: readonly LayoutEdge[] = [], boxes: NodeBoxes | null = null, timeoutMs = 20_000): Promise<Record<string, Point>> {
  const request: LayoutRequest = { seq: ++seq, nodes: cy.nodes().map((n) => nodeBox(n, boxes)), edges: [...layoutEdges(cy.edges()), ...pending] };
  const inPlace = () => layoutFresh(request.nodes, request.edges);
  const w = layoutWorker();
  if (!w) return Promise.resolve(inPlace());
  return new Promise((resolve) => {
    const done = (value: Record<string, Point> | null) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(value ?? inPlace());
    };
    const onMessage = (event: MessageEvent<LayoutReply>) => { if (event.data.seq === request.seq) done(event.data.positions); };
    const onError = () => { worker = null; done(null); };
    const timer = setTimeout(() => done(null), timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
  });
}
