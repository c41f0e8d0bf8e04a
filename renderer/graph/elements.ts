// Pure projection of the canvas state into cytoscape element definitions. Everything the stylesheet
// keys on (kind, status, stance, edge type, pinned) is put in `data` here, so styling rules are
// testable headless and the canvas component only diffs lists.
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../shared/graph/model';
import type { Position } from '../state/graphSlice';
import { visualKind } from './palette';

export interface ProjectionInput {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
  positions?: Record<string, Position>;
  pinned?: Record<string, true>;
  more?: Record<string, { count: number }>;
}

/** Longest claim or source text drawn on the canvas; the inspector shows it whole. */
export const CANVAS_TEXT_MAX = 44;

export function shorten(text: string, max = CANVAS_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/…$/, '');
  if (flat.length <= max) return text.endsWith('…') ? `${flat}…` : flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The label a node shows: a source also shows its reliability grade, a node holding back neighbours says so. */
export function nodeLabel(node: GraphNode, moreCount = 0): string {
  // long claim sentences and article titles are what makes labels collide: keep them short
  let label = node.type === 'entity' ? node.label : shorten(node.label);
  if (node.type === 'source') label = `${label}\n[reliability ${node.reliability ?? 'ungraded'}]`;
  // a claim shows its status and, once graded, its Admiralty credibility (1 confirmed … 6 cannot be judged)
  if (node.type === 'claim' && node.status) label = `${label}\n(${node.status}${node.credibility ? `, credibility ${node.credibility}` : ''})`;
  if (moreCount > 0) label = `${label}\n+${moreCount} more`;
  return label;
}

export function nodeElement(node: GraphNode, input: ProjectionInput): ElementDefinition {
  const position = input.positions?.[node.id];
  const element: ElementDefinition = {
    group: 'nodes',
    data: {
      id: node.id,
      type: node.type,
      kind: node.kind,
      visualKind: visualKind(node.type, node.kind),
      label: nodeLabel(node, input.more?.[node.id]?.count ?? 0),
      status: node.status ?? null,
      reliability: node.type === 'source' ? (node.reliability ?? 'ungraded') : null,
      credibility: node.type === 'claim' ? (node.credibility ?? 'ungraded') : null,
      importance: node.importance,
      pinned: input.pinned?.[node.id] ? 1 : 0,
    },
  };
  if (position) element.position = { ...position };
  return element;
}

/** `bundled`: another edge joins the same two nodes (or the edge is a loop), so it must curve. */
export function edgeElement(edge: GraphEdge, bundled = false): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: edge.label,
      stance: edge.stance ?? null,
      // what the analyst reads as "denied": a claimant denying, or a claim denying another
      denies: edge.stance === 'denies' && (edge.type === 'claimant' || edge.type === 'responds_to') ? 1 : 0,
      bundled: bundled ? 1 : 0,
    },
  };
}

/** All elements for the canvas; edges whose ends are not both present are left out. */
export function toElements(input: ProjectionInput): ElementDefinition[] {
  const nodes = Object.values(input.nodes).map((n) => nodeElement(n, input));
  const shown = Object.values(input.edges).filter((e) => input.nodes[e.source] && input.nodes[e.target]);
  const pairKey = (e: GraphEdge) => (e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`);
  const perPair = new Map<string, number>();
  for (const e of shown) perPair.set(pairKey(e), (perPair.get(pairKey(e)) ?? 0) + 1);
  const edges = shown.map((e) => edgeElement(e, e.source === e.target || perPair.get(pairKey(e))! > 1));
  return [...nodes, ...edges];
}
