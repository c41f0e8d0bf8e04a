// search.* and graph.*: the read paths of exploration.
import { edgesAmong, graphOf, neighborhood } from '../../db/queries/graph';
import { search, prefixQuery } from '../../db/queries/search';
import { searchNotes } from '../../db/queries/notes';
import { loadNodes, shortLabel } from '../../db/queries/graph';
import { nodeId } from '../../shared/graph/ids';
import type { SearchHit } from '../../shared/api/contract';
import type { SqliteDb } from '../../db/open';

/** Items whose notes match, after the direct hits (notes are searchable too). */
function noteHits(db: SqliteDb, q: string, limit: number, seen: Set<string>): SearchHit[] {
  const words = q.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const match = prefixQuery(words);
  if (!match || limit <= 0) return [];
  const hits: SearchHit[] = [];
  for (const note of searchNotes(db, match, limit * 2)) {
    if (note.target === 'relation') continue;
    const id = nodeId(note.target, note.targetId);
    if (seen.has(id)) continue;
    const [node] = loadNodes(db, [id]);
    if (!node) continue;
    seen.add(id);
    hits.push({ nodeId: id, type: node.type, kind: node.kind, label: node.label, match: `Note: ${shortLabel(note.body, 80)}`, importance: node.importance });
    if (hits.length >= limit) break;
  }
  return hits;
}
import type { HandlerMap } from './types';

export const graphHandlers: HandlerMap = {
  'search.query': ({ store }, { q, types, limit }) => ({
    hits: store.read((db) => {
      const hits = search(db, q, limit, types);
      if (types && types.length > 0) return hits;
      return [...hits, ...noteHits(db, q, limit - hits.length, new Set(hits.map((h) => h.nodeId)))];
    }),
  }),
  'graph.nodes': ({ store }, { ids }) => store.read((db) => graphOf(db, ids)),
  'graph.neighborhood': ({ store }, args) => store.read((db) => neighborhood(db, args.id, args)),
  'graph.edgesAmong': ({ store }, { ids }) => ({ edges: store.read((db) => edgesAmong(db, ids)) }),
};
