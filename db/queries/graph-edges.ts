// Edges among a set of graph nodes (the "induced edges" step of an expansion), without scanning
// hub adjacency: an entity whose degree (its stored importance) is small is scanned and its edges
// filtered against the set; a high-degree entity is instead probed pair by pair against the other
// nodes that nobody scans, so the cost per node is min(degree, set size) index seeks, never a walk
// over 10k+ rows of a hub. (The trap: `to_id IN (…)` over every node's adjacency went quadratic.)
// Alleged edges come from the `alleged` pair table (migration 0030), so they are scanned and probed
// like relations; claims in the set are handled set-at-a-time too (graph-claim-edges.ts).
import type { Statement } from 'better-sqlite3';
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { claimEdges } from './graph-claim-edges';
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
  relationPair: 'SELECT id, kind, from_id, to_id FROM relation WHERE from_id = ? AND to_id = ?',
  claimRow: 'SELECT id, claimant_id, stance, responds_to, predicate FROM claim WHERE id = ?',
  rolePair: 'SELECT role FROM claim_role WHERE claim_id = ? AND entity_id = ?',
  sourceClaims: 'SELECT DISTINCT claim_id FROM span WHERE source_id = ? AND claim_id IS NOT NULL',
  claimLabel: 'SELECT predicate, stance FROM claim WHERE id = ?',
  isHub: 'SELECT 1 AS hub FROM hub WHERE id = ?',
  // a hub against one other node: point lookups in the pair table, both directions
  allegedPair: 'SELECT claim_id, subject_id, object_id FROM alleged WHERE subject_id = ? AND object_id = ?',
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
  allegedOut: `SELECT a.claim_id, a.subject_id, a.object_id FROM temp.edge_scan x CROSS JOIN alleged a ON a.subject_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = a.object_id)`,
  allegedIn: `SELECT a.claim_id, a.subject_id, a.object_id FROM temp.edge_scan x CROSS JOIN alleged a ON a.object_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_entity w WHERE w.id = a.subject_id)`,
} as const;

/** Relations among the probed hubs, from the small hub_rel copy (migration 0030), no relation row read. */
export const HUB_REL_SQL = `SELECT h.id, h.kind, h.from_id, h.to_id FROM temp.edge_probe p CROSS JOIN hub_rel h ON h.from_id = p.id
  WHERE EXISTS (SELECT 1 FROM temp.edge_probe q WHERE q.id = h.to_id)`;

export const TEMP_TABLES = ['edge_scan', 'edge_within_entity', 'edge_within_claim', 'edge_claims', 'edge_probe', 'node_ids'] as const;

/** Fills the temp id sets in one statement each (json_each: no call per id). */
export function fillTemp(db: SqliteDb, sets: Partial<Record<(typeof TEMP_TABLES)[number], Iterable<number>>>): void {
  for (const table of Object.keys(sets) as (typeof TEMP_TABLES)[number][]) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`);
    cached(db, `DELETE FROM temp.${table}`).run();
    cached(db, `INSERT OR IGNORE INTO temp.${table} (id) SELECT value FROM json_each(?)`).run(JSON.stringify([...sets[table]!]));
  }
}

interface ClaimRow { id: number; claimant_id: number | null; stance: Stance; responds_to: number | null; predicate: string | null }
interface RelationRow { id: number; kind: NonNullable<GraphEdge['relationKind']>; from_id: number; to_id: number }
interface AllegedRow { claim_id: number; subject_id: number; object_id: number }

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
  // scan an entity (in SQLite, ~0.2 µs a row) unless its degree is far above the probes it would need (~2 µs each)
  const threshold = Math.max(1000, 4 * within.size);
  const scanned = new Set<number>();
  const probed: number[] = [];
  for (const id of new Set(sets.entity)) {
    const importance = known.get(id) ?? (q('importance').get(id) as { importance: number } | undefined)?.importance;
    if (importance === undefined) continue;
    // probing relies on the hub's copies (hub_rel, hub lists); importance > 1000 implies a hub, but check
    if (importance > threshold && q('isHub').get(id) !== undefined) probed.push(id);
    else scanned.add(id);
  }
  const addAlleged = (rows: Iterable<AllegedRow>, keep: (row: AllegedRow) => boolean) => {
    for (const row of rows) {
      if (row.subject_id === row.object_id || !keep(row)) continue;
      const claim = q('claimLabel').get(row.claim_id) as { predicate: string | null; stance: Stance };
      add(allegedEdge(row.claim_id, row.subject_id, row.object_id, claim.predicate, claim.stance));
    }
  };
  if (scanned.size > 0) {
    fillTemp(db, { edge_scan: scanned, edge_within_entity: all.entity, edge_within_claim: all.claim });
    const scan = (name: keyof typeof SCAN_SQL) => cached(db, SCAN_SQL[name]).iterate();
    for (const r of [...scan('relationsOut'), ...scan('relationsIn')] as RelationRow[]) add(relationEdge(r));
    for (const c of scan('claimant') as Iterable<{ id: number; claimant_id: number; stance: Stance }>) add(claimantEdge(c.claimant_id, c.id, c.stance));
    for (const r of scan('roles') as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) add(roleEdge(r.claim_id, r.entity_id, r.role));
    addAlleged([...scan('allegedOut'), ...scan('allegedIn')] as AllegedRow[], () => true);
  }
  if (probed.length > 0) {
    // a hub's edges to scanned nodes were found from their side; probe the rest pair by pair
    // (each unordered pair of hubs once: the lower id probes both directions)
    const targets = all.entity.filter((e) => !scanned.has(e));
    const probedSet = new Set(probed);
    const fromClaims = new Set(sets.claim);
    const claimTargets = all.claim.filter((c) => !fromClaims.has(c));
    fillTemp(db, { edge_probe: probed });
    for (const r of cached(db, HUB_REL_SQL).iterate() as Iterable<RelationRow>) add(relationEdge(r));
    for (const id of probed) {
      for (const other of targets) {
        if (other === id || (probedSet.has(other) && other < id)) continue;
        if (!probedSet.has(other)) {
          for (const r of [...q('relationPair').iterate(id, other), ...q('relationPair').iterate(other, id)] as RelationRow[]) add(relationEdge(r));
        }
        addAlleged([...q('allegedPair').iterate(id, other), ...q('allegedPair').iterate(other, id)] as AllegedRow[], () => true);
      }
      for (const claimId of claimTargets) {
        const claim = q('claimRow').get(claimId) as ClaimRow | undefined;
        if (claim?.claimant_id === id) add(claimantEdge(id, claimId, claim.stance));
        for (const r of q('rolePair').iterate(claimId, id) as Iterable<{ role: 'subject' | 'object' }>) add(roleEdge(claimId, id, r.role));
      }
    }
  }
  claimEdges(db, sets.claim, add);
  for (const id of sets.source) {
    for (const c of q('sourceClaims').iterate(id) as Iterable<{ claim_id: number }>) add(reportedEdge(c.claim_id, id));
  }
  return [...edges.values()];
}

