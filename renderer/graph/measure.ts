// What the layouts without cytoscape (scaleLayout.ts) need to know of a node on the canvas: its box
// with the label, which the canvas measures (text can only be measured where it is drawn).
import type { EdgeCollection, NodeSingular } from 'cytoscape';
import type { LayoutEdge, LayoutNode } from './boxes';

/**
 * The node's box, kept on the node while its label, kind and pinning stay the same: a placement next
 * to hundreds of placed nodes would otherwise ask cytoscape for every one of their boxes again.
 */
export function layoutNode(node: NodeSingular): LayoutNode {
  const key = `${String(node.data('label'))}\u0000${String(node.data('visualKind'))}\u0000${String(node.data('pinned'))}\u0000${node.selected() ? 1 : 0}`;
  const kept = node.scratch('_skeinBox') as { key: string; box: LayoutNode } | undefined;
  if (kept?.key === key) return kept.box;
  const at = node.position();
  const bb = node.boundingBox({ includeLabels: true, includeOverlays: false });
  const box = { id: node.id(), w: Math.max(10, bb.w), h: Math.max(10, bb.h), oy: (bb.y1 + bb.y2) / 2 - at.y };
  node.scratch('_skeinBox', { key, box });
  return box;
}

export function layoutEdges(edges: EdgeCollection): LayoutEdge[] {
  return edges.map((e) => ({ source: e.source().id(), target: e.target().id() }));
}
