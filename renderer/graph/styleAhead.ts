// cytoscape styles and measures new elements lazily, in the frame that first draws them: matching
// the stylesheet, sizing labels, routing edges and boxing each one took half of that frame (200
// nodes, or a slice of 160 edges, on top of redrawing ~650 nodes and 4,000 edges: frames of
// 110–150 ms at load ~2). Doing it in the task that adds them (tasks.ts) leaves the frame only the
// drawing. The renderer's own queue is flushed, as cytoscape does between frames; a headless
// instance has no renderer and nothing to do.
import type { Collection, Core } from 'cytoscape';

interface RendererQueue {
  flushRenderedStyleQueue?(): void;
}

/** Styles, sizes and boxes `added` (just added to `cy`) now, instead of in the next frame. */
export function styleAhead(cy: Core, added: Collection): void {
  if (added.empty() || cy.destroyed()) return;
  const renderer = (cy as unknown as { renderer(): RendererQueue | undefined }).renderer();
  if (!renderer?.flushRenderedStyleQueue) return;
  renderer.flushRenderedStyleQueue();
  // every element's box is asked for when it is drawn; working a stale box out marks the element's
  // rendered style stale too (cytoscape's 'bounds' event), so the queue is flushed once more
  added.boundingBox();
  renderer.flushRenderedStyleQueue();
}
