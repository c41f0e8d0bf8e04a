// Bringing a cached expansion page up to date when another connection changed some of its nodes
// (graph-page-cache.ts): a batch import commits once per article, and an article that mentions an
// important entity shown on many hubs' pages, or a hub itself, changes a few nodes of those pages
// (importance, edges, a new claim in a hub's list). Recomputing a hub's page after each such commit
// costs tens of ms on a cold file; this re-reads only what changed.
//
// The result equals a fresh computation, up to the order of its edges (a set: the canvas draws them
// in any order):
//  - the ranked lists: when neither the centre changed nor a neighbour off the page may have entered
//    them (the cache's rank check), only the changed members' importance moves them, and where a
//    list filled its room every member must still rank at or before its last row (no neighbour off
//    the page can then outrank one); otherwise the lists and counts are read again (listNeighbours);
//  - the nodes: the centre, changed and new members read afresh, the others as they were;
//  - the edges: every change of an edge touches both its ends (db/migrations/0060), so an edge with
//    an unchanged end is as it was; those between two changed nodes and those at a new member are
//    read afresh from the indexes (only towards the page's nodes for a known node: a page holds no
//    edge between two known nodes), those at a dropped member go.
import type { GraphEdge, GraphNode } from '../../shared/graph/model';
import { nodeId, type NodeType } from '../../shared/graph/ids';
import type { SqliteDb } from '../open';
import { claimEdges, type ClaimRow } from './graph-claim-edges';
import { cached, columns, EDGE_SQL, EdgeSet, fillTemp, SCAN_SQL } from './graph-edges';
import { allegedEdge, claimantEdge, relationEdge, reportedEdge, roleEdge, splitIds, type Stance } from './graph-shapes';

/** One ranked list of a page as it was read: rows in order, and whether it filled its room. */
export interface PageList { nodeType: NodeType; rows: [id: number, importance: number][]; full: boolean }

/** The ranked part of a page (graph.ts listNeighbours): the nodes it shows in order, what is left. */
export interface PageListing {
  chosen: string[]; lists: PageList[]; more: { edgeType: string; count: number }[]; total: number; nextOffset: number | null;
}

export interface PageState<P> {
  page: P;
  listing: PageListing;
  /** each list's last row when it filled its room (null: it showed every member) */
  floors: ([importance: number, id: number] | null)[];
}

interface Page { center: string; nodes: GraphNode[]; edges: GraphEdge[]; more: PageListing['more']; total: number; nextOffset: number | null }

type LoadNodes = (db: SqliteDb, ids: readonly string[], claimRows?: Map<number, ClaimRow>) => GraphNode[];

/** Whether a row ranks at or before the row `floor` (ORDER BY importance DESC, id). */
const atOrBefore = ([id, importance]: [number, number], [floorImportance, floorId]: [number, number]) =>
  importance > floorImportance || (importance === floorImportance && id <= floorId);

/**
 * The lists with the changed nodes' new importance, back in rank order; null when a member may
 * have fallen behind a neighbour off the page (then only reading the lists again can tell).
 */
function reorder<P extends Page>(state: PageState<P>, fresh: ReadonlyMap<string, GraphNode>): PageListing | null {
  const lists: PageList[] = [];
  for (let g = 0; g < state.listing.lists.length; g++) {
    const list = state.listing.lists[g]!;
    let moved = false;
    const rows = list.rows.map((row): [number, number] => {
      const node = fresh.get(nodeId(list.nodeType, row[0]));
      if (!node || list.nodeType === 'source' || node.importance === row[1]) return row;
      moved = true;
      return [row[0], node.importance];
    });
    if (!moved) {
      lists.push(list);
      continue;
    }
    const floor = state.floors[g];
    if (floor && !rows.every((row) => atOrBefore(row, floor))) return null;
    rows.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    lists.push({ ...list, rows });
  }
  // the members in the order listNeighbours chooses them
  const chosen = new Set<string>();
  for (const list of lists) {
    for (const [id] of list.rows) {
      const key = nodeId(list.nodeType, id);
      if (key !== state.page.center) chosen.add(key);
    }
  }
  return { ...state.listing, chosen: [...chosen], lists };
}

/**
 * The page with `touched` (node ids of the page or of its known nodes, changed since it was made)
 * brought up to date, or null when only a fresh computation can tell. `relist`: a neighbour off the
 * page may have entered its lists (the cache's rank check), so they are read again, as they are
 * when the centre changed (its counts and members may have) or a member may have fallen out.
 */
