// The graph projection (SPEC §2): nodes for entities, claims and sources; typed edges between them,
// including the derived, dashed "alleged" edge from a claim's subject to its object.
import type { GraphEdge, GraphNode, GraphPayload } from '../../shared/graph/model';
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';

interface IdSets { entity: number[]; claim: number[]; source: number[] }

export function splitIds(ids: readonly string[]): IdSets {
  const sets: IdSets = { entity: [], claim: [], source: [] };
  for (const raw of ids) {
    const parsed = parseNodeId(raw);
    if (parsed) sets[parsed.type].push(parsed.id);
  }
  return sets;
}

const ENTITY_NODE = `SELECT id, kind, name, importance FROM entity WHERE id = ? AND merged_into IS NULL`;
const CLAIM_NODE = `SELECT id, text, status, stance, credibility, importance FROM claim WHERE id = ?`;
const SOURCE_NODE = `SELECT id, kind, title, reliability FROM source WHERE id = ?`;

export function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function loadNodes(db: SqliteDb, ids: readonly string[]): GraphNode[] {
  const sets = splitIds(ids);
  const nodes: GraphNode[] = [];
  const entity = db.prepare(ENTITY_NODE);
  for (const id of sets.entity) {
    const row = entity.get(id) as { id: number; kind: GraphNode['kind']; name: string; importance: number } | undefined;
    if (row) nodes.push({ id: nodeId('entity', row.id), type: 'entity', kind: row.kind, label: row.name, importance: row.importance });
  }
  const claim = db.prepare(CLAIM_NODE);
  for (const id of sets.claim) {
    const row = claim.get(id) as
      | { id: number; text: string; status: GraphNode['status']; stance: GraphNode['stance']; credibility: number | null; importance: number }
      | undefined;
    if (row) {
      nodes.push({
        id: nodeId('claim', row.id), type: 'claim', kind: 'claim', label: shortLabel(row.text), importance: row.importance,
        status: row.status, stance: row.stance, credibility: row.credibility,
      });
    }
  }
  const source = db.prepare(SOURCE_NODE);
  for (const id of sets.source) {
    const row = source.get(id) as { id: number; kind: GraphNode['kind']; title: string; reliability: GraphNode['reliability'] } | undefined;
    if (row) {
      nodes.push({
        id: nodeId('source', row.id), type: 'source', kind: row.kind, label: shortLabel(row.title || `Source ${row.id}`),
        importance: 0, reliability: row.reliability,
      });
    }
  }
  return nodes;
}

