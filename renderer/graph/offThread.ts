// Runs a large fresh layout in a worker (layout.worker.ts) and answers with a preset layout of its
// positions, so the window stays responsive; any failure (no Worker, a scheme that refuses workers)
// falls back to the same layout on the main thread.
import type { Core, LayoutOptions } from 'cytoscape';
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

/** Positions for `options` computed in the worker, or null when the worker is not available. */
export function positionsOffThread(cy: Core, options: LayoutOptions, timeoutMs = 20_000): Promise<LayoutReply['positions'] | null> {
  const w = layoutWorker();
  if (!w) return Promise.resolve(null);
  const request: LayoutRequest = {
    seq: ++seq,
    nodes: cy.nodes().map((n) => {
      const box = n.boundingBox({ includeLabels: true });
      return { id: n.id(), w: Math.max(10, box.w), h: Math.max(10, box.h) };
    }),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
  };
  return new Promise((resolve) => {
    const done = (value: LayoutReply['positions'] | null) => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(value);
    };
    const onMessage = (event: MessageEvent<LayoutReply>) => { if (event.data.seq === request.seq) done(event.data.positions); };
    const onError = () => { worker = null; done(null); };
    const timer = setTimeout(() => done(null), timeoutMs);
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
  });
}
