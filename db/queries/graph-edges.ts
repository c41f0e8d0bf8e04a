// Edges among a set of graph nodes (the "induced edges" step of an expansion), without walking
// hub adjacency: a non-hub entity of the set is scanned set-at-a-time and its edges filtered against
// the set inside SQLite; a hub (precomputed lists, db/migrations/0030) is handled from the other
// side or from the small hub-to-hub copies (graph-hub-edges.ts), so no 10k+ adjacency is read.
// (The trap: `to_id IN (…)` over every node's adjacency went quadratic.) Alleged edges come from
// the `alleged` pair table; claims in the set are handled set-at-a-time (graph-claim-edges.ts).
import type { Statement } from 'better-sqlite3';
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { HUB_LEAVE } from '../migrations/0030-ranked-adjacency';
import { claimEdges } from './graph-claim-edges';
import { hubEdges } from './graph-hub-edges';
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

/** The hot SQL of the edges step, exported so that the query-plan test checks what runs. */
export const EDGE_SQL = {
  importance: 'SELECT importance FROM entity WHERE id = ?',
  sourceClaims: 'SELECT DISTINCT claim_id FROM span WHERE source_id = ? AND claim_id IS NOT NULL',
  isHub: 'SELECT 1 AS hub FROM hub WHERE id = ?',
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

interface RelationRow { id: number; kind: NonNullable<GraphEdge['relationKind']>; from_id: number; to_id: number }
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }

/** All edges incident to `from` whose other end is in `within` (both sets of node ids). */
export function edgesBetween(
  db: SqliteDb, from: readonly string[], within: ReadonlySet<string>,
  /** importance of entities in `from` already read by the caller (saves a lookup per node) */
  known: ReadonlyMap<number, number> = new Map(),
): GraphEdge[] {
  const q = (name: keyof typeof EDGE_SQL) => cached(db, EDGE_SQL[name]);
  const edges = new Map<string, GraphEdge>();
  const add = (edge: GraphEdge) => {
    if (within.has(edge.source) && within.has(edge.target)) edges.set(edge.id, edge);
  };
  const sets = splitIds(from);
  const all = splitIds([...within]);
  // hubs (precomputed lists, importance ≥ 250 at least) are never walked: graph-hub-edges.ts; every
  // other entity of `from` is scanned set-at-a-time against the node set
  const scanned = new Set<number>();
  const probed: number[] = [];
  for (const id of new Set(sets.entity)) {
    const importance = known.get(id) ?? (q('importance').get(id) as { importance: number } | undefined)?.importance;
    if (importance === undefined) continue;
    if (importance >= HUB_LEAVE && q('isHub').get(id) !== undefined) probed.push(id);
    else scanned.add(id);
  }
  if (scanned.size > 0) {
    fillTemp(db, { edge_scan: scanned, edge_within_entity: all.entity, edge_within_claim: all.claim });
    const scan = (name: keyof typeof SCAN_SQL) => cached(db, SCAN_SQL[name]).iterate();
    for (const name of ['relationsOut', 'relationsIn'] as const) for (const r of scan(name) as Iterable<RelationRow>) add(relationEdge(r));
    for (const c of scan('claimant') as Iterable<{ id: number; claimant_id: number; stance: Stance }>) add(claimantEdge(c.claimant_id, c.id, c.stance));
    for (const r of scan('roles') as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) add(roleEdge(r.claim_id, r.entity_id, r.role));
    for (const name of ['allegedOut', 'allegedIn'] as const) {
      for (const r of scan(name) as Iterable<AllegedRow>) {
        if (r.subject_id !== r.object_id) add(allegedEdge(r.claim_id, r.subject_id, r.object_id, r.predicate, r.stance));
      }
    }
  }
  if (probed.length > 0) hubEdges(db, probed, all, new Set(sets.entity), new Set(sets.claim), add);
  claimEdges(db, sets.claim, add);
  for (const id of sets.source) {
    for (const c of q('sourceClaims').iterate(id) as Iterable<{ claim_id: number }>) add(reportedEdge(c.claim_id, id));
  }
  return [...edges.values()];
}

