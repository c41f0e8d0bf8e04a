// Relations and alleged edges of the entities with banded adjacency (db/migrations/0040) among an
// expansion's nodes. Each such entity reads the rows of its neighbours at least as important as
// itself (one index range per entity, rows carrying the edge's fields: no relation or claim row is
// fetched), filtered against the node set inside SQLite. An edge to a less important node is that
// node's to find: a node of the expansion finds it from its own side (graph-edges.ts); a known node
// (on the canvas already) is read here, for edges to the expansion's members only.
import type { SqliteDb } from '../open';
import { BAND_KIND, bandSql } from '../migrations/0040-banded-adjacency';
import { cached, columns, fillTemp, type EdgeSet } from './graph-edges';
import { HUB_EDGE_SQL } from './graph-hub-edges';
import { allegedEdge, allegedId, relationEdge, type Stance } from './graph-shapes';

// columns, not rows (see `columns`): a hub's page has ~3,500 of them
const upward = (owners: string, others: string) => `SELECT json_group_array(a.owner_id), json_group_array(a.other_id),
    json_group_array(a.kind), json_group_array(a.ref_id), json_group_array(a.label), json_group_array(a.stance)
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

type BandColumns = [owner: number[], other: number[], kind: number[], ref: number[], label: (string | null)[], stance: (string | null)[]];
type RelationRow = Parameters<typeof relationEdge>[0];
interface AllegedRow { claim_id: number; subject_id: number; object_id: number; predicate: string | null; stance: Stance }

/**
 * Adds the edges of band rows; both ends were checked against the node set inside SQLite. An edge
 * between two members of one band comes twice (once from each end): it is built once.
 */
function addRows([owner, other, kind, ref, label, stance]: BandColumns, edges: EdgeSet): void {
  const { relations, others } = edges;
  for (let i = 0; i < owner.length; i++) {
    const k = kind[i];
    if (k === BAND_KIND.relationFrom || k === BAND_KIND.relationTo) {
      if (relations.has(ref[i]!)) continue;
      const from = k === BAND_KIND.relationFrom ? owner[i]! : other[i]!;
      const to = k === BAND_KIND.relationFrom ? other[i]! : owner[i]!;
      relations.set(ref[i]!, relationEdge({ id: ref[i]!, kind: label[i] as RelationRow['kind'], from_id: from, to_id: to }));
    } else {
      const subject = k === BAND_KIND.allegedSubject ? owner[i]! : other[i]!;
      const object = k === BAND_KIND.allegedSubject ? other[i]! : owner[i]!;
      const id = allegedId(ref[i]!, subject, object);
      if (!others.has(id)) others.set(id, allegedEdge(ref[i]!, subject, object, label[i]!, stance[i] as Stance));
    }
  }
}

/**
 * `members`: the entities of the expansion with banded adjacency; `knownMembers` / `knownPlain`:
 * the known nodes (with / without banded adjacency) less important than the top member; `edges`:
 * the edges found so far.
 */
export function bandEdges(
  db: SqliteDb, members: readonly number[], knownMembers: readonly number[], knownPlain: readonly number[], edges: EdgeSet,
): void {
  const add = edges.add;
  fillTemp(db, { edge_up: members });
  addRows(columns<BandColumns>(db, BAND_EDGE_SQL.up), edges);
  if (knownMembers.length === 0 && knownPlain.length === 0) return;
  fillTemp(db, { edge_probe: members, edge_known_up: knownMembers, edge_known: knownPlain });
  if (knownMembers.length > 0) addRows(columns<BandColumns>(db, BAND_EDGE_SQL.knownUp), edges);
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
