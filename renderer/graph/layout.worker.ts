// The fresh layout of a large canvas, computed off the main thread (PERFORMANCE.md R3): the canvas
// sends each node's box (label included, measured where text can be measured) and the edges, and
// gets positions back (scaleLayout.ts). Nothing here touches the DOM or cytoscape.
import type { LayoutEdge, LayoutNode, Point } from './boxes';
import { layoutFresh } from './scaleLayout';

export interface LayoutRequest {
  seq: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutReply {
  seq: number;
  positions: Record<string, Point>;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, nodes, edges } = event.data;
  const reply: LayoutReply = { seq, positions: layoutFresh(nodes, edges) };
  (self as unknown as { postMessage(reply: LayoutReply): void }).postMessage(reply);
};
