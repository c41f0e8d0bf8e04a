// The export feature's handle on the one cytoscape instance GraphCanvas owns: GraphCanvas registers
// it on creation and clears it on unmount, and the export dialog reads it to draw PNG/SVG pictures
// and to take the view's positions. Nothing here changes the canvas.
import type { Core } from 'cytoscape';

let current: Core | null = null;

export function registerExportCanvas(cy: Core | null): void {
  current = cy;
}

export function exportCanvas(): Core | null {
  return current;
}
