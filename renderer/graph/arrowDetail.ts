// Arrowheads too small to read are not drawn, as labels below MIN_SCREEN_FONT are not (style.ts). A
// zoomed-out canvas of a few thousand edges spent about a third of every redraw on arrowheads a few
// pixels long (PERFORMANCE.md R2: 88–131 ms a frame for 650 nodes and 4,000 edges, 64–81 ms without),
// and every frame that adds new nodes or edges redraws them all. cytoscape has no zoom-dependent
// style, so its renderer's arrowhead drawing is wrapped, as viewportMode.ts sets its flags.
import type { Core } from 'cytoscape';

/**
 * Drawing scale (device pixels per model pixel: zoom × pixel ratio, or an export's scale) below which
 * arrowheads are left out: cytoscape draws ours about 26 model px long (29 × arrow-scale 0.9), so
 * below this they would be under ~6 px.
 */
export const MIN_ARROW_SCALE = 0.23;

type DrawArrowheads = (context: CanvasRenderingContext2D, edge: unknown, opacity: number) => void;

/** The scale `context` draws at; 1 for a context that cannot say (an SVG export draws every arrow). */
function drawingScale(context: CanvasRenderingContext2D): number {
  if (typeof context.getTransform !== 'function') return 1;
  const m = context.getTransform();
  return Math.hypot(m.a, m.b);
}

export function skipTinyArrowheads(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): { drawArrowheads?: DrawArrowheads } | undefined }).renderer();
  const draw = renderer?.drawArrowheads;
  if (!renderer || !draw) return;
  renderer.drawArrowheads = function (this: unknown, context, edge, opacity) {
    if (drawingScale(context) >= MIN_ARROW_SCALE) draw.call(this, context, edge, opacity);
  };
}
