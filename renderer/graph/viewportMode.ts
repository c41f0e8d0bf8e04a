// How the canvas draws while the analyst pans or zooms. With thousands of elements a full redraw
// per frame cannot keep up on a machine without a GPU (PERFORMANCE.md R4): above HIDE_WHILE_MOVING
// elements, edges and labels are hidden while the viewport moves and each frame draws only the
// nodes, from cytoscape's per-element image cache (about 8–10 µs a node here: ~20 ms for 2,000).
// Small canvases keep drawing everything, which looks better.
//
// cytoscape's textureOnViewport (the whole canvas moved as one picture) is kept for canvases far
// larger than what is benched: that picture is thrown away at the end of every gesture and redrawn
// at the start of the next one, at twice the resolution, so each node's image is drawn afresh at a
// zoom level nothing else uses. With 2,000 nodes that first frame took 0.3–1.6 s at load ~3 — the
// pan froze for that long on every press, and R4 read 2.7 fps — while drawing the cached nodes
// every frame held 21–27 fps. The cost of both grows with the nodes (edges are hidden either way),
// so the switch counts nodes.
import type { Core } from 'cytoscape';

/** More elements than this: edges and labels hidden while the viewport moves. */
export const HIDE_WHILE_MOVING = 1200;
/** More nodes than this: the viewport moves one cached picture (freezes at each gesture's start). */
export const TEXTURE_WHILE_MOVING_NODES = 5000;

interface RendererFlags {
  hideEdgesOnViewport?: boolean;
  hideLabelsOnViewport?: boolean;
  textureOnViewport?: boolean;
}

export function viewportMode(elementCount: number, nodeCount: number = elementCount): Required<RendererFlags> {
  return {
    hideEdgesOnViewport: elementCount > HIDE_WHILE_MOVING,
    hideLabelsOnViewport: elementCount > HIDE_WHILE_MOVING,
    textureOnViewport: nodeCount > TEXTURE_WHILE_MOVING_NODES,
  };
}

/** Applies the mode for the current size (cytoscape reads these renderer flags every frame). */
export function tuneViewport(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): RendererFlags | undefined }).renderer();
  if (renderer) Object.assign(renderer, viewportMode(cy.elements().length, cy.nodes().length));
}