/** All edges incident to `from` whose other end is in `within` (both sets of node ids). */
export function edgesBetween(db: SqliteDb, from: readonly string[], within: ReadonlySet<string>): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  const add = (edge: GraphEdge) => {
    if (within.has(edge.source) && within.has(edge.target)) edges.set(edge.id, edge);
  };
  const sets = splitIds(from);
  const relationsOut = db.prepare('SELECT id, kind, from_id, to_id FROM relation WHERE from_id = ?');
  const relationsIn = db.prepare('SELECT id, kind, from_id, to_id FROM relation WHERE to_id = ?');
  const claimsBy = db.prepare('SELECT id, stance FROM claim WHERE claimant_id = ?');
  const rolesOfEntity = db.prepare('SELECT claim_id, role FROM claim_role WHERE entity_id = ?');
  for (const id of sets.entity) {
    for (const r of [...relationsOut.iterate(id), ...relationsIn.iterate(id)] as RelationEdgeRow[]) add(relationEdge(r));
    for (const c of claimsBy.iterate(id) as Iterable<{ id: number; stance: GraphEdge['stance'] }>) add(claimantEdge(id, c.id, c.stance!));
    for (const r of rolesOfEntity.iterate(id) as Iterable<{ claim_id: number; role: 'subject' | 'object' }>) {
      add(roleEdge(r.claim_id, id, r.role));
    }
  }
  const claimRow = db.prepare('SELECT id, claimant_id, stance, responds_to, predicate FROM claim WHERE id = ?');
  const responses = db.prepare('SELECT id, stance FROM claim WHERE responds_to = ?');
  const roles = db.prepare('SELECT entity_id, role FROM claim_role WHERE claim_id = ?');
  const claimSources = db.prepare('SELECT DISTINCT source_id FROM span WHERE claim_id = ?');
  for (const id of sets.claim) {
    const claim = claimRow.get(id) as
      | { id: number; claimant_id: number | null; stance: NonNullable<GraphEdge['stance']>; responds_to: number | null; predicate: string | null }
      | undefined;
    if (!claim) continue;
    if (claim.claimant_id !== null) add(claimantEdge(claim.claimant_id, id, claim.stance));
    const claimRoles = roles.all(id) as { entity_id: number; role: 'subject' | 'object' }[];
    for (const r of claimRoles) add(roleEdge(id, r.entity_id, r.role));
    for (const subject of claimRoles.filter((r) => r.role === 'subject')) {
      for (const object of claimRoles.filter((r) => r.role === 'object')) {
        if (subject.entity_id !== object.entity_id) add(allegedEdge(id, subject.entity_id, object.entity_id, claim.predicate, claim.stance));
      }
    }
    if (claim.responds_to !== null) add(respondsEdge(id, claim.responds_to, claim.stance));
    for (const response of responses.iterate(id) as Iterable<{ id: number; stance: NonNullable<GraphEdge['stance']> }>) {
      add(respondsEdge(response.id, id, response.stance));
    }
    for (const s of claimSources.iterate(id) as Iterable<{ source_id: number }>) add(reportedEdge(id, s.source_id));
  }
  const sourceClaims = db.prepare('SELECT DISTINCT claim_id FROM span WHERE source_id = ? AND claim_id IS NOT NULL');
  for (const id of sets.source) {
    for (const c of sourceClaims.iterate(id) as Iterable<{ claim_id: number }>) add(reportedEdge(c.claim_id, id));
  }
  // alleged edges seen from an entity: the claim need not be on the canvas
  const alleged = db.prepare(`
    SELECT s.claim_id, s.entity_id AS subject_id, o.entity_id AS object_id, c.predicate, c.stance
    FROM claim_role s
    CROSS JOIN claim_role o ON o.claim_id = s.claim_id AND o.role = 'object'
    CROSS JOIN claim c ON c.id = s.claim_id
    WHERE s.entity_id = ? AND s.role = 'subject'`);
  const allegedIn = db.prepare(`
    SELECT o.claim_id, s.entity_id AS subject_id, o.entity_id AS object_id, c.predicate, c.stance
    FROM claim_role o
    CROSS JOIN claim_role s ON s.claim_id = o.claim_id AND s.role = 'subject'
    CROSS JOIN claim c ON c.id = o.claim_id
    WHERE o.entity_id = ? AND o.role = 'object'`);
  for (const id of sets.entity) {
    for (const row of [...alleged.iterate(id), ...allegedIn.iterate(id)] as AllegedRow[]) {
      if (row.subject_id !== row.object_id) add(allegedEdge(row.claim_id, row.subject_id, row.object_id, row.predicate, row.stance));
    }
  }
  return [...edges.values()];
}

interface RelationEdgeRow { id: number; kind: NonNullable<GraphEdge['relationKind']>; from_id: number; to_id: number }
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: NonNullable<GraphEdge['stance']> }

function relationEdge(r: RelationEdgeRow): GraphEdge {
  return {
    id: `r:${r.id}`, source: nodeId('entity', r.from_id), target: nodeId('entity', r.to_id), type: 'relation',
    label: r.kind.replace(/_/g, ' '), relationKind: r.kind, relationId: r.id,
  };
}

function claimantEdge(entityId: number, claimId: number, stance: NonNullable<GraphEdge['stance']>): GraphEdge {
  return {
    id: `cl:${claimId}`, source: nodeId('entity', entityId), target: nodeId('claim', claimId), type: 'claimant',
    label: stance, stance, claimId,
  };
}

