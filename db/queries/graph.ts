// The graph projection (SPEC §2): nodes for entities, claims and sources; typed edges between them,
// including the derived, dashed "alleged" edge from a claim's subject to its object.
import type { GraphEdge, GraphNode, GraphPayload } from '../../shared/graph/model';
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';
import { cached, columns, edgesBetween, fillTemp } from './graph-edges';
import type { ClaimRow } from './graph-claim-edges';
import { cachedPage, type PageInfo, type Patcher, type Restore } from './graph-page-cache';
import { decodePage, encodePage } from './graph-page-codec';
import { patchPage, type PageList, type PageListing, type PageState } from './graph-page-patch';
import { splitIds } from './graph-shapes';

export { edgesBetween, EDGE_SQL } from './graph-edges';
export { splitIds, type IdSets } from './graph-shapes';

export const ENTITY_NODE = `SELECT id, kind, name, importance FROM entity WHERE id = ? AND merged_into IS NULL`;
const CLAIM_NODE = `SELECT id, text, status, stance, credibility, importance, claimant_id, responds_to, predicate FROM claim WHERE id = ?`;
const SOURCE_NODE = `SELECT id, kind, title, reliability FROM source WHERE id = ?`;

export function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Node rows for a set of ids, set-at-a-time (an expansion loads ~500): each table is read by
 * primary key from a temp id set, in one statement per node type, as columns (graph-edges.ts
 * `columns`: no JS object per row); result in the order of `ids`.
 */
export const NODE_SQL = {
  entity: `SELECT json_group_array(e.id), json_group_array(e.kind), json_group_array(e.name), json_group_array(e.importance)
    FROM temp.node_ids x CROSS JOIN entity e ON e.id = x.id WHERE e.merged_into IS NULL`,
  // with what the claim's edges need from the same row (graph-claim-edges.ts)
  claim: `SELECT json_group_array(c.id), json_group_array(c.text), json_group_array(c.status), json_group_array(c.stance),
    json_group_array(c.credibility), json_group_array(c.importance), json_group_array(c.claimant_id),
    json_group_array(c.responds_to), json_group_array(c.predicate)
    FROM temp.node_ids x CROSS JOIN claim c ON c.id = x.id`,
  source: `SELECT json_group_array(s.id), json_group_array(s.kind), json_group_array(s.title), json_group_array(s.reliability)
    FROM temp.node_ids x CROSS JOIN source s ON s.id = x.id`,
} as const;

type EntityColumns = [id: number[], kind: GraphNode['kind'][], name: string[], importance: number[]];
type ClaimColumns = [
  id: number[], text: string[], status: GraphNode['status'][], stance: NonNullable<GraphNode['stance']>[], credibility: (number | null)[],
  importance: number[], claimantId: (number | null)[], respondsTo: (number | null)[], predicate: (string | null)[],
];
type SourceColumns = [id: number[], kind: GraphNode['kind'][], title: string[], reliability: GraphNode['reliability'][]];

export function loadNodes(db: SqliteDb, ids: readonly string[], claimRows?: Map<number, ClaimRow>): GraphNode[] {
  const sets = splitIds(ids);
  const byId = new Map<string, GraphNode>();
  /** one statement by key for a single node (the common case outside expansions) */
  const read = <T extends unknown[][]>(type: NodeType, list: number[], single: string): T | null => {
    if (list.length === 0) return null;
    if (list.length === 1) {
      const row = cached(db, single).get(list[0]) as Record<string, unknown> | undefined;
      return row ? (Object.values(row).map((value) => [value]) as T) : null;
    }
    fillTemp(db, { node_ids: list });
    return columns<T>(db, NODE_SQL[type]);
  };
  const entities = read<EntityColumns>('entity', sets.entity, ENTITY_NODE);
  if (entities) {
    const [id, kind, name, importance] = entities;
    for (let i = 0; i < id.length; i++) {
      const key = nodeId('entity', id[i]!);
      byId.set(key, { id: key, type: 'entity', kind: kind[i]!, label: name[i]!, importance: importance[i]! });
    }
  }
  const claims = read<ClaimColumns>('claim', sets.claim, CLAIM_NODE);
  if (claims) {
    const [id, text, status, stance, credibility, importance, claimantId, respondsTo, predicate] = claims;
    for (let i = 0; i < id.length; i++) {
      claimRows?.set(id[i]!, [id[i]!, claimantId[i]!, stance[i]!, respondsTo[i]!, predicate[i]!]);
      const key = nodeId('claim', id[i]!);
      byId.set(key, {
        id: key, type: 'claim', kind: 'claim', label: shortLabel(text[i]!), importance: importance[i]!,
        status: status[i]!, stance: stance[i]!, credibility: credibility[i]!,
      });
    }
  }
  const sources = read<SourceColumns>('source', sets.source, SOURCE_NODE);
  if (sources) {
    const [id, kind, title, reliability] = sources;
    for (let i = 0; i < id.length; i++) {
      const key = nodeId('source', id[i]!);
      byId.set(key, {
        id: key, type: 'source', kind: kind[i]!, label: shortLabel(title[i] || `Source ${id[i]}`),
        importance: 0, reliability: reliability[i]!,
      });
    }
  }
  // entities first, then claims, then sources, each in the order asked (as before)
  const order = [...sets.entity.map((id) => nodeId('entity', id)), ...sets.claim.map((id) => nodeId('claim', id)), ...sets.source.map((id) => nodeId('source', id))];
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const node = byId.get(id);
    if (node && !seen.has(id)) nodes.push(node);
    seen.add(id);
  }
  return nodes;
}

