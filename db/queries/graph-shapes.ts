// The shapes of the graph projection (SPEC §2): node-id sets and one constructor per edge type,
// so every query that finds an edge builds it the same way (same id, label and fields).
import type { GraphEdge } from '../../shared/graph/model';
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';

export type Stance = NonNullable<GraphEdge['stance']>;

export interface IdSets { entity: number[]; claim: number[]; source: number[] }

export function splitIds(ids: Iterable<string>): IdSets {
  const sets: IdSets = { entity: [], claim: [], source: [] };
  for (const raw of ids) {
    const parsed = parseNodeId(raw);
    if (parsed) sets[parsed.type].push(parsed.id);
  }
  return sets;
}

/**
 * Node ids of edge ends, shared: a hub's page has ~3,300 edges between ~500 nodes, and a string per
 * end and edge is garbage to collect (or, in the page cache, to keep). Bounded, like the labels.
 */
const endIds = { entity: new Map<number, string>(), claim: new Map<number, string>(), source: new Map<number, string>() };

function end(type: NodeType, id: number): string {
  const ids = endIds[type];
  let value = ids.get(id);
  if (value === undefined) {
    if (ids.size >= 20_000) ids.clear();
    ids.set(id, (value = nodeId(type, id)));
  }
  return value;
}

/** Labels by relation kind / predicate: a few distinct values label thousands of edges (kept small). */
const relationLabels = new Map<string, string>();
const allegedLabels = new Map<string | null, string>();

function labelOf<K>(labels: Map<K, string>, key: K, make: (key: K) => string): string {
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size >= 1000) labels.clear();
    labels.set(key, (label = make(key)));
  }
  return label;
}
const relationLabel = (kind: string) => kind.replace(/_/g, ' ');
const allegedLabel = (predicate: string | null) => `alleged: ${(predicate ?? 'linked to').replace(/_/g, ' ')}`;

export function relationEdge(r: { id: number; kind: NonNullable<GraphEdge['relationKind']>; from_id: number; to_id: number }): GraphEdge {
  return {
    id: `r:${r.id}`, source: end('entity', r.from_id), target: end('entity', r.to_id), type: 'relation',
    label: labelOf(relationLabels, r.kind, relationLabel), relationKind: r.kind, relationId: r.id,
  };
}

export function claimantEdge(entityId: number, claimId: number, stance: Stance): GraphEdge {
  return {
    id: `cl:${claimId}`, source: end('entity', entityId), target: end('claim', claimId), type: 'claimant',
    label: stance, stance, claimId,
  };
}

export function roleEdge(claimId: number, entityId: number, role: 'subject' | 'object'): GraphEdge {
  return {
    id: `ro:${claimId}:${entityId}:${role}`, source: end('claim', claimId), target: end('entity', entityId),
    type: 'role', label: role, role, claimId,
  };
}

/** The derived, dashed edge from a claim's subject to its object: an allegation, never a fact. */
export function allegedEdge(claimId: number, subjectId: number, objectId: number, predicate: string | null, stance: Stance): GraphEdge {
  return {
    id: allegedId(claimId, subjectId, objectId), source: end('entity', subjectId), target: end('entity', objectId),
    type: 'alleged', label: labelOf(allegedLabels, predicate, allegedLabel), stance, claimId,
  };
}

export function allegedId(claimId: number, subjectId: number, objectId: number): string {
  return `al:${claimId}:${subjectId}:${objectId}`;
}

export function respondsEdge(claimId: number, targetClaimId: number, stance: Stance): GraphEdge {
  return {
    id: `rt:${claimId}`, source: end('claim', claimId), target: end('claim', targetClaimId), type: 'responds_to',
    label: stance === 'denies' ? 'denies' : 'responds to', stance, claimId,
  };
}

export function reportedEdge(claimId: number, sourceId: number): GraphEdge {
  return {
    id: `src:${claimId}:${sourceId}`, source: end('claim', claimId), target: end('source', sourceId),
    type: 'reported_in', label: 'reported in', claimId,
  };
}
