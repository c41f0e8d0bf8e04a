// Edges that arrive in the hundreds are added over a few frames instead of one. Cytoscape styles,
// routes and draws every new element in the frame after it is added (a few tenths of a millisecond
// each, far more than a node's placement costs), so a single frame for 200 nodes and 600 edges kept
// the window frozen for about half a second (PERFORMANCE.md R1, R2). The nodes, already in their
// final places, are drawn first; the edges follow a slice per frame. Each slice is added, styled and
// routed in a task of its own after a frame (tasks.ts, styleAhead.ts), so the next frame only draws:
// adding in an animation-frame callback made the slice and the redraw of the whole canvas one task.
import type { Collection, Core, ElementDefinition } from 'cytoscape';
import { styleAhead } from './styleAhead';
import { afterNextFrame } from './tasks';

/**
 * Edges added per frame: adding, styling and routing 100 took 30–60 ms at load ~2–3 on a 2-core
 * machine without a GPU, no more than the frame that then redraws the canvas.
 */
export const EDGES_PER_FRAME = 100;

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

function addNow(cy: Core, edges: readonly ElementDefinition[]): Collection {
  const fresh = edges.filter((e) => cy.getElementById(String(e.data.id)).empty()
    && cy.getElementById(String(e.data.source)).nonempty() && cy.getElementById(String(e.data.target)).nonempty());
  return fresh.length > 0 ? cy.add(fresh) : cy.collection();
}

/**
 * Adds `edges` to `cy` in even slices of at most `perFrame`, one slice per frame (by default in a task
 * after it), calling `onSlice` after each and `done` once all are in or the feed is cancelled. Edges
 * already there or whose ends left are skipped.
 */
export function feedEdges(
  cy: Core,
  edges: readonly ElementDefinition[],
  hooks: { onSlice?(): void; done?(): void },
  perFrame = EDGES_PER_FRAME,
  schedule: (step: () => void) => () => void = afterNextFrame,
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
    const added = addNow(cy, edges.slice(next, next + slice));
    next += slice;
    // classes first (filters): styling before them would style the slice twice
    hooks.onSlice?.();
    styleAhead(cy, added);
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
      if (!cy.destroyed()) addNow(cy, edges.slice(next));
      next = edges.length;
      hooks.onSlice?.();
      finish();
    },
  };
}