export function edgesAmong(db: SqliteDb, ids: readonly string[]): GraphEdge[] {
  return edgesBetween(db, ids, new Set(ids));
}

export function graphOf(db: SqliteDb, ids: readonly string[]): GraphPayload {
  const nodes = loadNodes(db, ids);
  return { nodes, edges: edgesAmong(db, nodes.map((n) => n.id)) };
}

interface Neighbour { id: string; importance: number; group: string }
interface GroupSql {
  name: string; count: string; list: string; nodeType: NodeType;
  /** the same list for a hub (db/migrations/0030): an index range read of its precomputed ranked list */
  hubList?: string;
  /** the same count for a hub: kept by db/migrations/0040 */
  hubCount?: string;
}

/** Whether an entity has precomputed ranked lists (importance ≥ HUB_ENTER, trigger-maintained). */
export const IS_HUB = 'SELECT 1 AS hub FROM hub WHERE id = ?';

/**
 * The hot SQL of an expansion, per centre type and edge group, exported so that the query-plan
 * test checks what runs. Each list walks the centre's adjacency through an index and joins the
 * neighbour by primary key; CROSS JOIN pins that order (a plain JOIN let the planner scan entity).
 */
export const NEIGHBOUR_SQL: Record<NodeType, GroupSql[]> = {
  entity: [
    {
      name: 'relation', nodeType: 'entity',
      count: 'SELECT (SELECT count(*) FROM relation WHERE from_id = @id) + (SELECT count(*) FROM relation WHERE to_id = @id) AS n',
      hubCount: `SELECT coalesce((SELECT relations FROM band_member WHERE id = @id),
        (SELECT count(*) FROM relation WHERE from_id = @id) + (SELECT count(*) FROM relation WHERE to_id = @id)) AS n`,
      list: `SELECT e.id, e.importance FROM (
         SELECT to_id AS other FROM relation WHERE from_id = @id UNION SELECT from_id FROM relation WHERE to_id = @id
       ) AS r CROSS JOIN entity e ON e.id = r.other WHERE e.merged_into IS NULL
       ORDER BY e.importance DESC, e.id LIMIT @limit OFFSET @offset`,
      // hub_nbr.importance is the neighbour's entity.importance; the entity is read for the page only
      hubList: `SELECT e.id, e.importance FROM hub_nbr h INDEXED BY hub_nbr_rank CROSS JOIN entity e ON e.id = h.other_id
       WHERE h.hub_id = @id AND e.merged_into IS NULL ORDER BY h.importance DESC, h.other_id LIMIT @limit OFFSET @offset`,
    },
    {
      name: 'claimant', nodeType: 'claim',
      count: 'SELECT count(*) AS n FROM claim WHERE claimant_id = @id',
      // claim_claimant_rank(claimant_id, importance DESC, id) returns them in order, covering
      list: 'SELECT id, importance FROM claim WHERE claimant_id = @id ORDER BY importance DESC, id LIMIT @limit OFFSET @offset',
    },
    {
      name: 'role', nodeType: 'claim',
      count: 'SELECT count(*) AS n FROM claim_role WHERE entity_id = @id',
      list: `SELECT c.id, c.importance FROM (SELECT DISTINCT claim_id FROM claim_role WHERE entity_id = @id) AS r
       CROSS JOIN claim c ON c.id = r.claim_id ORDER BY c.importance DESC, c.id LIMIT @limit OFFSET @offset`,
      // hub_role is distinct per claim and carries claim.importance: no claim row is read at all
      hubList: `SELECT claim_id AS id, importance FROM hub_role INDEXED BY hub_role_rank
       WHERE hub_id = @id ORDER BY importance DESC, claim_id LIMIT @limit OFFSET @offset`,
    },
  ],
  claim: [
    {
      name: 'claimant', nodeType: 'entity',
      count: 'SELECT count(*) AS n FROM claim WHERE id = @id AND claimant_id IS NOT NULL',
      list: `SELECT e.id, e.importance FROM claim c CROSS JOIN entity e ON e.id = c.claimant_id
       WHERE c.id = @id AND e.merged_into IS NULL LIMIT @limit OFFSET @offset`,
    },
    {
      name: 'role', nodeType: 'entity',
      count: 'SELECT count(*) AS n FROM claim_role WHERE claim_id = @id',
      list: `SELECT DISTINCT e.id, e.importance FROM claim_role r CROSS JOIN entity e ON e.id = r.entity_id
       WHERE r.claim_id = @id AND e.merged_into IS NULL ORDER BY e.importance DESC, e.id LIMIT @limit OFFSET @offset`,
    },
    {
      name: 'responds_to', nodeType: 'claim',
      count: 'SELECT (SELECT count(*) FROM claim WHERE responds_to = @id) + (SELECT count(*) FROM claim WHERE id = @id AND responds_to IS NOT NULL) AS n',
      list: `SELECT id, importance FROM (
         SELECT id, importance FROM claim WHERE responds_to = @id
         UNION SELECT p.id, p.importance FROM claim c CROSS JOIN claim p ON p.id = c.responds_to WHERE c.id = @id
       ) ORDER BY importance DESC, id LIMIT @limit OFFSET @offset`,
    },
    {
      name: 'reported_in', nodeType: 'source',
      count: 'SELECT count(DISTINCT source_id) AS n FROM span WHERE claim_id = @id',
      list: 'SELECT DISTINCT source_id AS id, 0 AS importance FROM span WHERE claim_id = @id ORDER BY source_id LIMIT @limit OFFSET @offset',
    },
  ],
  source: [
    {
      name: 'reported_in', nodeType: 'claim',
      count: 'SELECT count(DISTINCT claim_id) AS n FROM span WHERE source_id = @id AND claim_id IS NOT NULL',
      list: `SELECT c.id, c.importance FROM (SELECT DISTINCT claim_id FROM span WHERE source_id = @id AND claim_id IS NOT NULL) AS s
       CROSS JOIN claim c ON c.id = s.claim_id ORDER BY c.importance DESC, c.id LIMIT @limit OFFSET @offset`,
    },
  ],
};

