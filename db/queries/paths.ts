// "How is A connected to B?": shortest paths over the whole investigation, through relations and
// claims (entity → claim → entity), optionally only through claims that pass the analyst's filters.
// Bidirectional breadth-first search that always grows the smaller side, one batched query per
// edge kind and level, so hubs cost one query, not one per neighbour.
import type { Claim, Reliability } from '../../shared/domain/model';
import { nodeId, parseNodeId, type NodeType } from '../../shared/graph/ids';
import { ApiError } from '../../shared/api/errors';
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { edgesBetween, loadNodes } from './graph';

export interface PathFilter {
  /** claims with these stances are not walked through (e.g. ['denies']) */
  excludeStances: Claim['stance'][];
  /** claims with these statuses are not walked through (e.g. ['refuted']) */
  excludeStatuses: Claim['status'][];
  /** worst claim credibility allowed (1 best … 6); ungraded claims pass unless `requireGraded` */
  maxCredibility: number | null;
  /** worst source reliability allowed ('A' best … 'F'); a claim passes if one of its sources does */
  minReliability: Reliability | null;
  requireGraded: boolean;
  /** claims that some denial answers are not walked through */
  excludeDenied?: boolean;
}

export const NO_FILTER: PathFilter = { excludeStances: [], excludeStatuses: [], maxCredibility: null, minReliability: null, requireGraded: false };

type Adjacency = Map<string, string[]>;

/** Neighbours of a set of nodes, batched: one query per edge kind for the whole frontier. */
function expand(db: SqliteDb, frontier: string[], passes: (claimId: number) => boolean): Adjacency {
  const entities: number[] = [];
  const claims: number[] = [];
  for (const id of frontier) {
    const parsed = parseNodeId(id);
    if (parsed?.type === 'entity') entities.push(parsed.id);
    else if (parsed?.type === 'claim') claims.push(parsed.id);
  }
  const out: Adjacency = new Map();
  const link = (from: string, to: string) => {
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  };
  const live = db.prepare('SELECT 1 FROM entity WHERE id = ? AND merged_into IS NULL');
  const alive = new Map<number, boolean>();
  const isLive = (id: number) => {
    let known = alive.get(id);
    if (known === undefined) alive.set(id, (known = live.get(id) !== undefined));
    return known;
  };
  // each step of the walk: which ids it starts from, the SQL (a = from, b = to), what b is, and
  // whether b may be walked through (a live entity, or a claim that passes the filters)
  const steps: [number[], string, NodeType, NodeType][] = [
    [entities, 'SELECT r.from_id AS a, r.to_id AS b FROM json_each(?) j CROSS JOIN relation r ON r.from_id = j.value', 'entity', 'entity'],
    [entities, 'SELECT r.to_id AS a, r.from_id AS b FROM json_each(?) j CROSS JOIN relation r ON r.to_id = j.value', 'entity', 'entity'],
    [entities, 'SELECT c.claimant_id AS a, c.id AS b FROM json_each(?) j CROSS JOIN claim c ON c.claimant_id = j.value', 'entity', 'claim'],
    [entities, 'SELECT r.entity_id AS a, r.claim_id AS b FROM json_each(?) j CROSS JOIN claim_role r ON r.entity_id = j.value', 'entity', 'claim'],
    [claims, 'SELECT c.id AS a, c.claimant_id AS b FROM json_each(?) j CROSS JOIN claim c ON c.id = j.value WHERE c.claimant_id IS NOT NULL', 'claim', 'entity'],
    [claims, 'SELECT r.claim_id AS a, r.entity_id AS b FROM json_each(?) j CROSS JOIN claim_role r ON r.claim_id = j.value', 'claim', 'entity'],
    [claims, 'SELECT c.id AS a, c.responds_to AS b FROM json_each(?) j CROSS JOIN claim c ON c.id = j.value WHERE c.responds_to IS NOT NULL', 'claim', 'claim'],
    [claims, 'SELECT c.responds_to AS a, c.id AS b FROM json_each(?) j CROSS JOIN claim c ON c.responds_to = j.value', 'claim', 'claim'],
  ];
  for (const [ids, sql, fromType, toType] of steps) {
    if (ids.length === 0) continue;
    const walkable = toType === 'entity' ? isLive : passes;
    for (const r of db.prepare(sql).iterate(JSON.stringify(ids)) as Iterable<{ a: number; b: number }>) {
      if (walkable(r.b)) link(nodeId(fromType, r.a), nodeId(toType, r.b));
    }
  }
  return out;
}

const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'];

