// The layouts of a large canvas, computed off the main thread (PERFORMANCE.md R2, R3): the canvas
// sends each node's box (label included, measured where text can be measured) and the edges, and
// gets positions back (scaleLayout.ts) — for a fresh canvas every node's, for an expansion the new
// nodes' next to the placed ones. Nothing here touches the DOM or cytoscape.
import type { Point } from './boxes';
import { answerLayout, type LayoutAsk } from './scaleLayout';

export type LayoutRequest = LayoutAsk & { seq: number };

export interface LayoutReply {
  seq: number;
  positions: Record<string, Point>;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const reply: LayoutReply = { seq: event.data.seq, positions: answerLayout(event.data) };
  (self as unknown as { postMessage(reply: LayoutReply): void }).postMessage(reply);
};
