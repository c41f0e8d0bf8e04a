// What the layouts without cytoscape (scaleLayout.ts) need to know of a node on the canvas: its box
// with the label, which the canvas measures (text can only be measured where it is drawn).
import type { EdgeCollection, NodeSingular } from 'cytoscape';
import type { LayoutEdge, LayoutNode } from './boxes';

export function layoutNode(node: NodeSingular): LayoutNode {
  const at = node.position();
  const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
  return { id: node.id(), w: Math.max(10, box.w), h: Math.max(10, box.h), oy: (box.y1 + box.y2) / 2 - at.y };
}

export function layoutEdges(edges: EdgeCollection): LayoutEdge[] {
  return edges.map((e) => ({ source: e.source().id(), target: e.target().id() }));
}
