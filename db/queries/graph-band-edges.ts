// Relations and alleged edges of the entities with banded adjacency (db/migrations/0040) among an
// expansion's nodes. Each such entity reads the rows of its neighbours at least as important as
// itself (one index range per entity, rows carrying the edge's fields: no relation or claim row is
// fetched), filtered against the node set inside SQLite. An edge to a less important node is that
// node's to find: a node of the expansion finds it from its own side (graph-edges.ts); a known node
// (on the canvas already) is read here, for edges to the expansion's members only.
import type { GraphEdge } from '../../shared/graph/model';
import type { SqliteDb } from '../open';
import { BAND_KIND, bandSql } from '../migrations/0040-banded-adjacency';
import { cached, fillTemp } from './graph-edges';
import { HUB_EDGE_SQL } from './graph-hub-edges';
import { allegedEdge, relationEdge, type Stance } from './graph-shapes';

const upward = (owners: string, others: string) => `SELECT a.owner_id, a.other_id, a.kind, a.ref_id, a.label, a.stance
    FROM temp.${owners} x CROSS JOIN entity e ON e.id = x.id
    CROSS JOIN band_adj a ON a.owner_id = x.id AND a.band >= ${bandSql('e.importance')}
    WHERE EXISTS (SELECT 1 FROM temp.${others} w WHERE w.id = a.other_id)`;

/** The hot SQL of this step, exported so that a query-plan test checks what runs. */
export const BAND_EDGE_SQL = {
  /** members of the expansion: their upward rows towards any node of the set */
  up: upward('edge_up', 'edge_within_entity'),
  /** known members less important than a member of the expansion: upward rows towards those */
  knownUp: upward('edge_known_up', 'edge_probe'),
} as const;

type BandRow = [owner: number, other: number, kind: number, ref: number, label: string | null, stance: string | null];
type RelationRow = Parameters<typeof relationEdge>[0];
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }

function edgeOf(row: BandRow): GraphEdge {
  const [owner, other, kind, ref, label, stance] = row;
  switch (kind) {
    case BAND_KIND.relationFrom: return relationEdge({ id: ref, kind: label as RelationRow['kind'], from_id: owner, to_id: other });
    case BAND_KIND.relationTo: return relationEdge({ id: ref, kind: label as RelationRow['kind'], from_id: other, to_id: owner });
    case BAND_KIND.allegedSubject: return allegedEdge(ref, owner, other, label, stance as Stance);
    default: return allegedEdge(ref, other, owner, label, stance as Stance);
  }
}

/**
 * `members`: the entities of the expansion with banded adjacency; `knownMembers` / `knownPlain`:
 * the known nodes (with / without banded adjacency) less important than the top member.
 */
export function bandEdges(
  db: SqliteDb, members: readonly number[], knownMembers: readonly number[], knownPlain: readonly number[],
  add: (edge: GraphEdge) => void,
): void {
  fillTemp(db, { edge_up: members });
  for (const row of cached(db, BAND_EDGE_SQL.up).raw().iterate() as Iterable<BandRow>) add(edgeOf(row));
  if (knownMembers.length === 0 && knownPlain.length === 0) return;
  fillTemp(db, { edge_probe: members, edge_known_up: knownMembers, edge_known: knownPlain });
  if (knownMembers.length > 0) for (const row of cached(db, BAND_EDGE_SQL.knownUp).raw().iterate() as Iterable<BandRow>) add(edgeOf(row));
  if (knownPlain.length > 0) {
    for (const name of ['knownOut', 'knownIn'] as const) {
      for (const r of cached(db, HUB_EDGE_SQL[name]).iterate() as Iterable<RelationRow>) add(relationEdge(r));
    }
    for (const name of ['knownAllegedOut', 'knownAllegedIn'] as const) {
      for (const r of cached(db, HUB_EDGE_SQL[name]).iterate() as Iterable<AllegedRow>) {
        if (r.subject_id !== r.object_id) add(allegedEdge(r.claim_id, r.subject_id, r.object_id, r.predicate, r.stance));
      }
    }
  }
}
