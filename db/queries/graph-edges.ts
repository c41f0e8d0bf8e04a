// Edges among a set of graph nodes (the "induced edges" step of an expansion), without walking
// the adjacency of high-degree entities: a low-degree entity of the set is scanned set-at-a-time
// and its edges filtered against the set inside SQLite; an entity with banded adjacency
// (db/migrations/0040) reads only its neighbours at least as important as itself
// (graph-band-edges.ts), so a hub's 10k+ adjacency is never read. (The trap: `to_id IN (…)` over
// every node's adjacency went quadratic.) Alleged edges come from the `alleged` pair table; claims
// in the set are handled set-at-a-time (graph-claim-edges.ts).
import type { Statement } from 'better-sqlite3';
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { claimEdges, type ClaimRow } from './graph-claim-edges';
import { bandEdges } from './graph-band-edges';
import { knownClaimEdges } from './graph-hub-edges';
import { allegedEdge, claimantEdge, relationEdge, reportedEdge, roleEdge, splitIds, type Stance } from './graph-shapes';

const statements = new WeakMap<SqliteDb, Map<string, Statement>>();

/** A prepared statement cached per connection (preparing costs more than running a hot query). */
export function cached(db: SqliteDb, sql: string): Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * The columns of a statement written as `SELECT json_group_array(a), json_group_array(b), …`: one
 * row of JSON arrays, parsed natively. better-sqlite3 builds a JS array or object per row (~0.5 µs
 * each), which for the few thousand edge rows of a hub's page cost more than the query itself.
 */
export function columns<T extends unknown[][]>(db: SqliteDb, sql: string): T {
  return (cached(db, sql).raw().get() as string[]).map((column) => JSON.parse(column) as unknown[]) as T;
}

/** The hot SQL of the edges step, exported so that the query-plan test checks what runs. */
export const EDGE_SQL = {
  sourceClaims: 'SELECT DISTINCT claim_id FROM span WHERE source_id = ? AND claim_id IS NOT NULL',
  /** every entity of the node set: importance, banded adjacency (0040), hub lists (0030) */
  classify: `SELECT w.id, e.importance, EXISTS (SELECT 1 FROM band_member m WHERE m.id = w.id) AS member,
    EXISTS (SELECT 1 FROM hub h WHERE h.id = w.id) AS hub
    FROM temp.edge_within_entity w CROSS JOIN entity e ON e.id = w.id`,
} as const;

/**
 * Set-at-a-time scans of the low-degree entities (temp.edge_scan) against the node set
 * (temp.edge_within_*): the adjacency is read from the covering indexes and tested against the
 * set inside SQLite (EXISTS on an INTEGER PRIMARY KEY), and only rows that match are fetched.
 * CROSS JOIN keeps the small temp table outside: the planner must never start from a big table.
 */
export const SCAN_SQL = {
  relationsOut: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_scan x CROSS JOIN relation r ON r.from_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = r.to_id)`,
  relationsIn: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_scan x CROSS JOIN relation r ON r.to_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = r.from_id)`,
  claimant: `SELECT c.id, c.claimant_id, c.stance FROM temp.edge_scan x CROSS JOIN claim c ON c.claimant_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_claim w WHERE w.id = c.id)`,
  roles: `SELECT r.claim_id, r.entity_id, r.role FROM temp.edge_scan x CROSS JOIN claim_role r ON r.entity_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_claim w WHERE w.id = r.claim_id)`,
  // the pair table, read from its primary key / alleged_object; claim rows only for the pairs that match
  allegedOut: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_scan x
    CROSS JOIN alleged a ON a.subject_id = x.id CROSS JOIN claim c ON c.id = a.claim_id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = a.object_id)`,
  allegedIn: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_scan x
    CROSS JOIN alleged a ON a.object_id = x.id CROSS JOIN claim c ON c.id = a.claim_id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = a.subject_id)`,
} as const;

export const TEMP_TABLES = [
  'edge_scan', 'edge_within_entity', 'edge_within_claim', 'edge_claims', 'edge_probe', 'edge_known', 'edge_hubs', 'node_ids',
  'edge_up', 'edge_known_up', 'edge_within_source',
] as const;

const tempWrites = new WeakMap<SqliteDb, number>();

/**
 * Rows written to the temp id sets on this connection so far: total_changes() minus this is the
 * number of rows the connection wrote to the investigation itself (graph-page-cache.ts).
 */
export function tempWriteCount(db: SqliteDb): number {
  return tempWrites.get(db) ?? 0;
}

/** Counts rows another statement of this step wrote to a temp id set (see tempWriteCount). */
export function countTempWrites(db: SqliteDb, rows: number): void {
  tempWrites.set(db, tempWriteCount(db) + rows);
}