function roleEdge(claimId: number, entityId: number, role: 'subject' | 'object'): GraphEdge {
  return {
    id: `ro:${claimId}:${entityId}:${role}`, source: nodeId('claim', claimId), target: nodeId('entity', entityId),
    type: 'role', label: role, role, claimId,
  };
}

function allegedEdge(claimId: number, subjectId: number, objectId: number, predicate: string | null, stance: NonNullable<GraphEdge['stance']>): GraphEdge {
  return {
    id: `al:${claimId}:${subjectId}:${objectId}`, source: nodeId('entity', subjectId), target: nodeId('entity', objectId),
    type: 'alleged', label: `alleged: ${(predicate ?? 'linked to').replace(/_/g, ' ')}`, stance, claimId,
  };
}

function respondsEdge(claimId: number, targetClaimId: number, stance: NonNullable<GraphEdge['stance']>): GraphEdge {
  return {
    id: `rt:${claimId}`, source: nodeId('claim', claimId), target: nodeId('claim', targetClaimId), type: 'responds_to',
    label: stance === 'denies' ? 'denies' : 'responds to', stance, claimId,
  };
}

function reportedEdge(claimId: number, sourceId: number): GraphEdge {
  return {
    id: `src:${claimId}:${sourceId}`, source: nodeId('claim', claimId), target: nodeId('source', sourceId),
    type: 'reported_in', label: 'reported in', claimId,
  };
}

export function edgesAmong(db: SqliteDb, ids: readonly string[]): GraphEdge[] {
  return edgesBetween(db, ids, new Set(ids));
}

export function graphOf(db: SqliteDb, ids: readonly string[]): GraphPayload {
  const nodes = loadNodes(db, ids);
  return { nodes, edges: edgesAmong(db, nodes.map((n) => n.id)) };
}

interface Neighbour { id: string; importance: number; group: string }