export function patchPage<P extends Page>(
  db: SqliteDb, state: PageState<P>, known: readonly string[], touched: readonly string[], relist: boolean,
  loadNodes: LoadNodes, list: () => PageListing,
): { page: P; listing: PageListing } | null {
  const { page } = state;
  const center = page.center;
  const changed = new Set(touched);
  const before = new Map(page.nodes.map((n) => [n.id, n]));
  const onPage = page.nodes.filter((n) => changed.has(n.id)).map((n) => n.id);
  let fresh = new Map(loadNodes(db, onPage).map((n) => [n.id, n]));
  let listing = !relist && !changed.has(center) && fresh.size === onPage.length ? reorder(state, fresh) : null;
  if (!listing) {
    listing = list();
    // the centre, the changed nodes and the new members read afresh
    const toLoad = [center, ...listing.chosen.filter((id) => changed.has(id) || !before.has(id))];
    fresh = new Map(loadNodes(db, toLoad).map((n) => [n.id, n]));
    if (fresh.size !== toLoad.length) return null; // the centre is gone: the fresh computation says so
  }
  // entities, claims, then sources, each in the order chosen (loadNodes)
  const sets = splitIds(listing.chosen);
  const order = [center, ...sets.entity.map((id) => nodeId('entity', id)), ...sets.claim.map((id) => nodeId('claim', id)),
    ...sets.source.map((id) => nodeId('source', id))];
  const nodes = order.map((id) => fresh.get(id) ?? before.get(id));
  if (nodes.some((n) => n === undefined)) return null;
  // the edges: every change of an edge touched both its ends (db/migrations/0060), so those with an
  // unchanged end are as they were; those between two changed nodes and those at a new member are
  // read afresh, those at a dropped member go
  const from = new Set(order);
  const within = new Set([...order, ...known]);
  const isNew = (id: string) => !before.has(id) && from.has(id);
  const kept = page.edges.filter((e) => within.has(e.source) && within.has(e.target) && !isNew(e.source) && !isNew(e.target)
    && !(changed.has(e.source) && changed.has(e.target)));
  // an edge read afresh has an end at a new member or both at changed nodes, so it is none of those
  // kept: only the two reads can repeat one (an edge between a new member and a changed node)
  const among = new Set([...changed].filter((id) => within.has(id)));
  const addedIds = new Set<string>();
  const added = [...edgesAt(db, order.filter(isNew), within), ...edgesAt(db, [...among], among)].filter((e) => {
    if ((!from.has(e.source) && !from.has(e.target)) || addedIds.has(e.id)) return false;
    addedIds.add(e.id);
    return true;
  });
  const { more, total, nextOffset } = listing;
  return { page: { ...page, nodes: nodes as GraphNode[], edges: [...kept, ...added], more, total, nextOffset }, listing };
}

/**
 * The SCAN_SQL reads (graph-edges.ts) from the other side, for a changed entity of high degree (a
 * hub on another hub's page): one key probe per node of the set instead of its whole adjacency.
 */
export const PROBE_SQL = {
  relationsOut: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_scan x CROSS JOIN temp.edge_within_entity w
    CROSS JOIN relation r INDEXED BY relation_from ON r.from_id = x.id AND r.to_id = w.id`,
  relationsIn: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_scan x CROSS JOIN temp.edge_within_entity w
    CROSS JOIN relation r INDEXED BY relation_to ON r.to_id = x.id AND r.from_id = w.id`,
  allegedOut: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_scan x
    CROSS JOIN temp.edge_within_entity w CROSS JOIN alleged a ON a.subject_id = x.id AND a.object_id = w.id
    CROSS JOIN claim c ON c.id = a.claim_id`,
  allegedIn: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_scan x
    CROSS JOIN temp.edge_within_entity w CROSS JOIN alleged a INDEXED BY alleged_object ON a.object_id = x.id AND a.subject_id = w.id
    CROSS JOIN claim c ON c.id = a.claim_id`,
  claimant: `SELECT c.id, c.claimant_id, c.stance FROM temp.edge_scan x CROSS JOIN temp.edge_within_claim w
    CROSS JOIN claim c ON c.id = w.id WHERE c.claimant_id = x.id`,
  roles: `SELECT r.claim_id, r.entity_id, r.role FROM temp.edge_scan x CROSS JOIN temp.edge_within_claim w
    CROSS JOIN claim_role r ON r.claim_id = w.id AND r.entity_id = x.id`,
  /** importance is degree-based: it says which side reads less */
  importance: 'SELECT json_group_array(e.id), json_group_array(e.importance) FROM temp.edge_scan x CROSS JOIN entity e ON e.id = x.id',
} as const;

type RelationRow = Parameters<typeof relationEdge>[0];
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }

/** Every edge at the nodes `at` whose other end is in `within`, from the base tables' indexes. */
function edgesAt(db: SqliteDb, at: readonly string[], within: ReadonlySet<string>): GraphEdge[] {
  const edges = new EdgeSet(within);
  const add = edges.add;
  const sets = splitIds(at);
  const all = splitIds(within);
  if (sets.entity.length > 0) {
    // a low-degree entity: one index range each, rows fetched only for matches; a high-degree one
    // (degree above the set's size): one key probe per node of the set
    fillTemp(db, { edge_scan: sets.entity, edge_within_entity: all.entity, edge_within_claim: all.claim });
    const [ids, importance] = columns<[number[], number[]]>(db, PROBE_SQL.importance);
    const wide = ids.filter((_, i) => importance[i]! > all.entity.length + all.claim.length);
    const narrow = sets.entity.filter((id) => !wide.includes(id));
    for (const [sql, group] of [[SCAN_SQL, narrow], [PROBE_SQL, wide]] as const) {
      if (group.length === 0) continue;
      fillTemp(db, { edge_scan: group });
      const scan = (name: keyof typeof SCAN_SQL) => cached(db, sql[name]).iterate();
      for (const name of ['relationsOut', 'relationsIn'] as const) for (const r of scan(name) as Iterable<RelationRow>) add(relationEdge(r));
      for (const name of ['allegedOut', 'allegedIn'] as const) {
        for (const r of scan(name) as Iterable<AllegedRow>) {
          if (r.subject_id !== r.object_id) add(allegedEdge(r.claim_id, r.subject_id, r.object_id, r.predicate, r.stance));
        }
      }
      for (const c of scan('claimant') as Iterable<{ id: number; claimant_id: number; stance: Stance }>) add(claimantEdge(c.claimant_id, c.id, c.stance));
      for (const r of scan('roles') as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) add(roleEdge(r.claim_id, r.entity_id, r.role));
    }
  }
  claimEdges(db, sets.claim, all, add);
  const sourceClaims = cached(db, EDGE_SQL.sourceClaims);
  for (const id of sets.source) {
    for (const c of sourceClaims.iterate(id) as Iterable<{ claim_id: number }>) add(reportedEdge(c.claim_id, id));
  }
  return edges.list();
}