/** Fills the temp id sets in one statement each (json_each: no call per id). */
export function fillTemp(db: SqliteDb, sets: Partial<Record<(typeof TEMP_TABLES)[number], Iterable<number>>>): void {
  let written = 0;
  for (const table of Object.keys(sets) as (typeof TEMP_TABLES)[number][]) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`);
    written += cached(db, `DELETE FROM temp.${table}`).run().changes;
    written += cached(db, `INSERT OR IGNORE INTO temp.${table} (id) SELECT value FROM json_each(?)`).run(JSON.stringify([...sets[table]!])).changes;
  }
  countTempWrites(db, written);
}

/**
 * The edges found so far, each once: relations by relation id (a number hashes faster than a fresh
 * string, and a hub's page has ~2,800 of them), the others by edge id.
 */
export class EdgeSet {
  readonly relations = new Map<number, GraphEdge>();
  readonly others = new Map<string, GraphEdge>();
  constructor(private readonly within: ReadonlySet<string>) {}
  /** Adds an edge if both its ends are in the node set. */
  readonly add = (edge: GraphEdge): void => {
    if (!this.within.has(edge.source) || !this.within.has(edge.target)) return;
    if (edge.type === 'relation') this.relations.set(edge.relationId!, edge);
    else this.others.set(edge.id, edge);
  };
  list(): GraphEdge[] {
    return [...this.relations.values(), ...this.others.values()];
  }
}

interface RelationRow { id: number; kind: NonNullable<GraphEdge['relationKind']>; from_id: number; to_id: number }
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }
type ClassRow = [id: number, importance: number, member: number, hub: number];

/**
 * All edges incident to `from` whose other end is in `within` (both sets of node ids).
 *
 * Relations and alleged edges between entities: each is found from an end that can afford to
 * look. An entity with banded adjacency (db/migrations/0040: importance ≥ 16 at least) reads its
 * neighbours at least as important as itself (graph-band-edges.ts); every other entity has a small
 * degree and is scanned in full, set-at-a-time, against the node set. An edge between two members
 * is found from the less important end; so known nodes (in `within`, not in `from`) less
 * important than a member of `from` are read too, only for edges to those members.
 *
 * Claimant and role edges: those to the claims of `from` come from the claims' side, with all their
 * other edges (graph-claim-edges.ts); those to known claims from whichever side reads less: the
 * entities' claims (a set-at-a-time scan) or the known claims' claimant and roles
 * (graph-hub-edges.ts), always the latter for a hub (10k+ claims). Sources of `from`: their claims.
 */
export function edgesBetween(
  db: SqliteDb, from: readonly string[], within: ReadonlySet<string>,
  /** rows of claims in `from` already read by the caller (loadNodes) */
  claimRows?: ReadonlyMap<number, ClaimRow>,
): GraphEdge[] {
  const edges = new EdgeSet(within);
  const add = edges.add;
  const sets = splitIds(from);
  const all = splitIds([...within]);
  const fromEntities = new Set(sets.entity);
  const fromClaims = new Set(sets.claim);
  const knownClaims = all.claim.filter((c) => !fromClaims.has(c));
  fillTemp(db, { edge_within_entity: all.entity, edge_within_claim: knownClaims });
  const members: number[] = [];
  const plain: number[] = [];
  const nonHubs: number[] = [];
  const hubs: number[] = [];
  const others: ClassRow[] = [];
  let top = -Infinity;
  let claimScan = 0; // ~ index entries the entity-side claim scan would read (importance is degree-based)
  for (const row of cached(db, EDGE_SQL.classify).raw().iterate() as Iterable<ClassRow>) {
    const [id, importance, member, hub] = row;
    if (!fromEntities.has(id)) {
      others.push(row);
      continue;
    }
    if (member) {
      members.push(id);
      if (importance > top) top = importance;
    } else plain.push(id);
    if (hub) hubs.push(id);
    else {
      nonHubs.push(id);
      claimScan += importance;
    }
  }
  const scan = (name: keyof typeof SCAN_SQL) => cached(db, SCAN_SQL[name]).iterate();
  const claimSide = knownClaims.length === 0 ? [] : claimScan <= 4 * knownClaims.length ? hubs : [...hubs, ...nonHubs];
  if (knownClaims.length > 0 && claimSide.length < fromEntities.size) {
    fillTemp(db, { edge_scan: nonHubs });
    for (const c of scan('claimant') as Iterable<{ id: number; claimant_id: number; stance: Stance }>) add(claimantEdge(c.claimant_id, c.id, c.stance));
    for (const r of scan('roles') as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) add(roleEdge(r.claim_id, r.entity_id, r.role));
  }
  if (claimSide.length > 0) knownClaimEdges(db, claimSide, knownClaims, add);
  if (plain.length > 0) {
    fillTemp(db, { edge_scan: plain });
    for (const name of ['relationsOut', 'relationsIn'] as const) for (const r of scan(name) as Iterable<RelationRow>) add(relationEdge(r));
    for (const name of ['allegedOut', 'allegedIn'] as const) {
      for (const r of scan(name) as Iterable<AllegedRow>) {
        if (r.subject_id !== r.object_id) add(allegedEdge(r.claim_id, r.subject_id, r.object_id, r.predicate, r.stance));
      }
    }
  }
  if (members.length > 0) {
    // known nodes below the most important member of `from`: its upward read may miss them
    const below = others.filter((r) => r[1] < top);
    bandEdges(db, members, below.filter((r) => r[2]).map((r) => r[0]), below.filter((r) => !r[2]).map((r) => r[0]), edges);
  }
  claimEdges(db, sets.claim, all, add, claimRows);
  const sourceClaims = cached(db, EDGE_SQL.sourceClaims);
  for (const id of sets.source) {
    for (const c of sourceClaims.iterate(id) as Iterable<{ claim_id: number }>) add(reportedEdge(c.claim_id, id));
  }
  return edges.list();
}