/** At most this many nodes come back from one expansion (Neo4j Browser caps a view at 1,000). */
export const MAX_NODES = 500;

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
export function neighborhood(db: SqliteDb, center: string, options: NeighborhoodOptions): NeighborhoodPage {
  // a hub's page is kept until a change can reach it (graph-page-cache.ts), on this connection and
  // in the file (page-store.ts, in its stored form: graph-page-codec.ts); the key is every
  // argument, `known` in its order (it decides which edges come back); it depends on its centre,
  // its nodes and the known nodes (the ends of its edges)
  const key = `${center}\u0000${options.limit}\u0000${options.offset}\u0000${options.known.join(',')}`;
  const parsed = parseNodeId(center);
  if (!parsed) throw new ApiError('invalid_arguments', `"${center}" is not a node id`);
  let computed: Computed | null = null;
  const compute = () => {
    computed = computeNeighborhood(db, center, options);
    return computed.page;
  };
  // a first page shows the top of each list: a neighbour below its last row cannot get in, and
  // changes can be patched in (graph-page-patch.ts). On a later page, one moving across the ranks
  // before it shifts it: any ranked neighbour counts, and only a recomputation will do.
  const first = options.offset === 0;
  const infoOf = (page: NeighborhoodPage, listing: PageListing): PageInfo<NeighborhoodPage> => ({
    size: page.nodes.length, center, shown: () => page.nodes.map((n) => n.id), known: options.known,
    floors: first ? floorsOf(listing.lists) : null,
    patch: first ? patcher({ page, listing, floors: listing.lists.map(floorOf) }) : null,
    encode: () => encodePage(page, listing),
  });
  const relist = () => listNeighbours(db, parsed, center, options);
  const patcher = (state: PageState<NeighborhoodPage>): Patcher<NeighborhoodPage> => (touched, rank) => {
    const next = patchPage(db, state, options.known, touched, rank, loadNodes, relist);
    return next && { page: next.page, info: infoOf(next.page, next.listing) };
  };
  const restore: Restore<NeighborhoodPage> = (body) => {
    const stored = decodePage(body, center);
    return stored && { page: stored.page, info: infoOf(stored.page, stored.listing) };
  };
  return cachedPage(db, key, compute, (page) => infoOf(page, computed!.listing), restore);
}

