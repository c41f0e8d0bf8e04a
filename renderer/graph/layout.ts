// Layout options as a commented defaults object (STYLE 10). fCoSE is the default layout of a small
// fresh canvas; large fresh canvases are laid out in a worker (scaleLayout.ts), and nodes added later
// go into free space next to what they link to, so nodes already placed stay where the analyst saw them.
import type { LayoutOptions, Position } from 'cytoscape';

export const FCOSE_DEFAULTS = {
  name: 'fcose',
  // 'draft' is spectral only and lets labels collide; 'default' adds a fast-cooling force pass
  quality: 'default',
  randomize: true,
  animate: true,
  animationDuration: 300,
  // the canvas fits afterwards itself (fitReadable), so a graph of two nodes is not blown up to
  // maximum zoom
  fit: false,
  padding: 48,
  // labels are part of each node's footprint, which is what keeps them from overlapping
  nodeDimensionsIncludeLabels: true,
  // needs cytoscape-layout-utilities, which is not bundled
  packComponents: false,
  nodeRepulsion: 16000,
  idealEdgeLength: 150,
  edgeElasticity: 0.45,
  gravity: 0.25,
  numIter: 1500,
  tile: true,
  tilingPaddingVertical: 30,
  tilingPaddingHorizontal: 30,
} as const;

/**
 * Up to this size a fresh canvas is laid out by fCoSE on the main thread (a few hundred ms there); anything larger goes to the layout worker (offThread.ts, scaleLayout.ts), where
 * fCoSE would need 11 s for 1,000 nodes and its spectral 'draft' piles a hub's leaves onto one spot.
 * Nodes added to a canvas that is already laid out never run fCoSE: it moves the old nodes unless
 * held by constraints, and with them it takes 0.1–2 s on the main thread for a few dozen new nodes;
 * they go into free space next to what they link to instead (sync.ts, scaleLayout.ts placeAdded).
 */
export const FCOSE_MAX_NODES = 60;

export function freshLayout(): LayoutOptions {
  return { ...FCOSE_DEFAULTS } as unknown as LayoutOptions;
}

/** Keeps every node where it is (the placement is the layout). */
export function keepPlacement(): LayoutOptions {
  return { name: 'preset', fit: false } as LayoutOptions;
}

/**
 * Starting spots for the nodes of a fresh canvas, drawn until its layout arrives: a sunflower
 * (golden-angle spiral), evenly spaced and compact, where a single ring of hundreds would span the
 * whole canvas.
 */
export function spiralAround(center: Position, count: number, spacing = 95): Position[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 1.5);
    return { x: center.x + r * Math.cos(i * golden), y: center.y + r * Math.sin(i * golden) };
  });
}

/** Largest zoom a fit may choose: beyond it labels grow past the size they are designed for. */
export const MAX_FIT_ZOOM = 1.2;

/** Where the viewport should go to show `eles` whole, without zooming in past MAX_FIT_ZOOM. */
export function readableFit(
  extent: { x1: number; y1: number; w: number; h: number },
  viewport: { width: number; height: number },
  padding = 48,
): { zoom: number; pan: Position } {
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    (viewport.width - 2 * padding) / Math.max(extent.w, 1),
    (viewport.height - 2 * padding) / Math.max(extent.h, 1),
  );
  const safe = Math.max(zoom, 0.15);
  return {
    zoom: safe,
    pan: { x: viewport.width / 2 - safe * (extent.x1 + extent.w / 2), y: viewport.height / 2 - safe * (extent.y1 + extent.h / 2) },
  };
}