/** Neighbour candidates of one node, per edge group, ranked by importance. */
function neighbourGroups(db: SqliteDb, type: NodeType, id: number): Map<string, { count: number; list: (limit: number, offset: number) => Neighbour[] }> {
  const groups = new Map<string, { count: number; list: (limit: number, offset: number) => Neighbour[] }>();
  const group = (name: string, countSql: string, listSql: string, nodeType: NodeType) => {
    const count = (db.prepare(countSql).get({ id }) as { n: number }).n;
    if (count === 0) return;
    groups.set(name, {
      count,
      list: (limit, offset) =>
        (db.prepare(listSql).all({ id, limit, offset }) as { id: number; importance: number }[]).map((row) => ({
          id: nodeId(nodeType, row.id), importance: row.importance, group: name,
        })),
    });
  };
  if (type === 'entity') {
    group('relation',
      'SELECT (SELECT count(*) FROM relation WHERE from_id = @id) + (SELECT count(*) FROM relation WHERE to_id = @id) AS n',
      `SELECT e.id, e.importance FROM (
         SELECT to_id AS other FROM relation WHERE from_id = @id UNION SELECT from_id FROM relation WHERE to_id = @id
       ) AS r CROSS JOIN entity e ON e.id = r.other WHERE e.merged_into IS NULL
       ORDER BY e.importance DESC, e.id LIMIT @limit OFFSET @offset`, 'entity');
    group('claimant', 'SELECT count(*) AS n FROM claim WHERE claimant_id = @id',
      'SELECT id, importance FROM claim WHERE claimant_id = @id ORDER BY importance DESC, id LIMIT @limit OFFSET @offset', 'claim');
    group('role', 'SELECT count(*) AS n FROM claim_role WHERE entity_id = @id',
      `SELECT c.id, c.importance FROM claim_role r CROSS JOIN claim c ON c.id = r.claim_id WHERE r.entity_id = @id
       GROUP BY c.id ORDER BY c.importance DESC, c.id LIMIT @limit OFFSET @offset`, 'claim');
  } else if (type === 'claim') {
    group('claimant', 'SELECT count(*) AS n FROM claim WHERE id = @id AND claimant_id IS NOT NULL',
      `SELECT e.id, e.importance FROM claim c CROSS JOIN entity e ON e.id = c.claimant_id WHERE c.id = @id LIMIT @limit OFFSET @offset`, 'entity');
    group('role', 'SELECT count(*) AS n FROM claim_role WHERE claim_id = @id',
      `SELECT DISTINCT e.id, e.importance FROM claim_role r CROSS JOIN entity e ON e.id = r.entity_id WHERE r.claim_id = @id
       ORDER BY e.importance DESC, e.id LIMIT @limit OFFSET @offset`, 'entity');
    group('responds_to',
      'SELECT (SELECT count(*) FROM claim WHERE responds_to = @id) + (SELECT count(*) FROM claim WHERE id = @id AND responds_to IS NOT NULL) AS n',
      `SELECT id, importance FROM (
         SELECT id, importance FROM claim WHERE responds_to = @id
         UNION SELECT p.id, p.importance FROM claim c CROSS JOIN claim p ON p.id = c.responds_to WHERE c.id = @id
       ) ORDER BY importance DESC, id LIMIT @limit OFFSET @offset`, 'claim');
    group('reported_in', 'SELECT count(DISTINCT source_id) AS n FROM span WHERE claim_id = @id',
      'SELECT DISTINCT source_id AS id, 0 AS importance FROM span WHERE claim_id = @id ORDER BY source_id LIMIT @limit OFFSET @offset', 'source');
  } else {
    group('reported_in', 'SELECT count(DISTINCT claim_id) AS n FROM span WHERE source_id = @id AND claim_id IS NOT NULL',
      `SELECT c.id, c.importance FROM (SELECT DISTINCT claim_id FROM span WHERE source_id = @id AND claim_id IS NOT NULL) AS s
       CROSS JOIN claim c ON c.id = s.claim_id ORDER BY c.importance DESC, c.id LIMIT @limit OFFSET @offset`, 'claim');
  }
  return groups;
}

export interface NeighborhoodOptions {
  known: readonly string[];
  limit: number;
  offset: number;
}

/**
 * A node's neighbourhood, capped per edge group (`limit` each, `offset` for "show more") and
 * overall at 500 nodes, ranked by importance. Edges come back for the new nodes among themselves,
 * the centre and the nodes already known to the canvas.
 */
export function neighborhood(db: SqliteDb, center: string, options: NeighborhoodOptions) {
  const parsed = parseNodeId(center);
  if (!parsed) throw new ApiError('invalid_arguments', `"${center}" is not a node id`);
  const centerNodes = loadNodes(db, [center]);
  if (centerNodes.length === 0) throw new ApiError('not_found', `No node ${center}`);
  const groups = neighbourGroups(db, parsed.type, parsed.id);
  const chosen = new Map<string, Neighbour>();
  const more: { edgeType: string; count: number }[] = [];
  let total = 0;
  let anyLeft = false;
  for (const [name, group] of groups) {
    total += group.count;
    const room = Math.max(0, Math.min(options.limit, 500 - chosen.size));
    const list = room > 0 ? group.list(room, options.offset) : [];
    for (const n of list) if (!chosen.has(n.id) && n.id !== center) chosen.set(n.id, n);
    const left = group.count - options.offset - list.length;
    if (left > 0) {
      more.push({ edgeType: name, count: left });
      anyLeft = true;
    }
  }
  const newIds = [...chosen.keys()];
  const nodes = [...centerNodes, ...loadNodes(db, newIds)];
  const within = new Set([center, ...newIds, ...options.known]);
  const edges = edgesBetween(db, [center, ...newIds], within);
  return {
    center, nodes, edges, more, total,
    nextOffset: anyLeft ? options.offset + options.limit : null,
  };
}
