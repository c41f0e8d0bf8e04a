// How the canvas draws while the analyst pans or zooms. With thousands of elements a full redraw
// per frame cannot keep up on a machine without a GPU (PERFORMANCE.md R4): above these sizes edges
// and labels are hidden while the viewport moves, and with more still the nodes are moved as one
// cached picture. Small canvases keep drawing everything, which looks better.
import type { Core } from 'cytoscape';

export const HIDE_WHILE_MOVING = 1200;
export const TEXTURE_WHILE_MOVING = 2500;

interface RendererFlags {
  hideEdgesOnViewport?: boolean;
  hideLabelsOnViewport?: boolean;
  textureOnViewport?: boolean;
}

export function viewportMode(elementCount: number): Required<RendererFlags> {
  return {
    hideEdgesOnViewport: elementCount > HIDE_WHILE_MOVING,
    hideLabelsOnViewport: elementCount > HIDE_WHILE_MOVING,
    textureOnViewport: elementCount > TEXTURE_WHILE_MOVING,
  };
}

/** Applies the mode for the current size (cytoscape reads these renderer flags every frame). */
export function tuneViewport(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): RendererFlags | undefined }).renderer();
  if (renderer) Object.assign(renderer, viewportMode(cy.elements().length));
}
