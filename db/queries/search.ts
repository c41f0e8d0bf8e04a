// Typeahead search: prefix matching over aliases (by their normalised key, so any script or
// spelling meets), claim text and source titles; ranked by stored importance, never by bm25 over
// every match.
import type { SearchHit } from '../../shared/api/contract';
import { nodeId, type NodeType } from '../../shared/graph/ids';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import { shortLabel } from './graph';

/** An FTS5 query of prefix terms built from normalised words; null when nothing is searchable. */
export function prefixQuery(words: string[]): string | null {
  const terms = words.filter((w) => w.length > 0).map((w) => `"${w.replace(/"/g, '""')}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

function textWords(q: string): string[] {
  return q
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export function searchEntities(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const match = prefixQuery(normalizeKey(q).split(' '));
  if (!match) return [];
  // candidates come from FTS; ranking walks them by the importance copied onto each alias
  const rows = db.prepare(`
    SELECT a.entity_id, a.name AS alias, e.name, e.kind, e.importance
    FROM (SELECT rowid FROM alias_fts WHERE alias_fts MATCH @match) AS f
    CROSS JOIN alias a ON a.id = f.rowid
    CROSS JOIN entity e ON e.id = a.entity_id
    WHERE e.merged_into IS NULL
    ORDER BY a.importance DESC, a.entity_id
    LIMIT @cap`).all({ match, cap: limit * 4 }) as { entity_id: number; alias: string; name: string; kind: string; importance: number }[];
  const hits = new Map<number, SearchHit>();
  for (const row of rows) {
    if (hits.has(row.entity_id)) continue;
    hits.set(row.entity_id, {
      nodeId: nodeId('entity', row.entity_id), type: 'entity', kind: row.kind, label: row.name,
      match: row.alias === row.name ? null : row.alias, importance: row.importance,
    });
    if (hits.size >= limit) break;
  }
  return [...hits.values()];
}

export function searchClaims(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const match = prefixQuery(textWords(q));
  if (!match) return [];
  const rows = db.prepare(`
    SELECT c.id, c.text, c.importance FROM (SELECT rowid FROM claim_fts WHERE claim_fts MATCH @match LIMIT 2000) AS f
    CROSS JOIN claim c ON c.id = f.rowid ORDER BY c.importance DESC, c.id LIMIT @limit`).all({ match, limit }) as {
    id: number; text: string; importance: number;
  }[];
  return rows.map((row) => ({
    nodeId: nodeId('claim', row.id), type: 'claim', kind: 'claim', label: shortLabel(row.text, 90), match: null, importance: row.importance,
  }));
}

export function searchSources(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const match = prefixQuery(textWords(q));
  if (!match) return [];
  const rows = db.prepare(`
    SELECT s.id, s.kind, s.title FROM (SELECT rowid FROM source_fts WHERE source_fts MATCH @match LIMIT 2000) AS f
    CROSS JOIN source s ON s.id = f.rowid ORDER BY s.id DESC LIMIT @limit`).all({ match: `{title} : (${match})`, limit }) as {
    id: number; kind: string; title: string;
  }[];
  return rows.map((row) => ({
    nodeId: nodeId('source', row.id), type: 'source', kind: row.kind, label: shortLabel(row.title || `Source ${row.id}`, 90),
    match: null, importance: 0,
  }));
}

export function search(db: SqliteDb, q: string, limit: number, types?: readonly NodeType[]): SearchHit[] {
  const wanted = new Set<NodeType>(types && types.length > 0 ? types : ['entity', 'claim', 'source']);
  const hits: SearchHit[] = [];
  if (wanted.has('entity')) hits.push(...searchEntities(db, q, limit));
  if (wanted.has('claim') && hits.length < limit) hits.push(...searchClaims(db, q, limit - hits.length));
  if (wanted.has('source') && hits.length < limit) hits.push(...searchSources(db, q, limit - hits.length));
  return hits;
}
