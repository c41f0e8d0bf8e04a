// Edges of the claims in an expansion (claimant, roles, the alleged edge between a claim's subject
// and object, responses, sources), set-at-a-time: a hub's page holds ~300 claims, and one statement
// per claim and edge type (six each) cost more than the rows they return. Each statement starts
// from the temp id set and reaches the claim's rows through a primary key or an index.
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { cached, fillTemp } from './graph-edges';
import { allegedEdge, claimantEdge, reportedEdge, respondsEdge, roleEdge, type Stance } from './graph-shapes';

/** The hot SQL of the claim side, exported so that the query-plan test checks what runs. */
export const CLAIM_EDGE_SQL = {
  rows: `SELECT c.id, c.claimant_id, c.stance, c.responds_to, c.predicate
    FROM temp.edge_claims x CROSS JOIN claim c ON c.id = x.id`,
  roles: `SELECT r.claim_id, r.entity_id, r.role FROM temp.edge_claims x CROSS JOIN claim_role r ON r.claim_id = x.id`,
  responses: `SELECT c.id, c.stance, c.responds_to FROM temp.edge_claims x CROSS JOIN claim c ON c.responds_to = x.id`,
  sources: `SELECT DISTINCT s.claim_id, s.source_id FROM temp.edge_claims x CROSS JOIN span s ON s.claim_id = x.id`,
} as const;

interface ClaimRow { id: number; claimant_id: number | null; stance: Stance; responds_to: number | null; predicate: string | null }
interface RoleRow { claim_id: number; entity_id: number; role: 'subject' | 'object' }

/** Every edge incident to the claims `ids`; `add` keeps those whose both ends are wanted. */
export function claimEdges(db: SqliteDb, ids: readonly number[], add: (edge: GraphEdge) => void): void {
  if (ids.length === 0) return;
  fillTemp(db, { edge_claims: ids });
  const claims = new Map<number, ClaimRow>();
  for (const c of cached(db, CLAIM_EDGE_SQL.rows).iterate() as Iterable<ClaimRow>) {
    claims.set(c.id, c);
    if (c.claimant_id !== null) add(claimantEdge(c.claimant_id, c.id, c.stance));
    if (c.responds_to !== null) add(respondsEdge(c.id, c.responds_to, c.stance));
  }
  const roles = new Map<number, RoleRow[]>();
  for (const r of cached(db, CLAIM_EDGE_SQL.roles).iterate() as Iterable<RoleRow>) {
    add(roleEdge(r.claim_id, r.entity_id, r.role));
    const list = roles.get(r.claim_id);
    if (list) list.push(r);
    else roles.set(r.claim_id, [r]);
  }
  for (const [claimId, list] of roles) {
    const claim = claims.get(claimId)!;
    for (const subject of list.filter((r) => r.role === 'subject')) {
      for (const object of list.filter((r) => r.role === 'object')) {
        if (subject.entity_id !== object.entity_id) add(allegedEdge(claimId, subject.entity_id, object.entity_id, claim.predicate, claim.stance));
      }
    }
  }
  for (const r of cached(db, CLAIM_EDGE_SQL.responses).iterate() as Iterable<{ id: number; stance: Stance; responds_to: number }>) {
    add(respondsEdge(r.id, r.responds_to, r.stance));
  }
  for (const s of cached(db, CLAIM_EDGE_SQL.sources).iterate() as Iterable<{ claim_id: number; source_id: number }>) add(reportedEdge(s.claim_id, s.source_id));
}
