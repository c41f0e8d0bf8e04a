// Edges that arrive in the hundreds are added over a few frames instead of one. Cytoscape styles,
// routes and draws every new element in the frame after it is added (a few tenths of a millisecond
// each, far more than a node's placement costs), so a single frame for 200 nodes and 600 edges kept
// the window frozen for about half a second (PERFORMANCE.md R1, R2). The nodes, already in their
// final places, are drawn first; the edges follow a slice per frame, each frame short enough for
// input to get through.
import type { Core, ElementDefinition } from 'cytoscape';

/** Edges added per frame: about 40–60 ms of styling and drawing on a 2-core machine without a GPU. */
export const EDGES_PER_FRAME = 160;

/** Fewer new edges than this are added with their nodes, in one frame. */
export const DEFER_EDGES_FROM = 120;

export interface EdgeFeed {
  /** stops adding (the next sync picks up whatever is still missing); `done` still runs */
  cancel(): void;
  /** adds everything still waiting, now */
  flush(): void;
}

// feeds still running, and who waits for them all to end (the bench, through renderer/perf)
let running = 0;
let waiting: (() => void)[] = [];

/** Resolves once no feed is adding edges any more. */
export function whenFed(): Promise<void> {
  if (running === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}

function addNow(cy: Core, edges: readonly ElementDefinition[]): void {
  if (cy.destroyed()) return;
  const fresh = edges.filter((e) => cy.getElementById(String(e.data.id)).empty()
    && cy.getElementById(String(e.data.source)).nonempty() && cy.getElementById(String(e.data.target)).nonempty());
  if (fresh.length > 0) cy.add(fresh);
}

/**
 * Adds `edges` to `cy` in even slices of at most `perFrame`, one slice per animation frame, calling
 * `onSlice` after each and `done` once all are in or the feed is cancelled. Edges already there or
 * whose ends left are skipped.
 */
export function feedEdges(
  cy: Core,
  edges: readonly ElementDefinition[],
  hooks: { onSlice?(): void; done?(): void },
  perFrame = EDGES_PER_FRAME,
  schedule: (step: () => void) => () => void = nextFrame,
): EdgeFeed {
  // even slices: a short last one would cost a whole frame's redraw for a handful of edges
  const slice = Math.ceil(edges.length / Math.max(1, Math.ceil(edges.length / perFrame)));
  let next = 0;
  let stop: (() => void) | null = null;
  let finished = false;
  const finish = () => {
    finished = true;
    stop = null;
    running -= 1;
    hooks.done?.();
    if (running === 0) {
      const wake = waiting;
      waiting = [];
      for (const fn of wake) fn();
    }
  };
  const step = () => {
    stop = null;
    if (finished || cy.destroyed()) return;
    addNow(cy, edges.slice(next, next + slice));
    next += slice;
    hooks.onSlice?.();
    if (next >= edges.length) finish();
    else stop = schedule(step);
  };
  running += 1;
  if (edges.length === 0) finish();
  else stop = schedule(step);
  return {
    cancel() {
      if (finished) return;
      stop?.();
      finish();
    },
    flush() {
      if (finished) return;
      stop?.();
      addNow(cy, edges.slice(next));
      next = edges.length;
      hooks.onSlice?.();
      finish();
    },
  };
}

function nextFrame(step: () => void): () => void {
  const id = requestAnimationFrame(step);
  return () => cancelAnimationFrame(id);
}
