// Edges of the claims in an expansion (claimant, roles, the alleged edge between a claim's subject
// and object, responses, sources), set-at-a-time: a hub's page holds ~300 claims, and one statement
// per claim and edge type (six each) cost more than the rows they return. Each statement starts
// from the temp id set and reaches the claim's rows through a primary key or an index.
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { cached, fillTemp } from './graph-edges';
import { allegedEdge, claimantEdge, reportedEdge, respondsEdge, roleEdge, type IdSets, type Stance } from './graph-shapes';

/** The hot SQL of the claim side, exported so that the query-plan test checks what runs. */
export const CLAIM_EDGE_SQL = {
  rows: `SELECT c.id, c.claimant_id, c.stance, c.responds_to, c.predicate
    FROM temp.edge_claims x CROSS JOIN claim c ON c.id = x.id`,
  roles: `SELECT r.claim_id, r.entity_id, r.role FROM temp.edge_claims x CROSS JOIN claim_role r ON r.claim_id = x.id`,
  // responses by known claims (those of `ids` come with their rows) and sources, in the node set
  // only: the index says which, no other row is read
  responses: `SELECT c.id, c.stance, c.responds_to FROM temp.edge_claims x CROSS JOIN claim c ON c.responds_to = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_claim w WHERE w.id = c.id)`,
  sources: `SELECT DISTINCT s.claim_id, s.source_id FROM temp.edge_claims x CROSS JOIN span s ON s.claim_id = x.id
    WHERE EXISTS (SELECT 1 FROM temp.edge_within_source w WHERE w.id = s.source_id)`,
} as const;

/** What the edges of a claim need from its row (loadNodes can hand over the rows it read). */
export type ClaimRow = [id: number, claimantId: number | null, stance: Stance, respondsTo: number | null, predicate: string | null];
type RoleRow = [claimId: number, entityId: number, role: 'subject' | 'object'];

/** Every edge incident to the claims `ids` whose other end is in `within`; `add` keeps those whose both ends are wanted. */
export function claimEdges(
  db: SqliteDb, ids: readonly number[], within: IdSets, add: (edge: GraphEdge) => void, read?: ReadonlyMap<number, ClaimRow>,
): void {
  if (ids.length === 0) return;
  const own = new Set(ids);
  const known = within.claim.filter((id) => !own.has(id));
  fillTemp(db, { edge_claims: ids, edge_within_claim: known });
  const claims = new Map<number, ClaimRow>();
  const rows = read && ids.every((id) => read.has(id)) ? ids.map((id) => read.get(id)!) : (cached(db, CLAIM_EDGE_SQL.rows).raw().all() as ClaimRow[]);
  for (const c of rows) {
    const [id, claimantId, stance, respondsTo] = c;
    claims.set(id, c);
    if (claimantId !== null) add(claimantEdge(claimantId, id, stance));
    if (respondsTo !== null) add(respondsEdge(id, respondsTo, stance));
  }
  // subjects and objects per claim, for the alleged edges between them
  const subjects = new Map<number, number[]>();
  const objects = new Map<number, number[]>();
  for (const [claimId, entityId, role] of cached(db, CLAIM_EDGE_SQL.roles).raw().all() as RoleRow[]) {
    add(roleEdge(claimId, entityId, role));
    const byClaim = role === 'subject' ? subjects : objects;
    const list = byClaim.get(claimId);
    if (list) list.push(entityId);
    else byClaim.set(claimId, [entityId]);
  }
  for (const [claimId, subjectIds] of subjects) {
    const objectIds = objects.get(claimId);
    if (!objectIds) continue;
    const [, , stance, , predicate] = claims.get(claimId)!;
    for (const subject of subjectIds) {
      for (const object of objectIds) if (subject !== object) add(allegedEdge(claimId, subject, object, predicate, stance));
    }
  }
  if (known.length > 0) {
    for (const [id, stance, respondsTo] of cached(db, CLAIM_EDGE_SQL.responses).raw().all() as [number, Stance, number][]) {
      add(respondsEdge(id, respondsTo, stance));
    }
  }
  if (within.source.length === 0) return;
  fillTemp(db, { edge_within_source: within.source });
  for (const [claimId, sourceId] of cached(db, CLAIM_EDGE_SQL.sources).raw().all() as [number, number][]) add(reportedEdge(claimId, sourceId));
}
