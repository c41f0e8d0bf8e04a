// Layout options as a commented defaults object (STYLE 10). fCoSE is the default layout; the first
// layout of a canvas starts from scratch, later ones are incremental: nodes already placed stay where
// the analyst saw them, new ones start around the node they came from and settle in around it.
import type { LayoutOptions, Position } from 'cytoscape';

export const FCOSE_DEFAULTS = {
  name: 'fcose',
  // 'draft' is spectral only and lets labels collide; 'default' adds a fast-cooling force pass that
  // stays interactive for a few hundred nodes
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

/** Options for adding nodes to a canvas that is already laid out. */
export function incrementalLayout(fixed: { nodeId: string; position: Position }[]): LayoutOptions {
  return {
    ...FCOSE_DEFAULTS,
    // fCoSE only honours starting positions with randomize off, and then requires 'proof' quality
    quality: 'proof',
    randomize: false,
    numIter: 800,
    fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
  } as unknown as LayoutOptions;
}

/**
 * Above these sizes fCoSE's force passes take seconds on the main thread: a large expansion keeps the
 * placement it was given (a compact spiral around the node it came from), and a large fresh canvas
 * is laid out in a worker (offThread.ts) with a shortened force pass. The spectral 'draft' quality
 * alone is no answer: it piles the leaves of a hub onto one spot.
 */
export const LARGE_EXPANSION = 120;
export const LARGE_CANVAS = 400;

export function freshLayout(nodeCount = 0): LayoutOptions {
  if (nodeCount > LARGE_CANVAS) return { ...FCOSE_DEFAULTS, quality: 'default', animate: false, numIter: 300 } as unknown as LayoutOptions;
  return { ...FCOSE_DEFAULTS } as unknown as LayoutOptions;
}

/** Keeps every node where it is (large expansions: the spiral placement is the layout). */
export function keepPlacement(): LayoutOptions {
  return { name: 'preset', fit: false } as LayoutOptions;
}

/** Is this change too large for an incremental force layout on the main thread? */
export function isLargeChange(added: number, total: number): boolean {
  return added > LARGE_EXPANSION || total > LARGE_CANVAS * 2;
}

/**
 * Starting spots for many new nodes: a sunflower (golden-angle spiral) around the node they came
 * from, evenly spaced and compact, where a single ring of hundreds would span the whole canvas.
 */
export function spiralAround(center: Position, count: number, spacing = 95): Position[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 1.5);
    return { x: center.x + r * Math.cos(i * golden), y: center.y + r * Math.sin(i * golden) };
  });
}

/** Starting spots for new nodes: a ring around the node they were expanded from. */
export function ringAround(center: Position, count: number, radius = 140): Position[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, count) + 0.3;
    return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
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
