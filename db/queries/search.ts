// Typeahead search: prefix matching over aliases (by their normalised key, so any script or
// spelling meets), claim text and source titles; ranked by stored importance, never by bm25 over
// every match.
import type { SearchHit } from '../../shared/api/contract';
import { nodeId, type NodeType } from '../../shared/graph/ids';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import { shortLabel } from './graph';
import { cached } from './graph-edges';

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

/** How many aliases the importance-ordered walk reads before falling back to FTS. */
export const WALK = 3000;

/** The hot SQL of typeahead, exported so that the query-plan test checks what runs. */
export const SEARCH_SQL = {
  /**
   * Aliases in rank order through the covering index alias_rank(importance DESC, norm), keeping
   * those with a word starting with every query word. Short prefixes match densely, so the top
   * hits come within the first rows; no ORDER BY over every match (45–83 ms for bm25 at 1M).
   */
  walk: (words: number) => `SELECT w.id FROM (SELECT id, norm FROM alias ORDER BY importance DESC, norm, id LIMIT @walk) AS w
    WHERE ${Array.from({ length: words }, (_, i) => `instr(' ' || w.norm, @w${i}) > 0`).join(' AND ')}`,
  /** Sparse (long or rare) prefixes: FTS finds every match, few enough to rank them all. */
  fts: `SELECT a.id FROM (SELECT rowid FROM alias_fts WHERE alias_fts MATCH @match) AS f
    CROSS JOIN alias a ON a.id = f.rowid ORDER BY a.importance DESC, a.norm, a.id`,
  hit: `SELECT a.entity_id, a.name AS alias, e.name, e.kind, e.importance FROM alias a
    CROSS JOIN entity e ON e.id = a.entity_id WHERE a.id = ? AND e.merged_into IS NULL`,
} as const;

interface HitRow { entity_id: number; alias: string; name: string; kind: string; importance: number }

/**
 * Entities whose aliases match every query word as a word prefix (any script, via the normalised
 * key), best first by stored importance (ties: key, then alias id), one hit per entity.
 */
export function searchEntities(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const words = normalizeKey(q).split(' ').filter((w) => w.length > 0);
  const match = prefixQuery(words);
  if (!match) return [];
  const hits = new Map<number, SearchHit>();
  const hit = cached(db, SEARCH_SQL.hit);
  const collect = (ids: Iterable<{ id: number }>): boolean => {
    for (const { id } of ids) {
      const row = hit.get(id) as HitRow | undefined;
      if (!row || hits.has(row.entity_id)) continue;
      hits.set(row.entity_id, {
        nodeId: nodeId('entity', row.entity_id), type: 'entity', kind: row.kind, label: row.name,
        match: row.alias === row.name ? null : row.alias, importance: row.importance,
      });
      if (hits.size >= limit) return true;
    }
    return false;
  };
  const params: Record<string, unknown> = { walk: WALK };
  words.forEach((w, i) => (params[`w${i}`] = ` ${w}`));
  const walk = cached(db, SEARCH_SQL.walk(words.length)).iterate(params) as IterableIterator<{ id: number }>;
  try {
    if (collect(walk)) return [...hits.values()];
  } finally {
    walk.return?.();
  }
  // the walk ran out before `limit` hits: matches are sparse, so rank all of them exactly
  hits.clear();
  const all = cached(db, SEARCH_SQL.fts).iterate({ match }) as IterableIterator<{ id: number }>;
  try {
    collect(all);
  } finally {
    all.return?.();
  }
  return [...hits.values()];
}

/** Claims and sources: the first 2,000 FTS matches (rowid order), then ranked. */
export const CLAIM_SEARCH_SQL = `SELECT c.id, c.text, c.importance
  FROM (SELECT rowid FROM claim_fts WHERE claim_fts MATCH @match LIMIT 2000) AS f
  CROSS JOIN claim c ON c.id = f.rowid ORDER BY c.importance DESC, c.id LIMIT @limit`;
export const SOURCE_SEARCH_SQL = `SELECT s.id, s.kind, s.title
  FROM (SELECT rowid FROM source_fts WHERE source_fts MATCH @match LIMIT 2000) AS f
  CROSS JOIN source s ON s.id = f.rowid ORDER BY s.id DESC LIMIT @limit`;

export function searchClaims(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const match = prefixQuery(textWords(q));
  if (!match) return [];
  const rows = cached(db, CLAIM_SEARCH_SQL).all({ match, limit }) as { id: number; text: string; importance: number }[];
  return rows.map((row) => ({
    nodeId: nodeId('claim', row.id), type: 'claim', kind: 'claim', label: shortLabel(row.text, 90), match: null, importance: row.importance,
  }));
}

export function searchSources(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const match = prefixQuery(textWords(q));
  if (!match) return [];
  const rows = cached(db, SOURCE_SEARCH_SQL).all({ match: `{title} : (${match})`, limit }) as { id: number; kind: string; title: string }[];
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
