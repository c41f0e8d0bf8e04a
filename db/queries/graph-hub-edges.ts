// The edges step, from the side of the nodes an expansion's high-degree entities connect to.
// Claimant and role edges of a hub (an entity with precomputed lists, db/migrations/0030: 10k+ claims)
// are never read from the hub: claims of the expansion find them from their side
// (graph-claim-edges.ts), and claims the canvas already shows (`known`) are checked here for a
// claimant or role in the expansion. Known low-degree entities are scanned for relations and alleged edges to the
// expansion's members with banded adjacency (graph-band-edges.ts uses knownOut…knownAllegedIn).
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { cached, fillTemp } from './graph-edges';
import { claimantEdge, roleEdge, type Stance } from './graph-shapes';

/** The hot SQL of this step, exported so that the query-plan test checks what runs. */
export const HUB_EDGE_SQL = {
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

/**
 * Claimant and role edges between `entities` (of the expansion: its hubs, or all of them when that
 * reads less) and the known claims `knownClaims` (in the node set, not in the expansion), read
 * from the claims' side.
 */
export function knownClaimEdges(db: SqliteDb, entities: readonly number[], knownClaims: readonly number[], add: (edge: GraphEdge) => void): void {
  fillTemp(db, { edge_probe: entities, edge_claims: knownClaims });
  for (const c of cached(db, HUB_EDGE_SQL.knownClaimants).iterate() as Iterable<{ id: number; claimant_id: number; stance: Stance }>) {
    add(claimantEdge(c.claimant_id, c.id, c.stance));
  }
  for (const r of cached(db, HUB_EDGE_SQL.knownRoles).iterate() as Iterable<{ claim_id: number; entity_id: number; role: 'subject' | 'object' }>) {
    add(roleEdge(r.claim_id, r.entity_id, r.role));
  }
}
