// A measuring handle for `npm run bench` (R1–R4): with `?perf=1` in the URL the page exposes the
// store, the backend and the canvas on `window.__skeinPerf`, so the bench can add a fixed number of
// nodes through the real store → canvas path and time the frames. Nothing is exposed otherwise.
import type { Core } from 'cytoscape';
import type { Backend } from '../backend/types';
import { getCanvas } from '../explore/canvasBridge';
import { whenFed } from '../graph/progressive';
import { useSkein } from '../state/store';

export interface PerfHandle {
  store: typeof useSkein;
  backend: Backend;
  canvas(): Core | null;
  /** resolves once every edge of the last additions is on the canvas (they arrive over a few frames) */
  fed(): Promise<void>;
}

export function installPerfHook(backend: Backend): void {
  if (new URLSearchParams(location.search).get('perf') !== '1') return;
  const handle: PerfHandle = { store: useSkein, backend, canvas: getCanvas, fed: whenFed };
  (window as unknown as { __skeinPerf: PerfHandle }).__skeinPerf = handle;
}