interface Computed { page: NeighborhoodPage; listing: PageListing }

/** The page's RankFloors from its lists (see there). */
function floorsOf(lists: readonly PageList[]): RankFloors {
  const floors: RankFloors = { entity: Infinity, claim: Infinity };
  for (const list of lists) {
    if (list.nodeType === 'source') continue;
    const floor = list.full && list.rows.length > 0 ? list.rows[list.rows.length - 1]![1] : -Infinity;
    floors[list.nodeType] = Math.min(floors[list.nodeType], floor);
  }
  return floors;
}

/** A list's last row when it filled its room (a neighbour off the page ranks after it). */
const floorOf = (list: PageList): [importance: number, id: number] | null => {
  const last = list.rows[list.rows.length - 1];
  return list.full && last ? [last[1], last[0]] : null;
};

export interface NeighborhoodPage {
  center: string; nodes: GraphNode[]; edges: GraphEdge[]; more: { edgeType: string; count: number }[];
  total: number; nextOffset: number | null;
}

/**
 * Per neighbour type, the lowest importance a neighbour of that type not on the page needs to enter
 * one of the page's ranked lists: the last row's importance when a list filled its room, -Infinity
 * when it showed every member (a member coming back from a merge gets in), Infinity when no list of
 * that type showed anything for lack of room or members.
 */
export interface RankFloors { entity: number; claim: number }

/** The ranked lists of a page: counts, members up to each list's room, in order. */
function listNeighbours(db: SqliteDb, parsed: { type: NodeType; id: number }, center: string, options: NeighborhoodOptions): PageListing {
  const chosen = new Map<string, Neighbour>();
  const more: { edgeType: string; count: number }[] = [];
  let total = 0;
  let anyLeft = false;
  const lists: PageList[] = [];
  const hub = parsed.type === 'entity' && cached(db, IS_HUB).get(parsed.id) !== undefined;
  for (const group of NEIGHBOUR_SQL[parsed.type]) {
    const count = (cached(db, hub && group.hubCount ? group.hubCount : group.count).get({ id: parsed.id }) as { n: number }).n;
    if (count === 0) continue;
    total += count;
    const room = Math.max(0, Math.min(options.limit, MAX_NODES - chosen.size));
    const list = cached(db, hub && group.hubList ? group.hubList : group.list);
    const rows = room > 0 ? (list.raw().all({ id: parsed.id, limit: room, offset: options.offset }) as [id: number, importance: number][]) : [];
    if (room > 0) lists.push({ nodeType: group.nodeType, rows, full: rows.length === room });
    for (const [rowId, importance] of rows) {
      const id = nodeId(group.nodeType, rowId);
      if (!chosen.has(id) && id !== center) chosen.set(id, { id, importance, group: group.name });
    }
    const left = count - options.offset - rows.length;
    if (left > 0) {
      more.push({ edgeType: group.name, count: left });
      anyLeft = true;
    }
  }
  return { chosen: [...chosen.keys()], more, total, nextOffset: anyLeft ? options.offset + options.limit : null, lists };
}

function computeNeighborhood(db: SqliteDb, center: string, options: NeighborhoodOptions): Computed {
  const parsed = parseNodeId(center);
  if (!parsed) throw new ApiError('invalid_arguments', `"${center}" is not a node id`);
  // claim rows read for the nodes, reused by the edges step
  const claimRows = new Map<number, ClaimRow>();
  const centerNodes = loadNodes(db, [center], claimRows);
  if (centerNodes.length === 0) throw new ApiError('not_found', `No node ${center}`);
  const listing = listNeighbours(db, parsed, center, options);
  const newIds = listing.chosen;
  const nodes = [...centerNodes, ...loadNodes(db, newIds, claimRows)];
  const within = new Set([center, ...newIds, ...options.known]);
  const edges = edgesBetween(db, [center, ...newIds], within, claimRows);
  const { more, total, nextOffset } = listing;
  return { listing, page: { center, nodes, edges, more, total, nextOffset } };
}
