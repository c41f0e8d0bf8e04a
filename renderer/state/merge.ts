// Pure functions over the canvas contents (node and edge maps keyed by id). They keep the identity of
// unchanged items so React and the canvas only redraw what changed, and never duplicate an item that
// arrives twice (a neighbourhood overlapping what is already shown).
import type { GraphEdge, GraphNode, GraphPayload } from '../../shared/graph/model';

export interface CanvasGraph {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.label === b.label && a.kind === b.kind && a.status === b.status && a.stance === b.stance &&
    a.credibility === b.credibility && a.reliability === b.reliability && a.importance === b.importance;
}

function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  return a.source === b.source && a.target === b.target && a.type === b.type && a.label === b.label && a.stance === b.stance;
}

/** Adds (or updates) the payload's nodes and edges; edges whose ends are not both present are dropped. */
export function mergeGraph(current: CanvasGraph, payload: GraphPayload): CanvasGraph & { added: string[] } {
  const nodes = { ...current.nodes };
  const added: string[] = [];
  for (const node of payload.nodes) {
    const old = nodes[node.id];
    if (!old) added.push(node.id);
    if (!old || !sameNode(old, node)) nodes[node.id] = node;
  }
  const edges = { ...current.edges };
  for (const edge of payload.edges) {
    if (!nodes[edge.source] || !nodes[edge.target]) continue;
    const old = edges[edge.id];
    if (!old || !sameEdge(old, edge)) edges[edge.id] = edge;
  }
  return { nodes, edges, added };
}

/**
 * Replaces what was re-read (`requested` ids) with a fresh reading (after an edit, an undo, another
 * window's change): requested nodes the payload no longer has were deleted and leave the canvas.
 * Nodes added while the reading was in flight were not requested and stay, with their edges.
 */
export function replaceGraph(current: CanvasGraph, payload: GraphPayload, requested: readonly string[]): CanvasGraph {
  const asked = new Set(requested);
  const nodes: Record<string, GraphNode> = {};
  for (const [id, node] of Object.entries(current.nodes)) if (!asked.has(id)) nodes[id] = node;
  for (const node of payload.nodes) {
    const old = current.nodes[node.id];
    nodes[node.id] = old && sameNode(old, node) ? old : node;
  }
  const edges: Record<string, GraphEdge> = {};
  // an edge between two re-read nodes is known to the payload; any other edge was not re-read
  for (const [id, edge] of Object.entries(current.edges)) {
    if (!(asked.has(edge.source) && asked.has(edge.target)) && nodes[edge.source] && nodes[edge.target]) edges[id] = edge;
  }
  for (const edge of payload.edges) {
    if (!nodes[edge.source] || !nodes[edge.target]) continue;
    const old = current.edges[edge.id];
    edges[edge.id] = old && sameEdge(old, edge) ? old : edge;
  }
  return { nodes, edges };
}

/** Removes nodes and every edge touching them. */
export function removeNodes(current: CanvasGraph, ids: readonly string[]): CanvasGraph {
  const gone = new Set(ids);
  const nodes = Object.fromEntries(Object.entries(current.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(current.edges).filter(([, e]) => !gone.has(e.source) && !gone.has(e.target)),
  );
  return { nodes, edges };
}