function claimFilter(db: SqliteDb, filter: PathFilter): (claimId: number) => boolean {
  const cache = new Map<number, boolean>();
  const claim = db.prepare('SELECT stance, status, credibility FROM claim WHERE id = ?');
  const grades = db.prepare('SELECT DISTINCT s.reliability AS r FROM span p CROSS JOIN source s ON s.id = p.source_id WHERE p.claim_id = ?');
  const denied = db.prepare("SELECT 1 FROM claim WHERE responds_to = ? AND stance = 'denies' LIMIT 1");
  const worst = filter.minReliability ? GRADES.indexOf(filter.minReliability) : -1;
  return (id) => {
    const known = cache.get(id);
    if (known !== undefined) return known;
    const row = claim.get(id) as { stance: Claim['stance']; status: Claim['status']; credibility: number | null } | undefined;
    let ok = row !== undefined && !filter.excludeStances.includes(row.stance) && !filter.excludeStatuses.includes(row.status);
    if (ok && filter.excludeDenied) ok = denied.get(id) === undefined;
    if (ok && row && filter.maxCredibility !== null) {
      ok = row.credibility === null ? !filter.requireGraded : row.credibility <= filter.maxCredibility;
    }
    if (ok && worst >= 0) {
      const rs = (grades.all(id) as { r: string | null }[]).map((g) => g.r);
      ok = rs.some((r) => (r === null ? !filter.requireGraded : GRADES.indexOf(r) <= worst));
    }
    cache.set(id, ok);
    return ok;
  };
}

/** Shortest paths from `from` to `to` (node ids), avoiding `banned` nodes; each path is a node list. */
function shortestPaths(db: SqliteDb, from: string, to: string, maxHops: number, limit: number, passes: (id: number) => boolean, banned: Set<string>): string[][] {
  const parents = [new Map<string, string[]>([[from, []]]), new Map<string, string[]>([[to, []]])];
  const frontiers = [[from], [to]];
  const depth = [0, 0];
  const meeting: string[] = [];
  while (frontiers[0]!.length > 0 && frontiers[1]!.length > 0 && depth[0]! + depth[1]! < maxHops) {
    const side = frontiers[0]!.length <= frontiers[1]!.length ? 0 : 1;
    const mine = parents[side]!;
    const theirs = parents[1 - side]!;
    const adjacency = expand(db, frontiers[side]!, passes);
    const next: string[] = [];
    const nextSet = new Set<string>();
    for (const node of frontiers[side]!) {
      for (const neighbour of adjacency.get(node) ?? []) {
        if (banned.has(neighbour)) continue;
        const seen = mine.get(neighbour);
        if (seen === undefined) {
          mine.set(neighbour, [node]);
          next.push(neighbour);
          nextSet.add(neighbour);
        } else if (nextSet.has(neighbour)) {
          seen.push(node); // another shortest way in
        }
      }
    }
    depth[side]!++;
    frontiers[side] = next;
    for (const node of next) if (theirs.has(node)) meeting.push(node);
    if (meeting.length > 0) break;
  }
  const walk = (side: 0 | 1, node: string): string[][] => {
    const ps = parents[side]!.get(node) ?? [];
    if (ps.length === 0) return [[node]];
    return ps.slice(0, limit).flatMap((p) => walk(side, p).map((path) => [...path, node])).slice(0, limit);
  };
  const paths: string[][] = [];
  for (const middle of meeting) {
    for (const left of walk(0, middle)) {
      for (const right of walk(1, middle)) {
        paths.push([...left, ...right.reverse().slice(1)]);
        if (paths.length >= limit) return paths;
      }
    }
  }
  return paths;
}

export interface PathResult {
  paths: { nodes: string[]; edges: GraphEdge[] }[];
  nodes: ReturnType<typeof loadNodes>;
}

/** Up to `maxPaths` paths of at most `maxHops` edges: all shortest ones, then detours avoiding them. */
export function findPaths(db: SqliteDb, from: string, to: string, options: { maxHops: number; maxPaths: number; filter: PathFilter }): PathResult {
  for (const id of [from, to]) {
    const parsed = parseNodeId(id);
    if (!parsed || parsed.type === 'source') throw new ApiError('invalid_arguments', `Paths run between entities and claims; "${id}" is not one`);
    if (loadNodes(db, [id]).length === 0) throw new ApiError('not_found', `No node ${id}`);
  }
  if (from === to) throw new ApiError('invalid_arguments', 'Pick two different nodes');
  const passes = claimFilter(db, options.filter);
  for (const id of [from, to]) {
    const parsed = parseNodeId(id)!;
    if (parsed.type === 'claim' && !passes(parsed.id)) return { paths: [], nodes: [] };
  }
  const found: string[][] = [];
  const banned = new Set<string>();
  while (found.length < options.maxPaths) {
    const batch = shortestPaths(db, from, to, options.maxHops, options.maxPaths - found.length, passes, banned);
    if (batch.length === 0) break;
    for (const path of batch) {
      found.push(path);
      for (const node of path.slice(1, -1)) banned.add(node);
    }
    if (batch.every((p) => p.length <= 2)) break; // a direct link: nothing to route around
  }
  const all = [...new Set(found.flat())];
  const edges = edgesBetween(db, all, new Set(all));
  return {
    nodes: loadNodes(db, all),
    paths: found.map((path) => ({
      nodes: path,
      edges: path.slice(1).map((node, i) => {
        const prev = path[i]!;
        const edge = edges.find((e) => e.type !== 'alleged' && ((e.source === prev && e.target === node) || (e.source === node && e.target === prev)));
        return edge!;
      }).filter(Boolean),
    })),
  };
}
