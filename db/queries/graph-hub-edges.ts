// The edges step for the hubs among an expansion's nodes (entities with precomputed lists,
// db/migrations/0030): their adjacency is never walked. Between two hubs, relations come from the
// small hub_rel copy and alleged edges from pair lookups; between a hub and a node the canvas already
// shows (`known`), the known node's side is read instead (set-at-a-time, like the low-degree scans),
// and known claims are checked for a hub claimant or role. Edges between a hub and a low-degree node
// of the expansion are found from that node's side (graph-edges.ts).
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { cached, countTempWrites, fillTemp } from './graph-edges';
import { allegedEdge, claimantEdge, relationEdge, roleEdge, type IdSets, type Stance } from './graph-shapes';

/** The hot SQL of this step, exported so that the query-plan test checks what runs. */
export const HUB_EDGE_SQL = {
  /** known entities that are hubs (a primary-key probe of the hub set each) */
  knownHubs: 'SELECT k.id FROM temp.edge_known k WHERE EXISTS (SELECT 1 FROM hub h WHERE h.id = k.id)',
  dropKnownHubs: 'DELETE FROM temp.edge_known WHERE id IN (SELECT id FROM temp.edge_hubs)',
  /** relations among the hubs, from hub_rel (no row of the 2M-row relation table is read) */
  hubRel: `SELECT h.id, h.kind, h.from_id, h.to_id FROM temp.edge_hubs p CROSS JOIN hub_rel h ON h.from_id = p.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_hubs q WHERE q.id = h.to_id)`,
  allegedPair: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM alleged a CROSS JOIN claim c ON c.id = a.claim_id
    WHERE a.subject_id = ? AND a.object_id = ?`,
  knownOut: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_known x CROSS JOIN relation r ON r.from_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = r.to_id)`,
  knownIn: `SELECT r.id, r.kind, r.from_id, r.to_id FROM temp.edge_known x CROSS JOIN relation r ON r.to_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = r.from_id)`,
  knownAllegedOut: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_known x
    CROSS JOIN alleged a ON a.subject_id = x.id CROSS JOIN claim c ON c.id = a.claim_id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = a.object_id)`,
  knownAllegedIn: `SELECT a.claim_id, a.subject_id, a.object_id, c.predicate, c.stance FROM temp.edge_known x
    CROSS JOIN alleged a ON a.object_id = x.id CROSS JOIN claim c ON c.id = a.claim_id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = a.subject_id)`,
  knownClaimants: `SELECT c.id, c.claimant_id, c.stance FROM temp.edge_claims x CROSS JOIN claim c ON c.id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = c.claimant_id)`,
  knownRoles: `SELECT r.claim_id, r.entity_id, r.role FROM temp.edge_claims x CROSS JOIN claim_role r ON r.claim_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_probe w WHERE w.id = r.entity_id)`,
} as const;

type RelationRow = Parameters<typeof relationEdge>[0];
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }

/**
 * Edges incident to the hubs `probed` (all in the expansion's `from` set) whose other end is in
 * `all` (the node set) and is not a scanned node. `fromEntities`/`fromClaims`: the `from` set.
 */
export function hubEdges(
  db: SqliteDb, probed: readonly number[], all: IdSets, fromEntities: ReadonlySet<number>, fromClaims: ReadonlySet<number>,
  add: (edge: GraphEdge) => void,
): void {
  const probedSet = new Set(probed);
  const knownEntities = all.entity.filter((e) => !fromEntities.has(e));
  fillTemp(db, { edge_probe: probed, edge_known: knownEntities });
  const knownHubs = (cached(db, HUB_EDGE_SQL.knownHubs).all() as { id: number }[]).map((r) => r.id);
  const hubs = [...probed, ...knownHubs];
  fillTemp(db, { edge_hubs: hubs });
  countTempWrites(db, cached(db, HUB_EDGE_SQL.dropKnownHubs).run().changes);
  const addAlleged = (rows: Iterable<AllegedRow>) => {
    for (const r of rows) if (r.subject_id !== r.object_id) add(allegedEdge(r.claim_id, r.subject_id, r.object_id, r.predicate, r.stance));
  };
  // hub to hub: an edge between two known hubs is not this expansion's (one end must be in `from`)
  for (const r of cached(db, HUB_EDGE_SQL.hubRel).iterate() as Iterable<RelationRow>) {
    if (probedSet.has(r.from_id) || probedSet.has(r.to_id)) add(relationEdge(r));
  }
  const pair = cached(db, HUB_EDGE_SQL.allegedPair);
  for (const id of probed) {
    for (const other of hubs) {
      if (other === id || (probedSet.has(other) && other < id)) continue;
      addAlleged([...pair.iterate(id, other), ...pair.iterate(other, id)] as AllegedRow[]);
    }
  }
  // hub to a known low-degree node: read from the known node's side
  if (knownEntities.length > knownHubs.length) {
    for (const name of ['knownOut', 'knownIn'] as const) {
      for (const r of cached(db, HUB_EDGE_SQL[name]).iterate() as Iterable<RelationRow>) add(relationEdge(r));
    }
    for (const name of ['knownAllegedOut', 'knownAllegedIn'] as const) addAlleged(cached(db, HUB_EDGE_SQL[name]).iterate() as Iterable<AllegedRow>);
  }
  // hub to a known claim (claims in `from` are handled from their side)
  const knownClaims = all.claim.filter((c) => !fromClaims.has(c));
  if (knownClaims.length > 0) {
    fillTemp(db, { edge_claims: knownClaims });
    for (const c of cached(db, HUB_EDGE_SQL.knownClaimants).iterate() as Iterable<{ id: number; claimant_id: number; stance: Stance }>) {
      add(claimantEdge(c.claimant_id, c.id, c.stance));
    }
    for (const r of cached(db, HUB_EDGE_SQL.knownRoles).iterate() as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) {
      add(roleEdge(r.claim_id, r.entity_id, r.role));
    }
  }
}
