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

/** How many aliases the importance-ordered walk reads before asking FTS how dense the matches are. */
export const WALK = 3000;
/**
 * Up to this many FTS matches are ranked exactly (one alias lookup each, ~1.5 µs); with more, the
 * matches are dense enough that the rank-ordered walk meets `limit` of them within ~limit × aliases /
 * DENSE rows (~0.15 µs each). 1,500 balances the two worst cases at ~2 ms each for 1M aliases.
 */
export const DENSE = 1500;
/** The walk of a dense prefix never reads more than this; past it, FTS ranks every match. */
export const WALK_MAX = 60_000;

const instrAll = (column: string, words: number, from = 0) =>
  Array.from({ length: words - from }, (_, i) => `instr(' ' || ${column}, @w${i + from}) > 0`).join(' AND ');

/** The hot SQL of typeahead, exported so that the query-plan test checks what runs. */
export const SEARCH_SQL = {
  /**
   * Aliases in rank order through the covering index alias_rank(importance DESC, norm), keeping
   * those with a word starting with every query word. Dense prefixes match within the first rows;
   * no ORDER BY over every match (45–83 ms for bm25 at 1M).
   */
  walk: (words: number) => `SELECT w.id FROM (SELECT id, norm FROM alias ORDER BY importance DESC, norm, id LIMIT @walk) AS w
    WHERE ${instrAll('w.norm', words)}`,
  /** How many aliases match, counted on the FTS doclists alone and only up to @cap. */
  count: `SELECT count(*) AS n FROM (SELECT rowid FROM alias_fts WHERE alias_fts MATCH @match LIMIT @cap)`,
  /**
   * Sparse (long or rare) prefixes: FTS finds every match, few enough to rank them all. One-letter
   * words stay out of MATCH (no prefix index of length 1: FTS would merge every term starting with
   * the letter) and are checked on the key instead, after the others (@w0 … are ordered so).
   */
  fts: (words: number, short: number) => `SELECT a.id FROM (SELECT rowid FROM alias_fts WHERE alias_fts MATCH @match) AS f
    CROSS JOIN alias a ON a.id = f.rowid${short > 0 ? ` WHERE ${instrAll('a.norm', words, words - short)}` : ''}
    ORDER BY a.importance DESC, a.norm, a.id`,
  aliases: 'SELECT max(id) AS n FROM alias',
  hit: `SELECT a.entity_id, a.name AS alias, e.name, e.kind, e.importance FROM alias a
    CROSS JOIN entity e ON e.id = a.entity_id WHERE a.id = ? AND e.merged_into IS NULL`,
} as const;

interface HitRow { entity_id: number; alias: string; name: string; kind: string; importance: number }

/**
 * Entities whose aliases match every query word as a word prefix (any script, via the normalised
 * key), best first by stored importance (ties: key, then alias id), one hit per entity. Both paths
 * return the exact top `limit`: the walk reads aliases in rank order, FTS ranks all its matches.
 */
export function searchEntities(db: SqliteDb, q: string, limit: number): SearchHit[] {
  // longer words first: they go to FTS, one-letter ones last are checked on the key
  const words = normalizeKey(q).split(' ').filter((w) => w.length > 0).sort((a, b) => (b.length > 1 ? 1 : 0) - (a.length > 1 ? 1 : 0));
  if (words.length === 0) return [];
  const long = words.filter((w) => w.length > 1);
  const hits = new Map<number, SearchHit>();
  const hit = cached(db, SEARCH_SQL.hit);
  const collect = (rows: IterableIterator<{ id: number }>): boolean => {
    try {
      for (const { id } of rows) {
        const row = hit.get(id) as HitRow | undefined;
        if (!row || hits.has(row.entity_id)) continue;
        hits.set(row.entity_id, {
          nodeId: nodeId('entity', row.entity_id), type: 'entity', kind: row.kind, label: row.name,
          match: row.alias === row.name ? null : row.alias, importance: row.importance,
        });
        if (hits.size >= limit) return true;
      }
      return false;
    } finally {
      rows.return?.();
    }
  };
  const params: Record<string, unknown> = {};
  words.forEach((w, i) => (params[`w${i}`] = ` ${w}`));
  const walk = (rows: number) => {
    hits.clear();
    return collect(cached(db, SEARCH_SQL.walk(words.length)).iterate({ ...params, walk: rows }) as IterableIterator<{ id: number }>);
  };
  if (walk(WALK)) return [...hits.values()];
  const match = prefixQuery(long);
  if (match) {
    const n = (cached(db, SEARCH_SQL.count).get({ match, cap: DENSE }) as { n: number }).n;
    if (n >= DENSE) {
      // dense: the walk meets `limit` hits within about limit × aliases / n rows (3× margin)
      const total = (cached(db, SEARCH_SQL.aliases).get() as { n: number | null }).n ?? 0;
      if (walk(Math.min(WALK_MAX, Math.ceil((3 * limit * total) / n)))) return [...hits.values()];
    }
  }
  // sparse (or the walk was unlucky): rank every FTS match exactly
  hits.clear();
  const ftsMatch = match ?? prefixQuery(words)!;
  const short = match ? words.length - long.length : 0;
  collect(cached(db, SEARCH_SQL.fts(words.length, short)).iterate({ ...params, match: ftsMatch }) as IterableIterator<{ id: number }>);
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
