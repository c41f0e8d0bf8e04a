// Typeahead search: prefix matching over aliases (by their normalised key, so any script or
// spelling meets), claim text and source titles; ranked by stored importance, never by bm25 over
// every match.
import type { SearchHit } from '../../shared/api/contract';
import { nodeId, type NodeType } from '../../shared/graph/ids';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import { shortLabel } from './graph';
import { cached } from './graph-edges';
import { RANK_ID_BITS } from '../migrations/0050-ranked-search';

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

/** A longer prefix expands to at most this many words (read lazily, OR'ed); past it FTS merges them. */
export const MAX_TERMS = 100;
const ID_MASK = 2 ** RANK_ID_BITS - 1;

/** The hot SQL of typeahead, exported so that the plan test (search-plan.test.ts) checks what runs. */
export const SEARCH_SQL = {
  /** The words of the alias keys in [@lo, @hi): what a prefix can complete to. */
  terms: 'SELECT term FROM alias_term WHERE term >= @lo AND term < @hi ORDER BY term LIMIT @cap',
  /**
   * Matching aliases best first: alias_rank_fts files each alias under a rowid that sorts by
   * importance bucket, then id, so this reads the first few matches of the doclists, never all of
   * them (and sorts nothing). Merged entities are skipped here, so `limit` counts real hits.
   */
  ranked: `SELECT alias_rank_fts.rowid >> ${RANK_ID_BITS} AS bucket, a.id, a.entity_id, a.name AS alias, a.norm, a.importance,
      e.name, e.kind, e.importance AS entity_importance
    FROM alias_rank_fts
    CROSS JOIN alias a ON a.id = alias_rank_fts.rowid & ${ID_MASK}
    CROSS JOIN entity e ON e.id = a.entity_id
    WHERE alias_rank_fts MATCH @match AND e.merged_into IS NULL
    ORDER BY alias_rank_fts.rowid`,
} as const;

interface RankedRow {
  bucket: number; id: number; entity_id: number; alias: string; norm: string; importance: number;
  name: string; kind: string; entity_importance: number;
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** SQLite's BINARY order of two strings (UTF-8 bytes, i.e. code points; JS compares UTF-16 units). */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // surrogates (code points past U+FFFF) sort after U+E000–U+FFFF in code point order
    if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
    if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** The rank order: importance (descending), then key, then alias id. */
const byRank = (a: RankedRow, b: RankedRow) => b.importance - a.importance || compareBinary(a.norm, b.norm) || a.id - b.id;

/**
 * The FTS5 term for one query word, which matches the alias keys with a word starting with it.
 * Words of 1–3 letters have prefix indexes; a longer ASCII word becomes the OR of the words it
 * starts (alias_term), which FTS5 reads lazily, instead of a prefix query that merges every
 * matching doclist first. Null: no word starts with it, so nothing matches.
 */
function wordMatch(db: SqliteDb, word: string): string | null {
  if (word.length <= 3 || !/^[a-z0-9]+$/.test(word)) return `${quote(word)}*`;
  const hi = word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) + 1);
  const terms = cached(db, SEARCH_SQL.terms).pluck().all({ lo: word, hi, cap: MAX_TERMS + 1 }) as string[];
  if (terms.length === 0) return null;
  if (terms.length > MAX_TERMS || terms.some((t) => !/^[a-z0-9]+$/.test(t))) return `${quote(word)}*`;
  return terms.length === 1 ? quote(terms[0]!) : `(${terms.map(quote).join(' OR ')})`;
}

/**
 * Entities whose aliases match every query word as a word prefix (any script, via the normalised
 * key), best first by stored importance (ties: key, then alias id), one hit per entity: the first
 * matches in rank-key order, up to `limit` entities and then to the end of that importance bucket,
 * put in exact order.
 */
export function searchEntities(db: SqliteDb, q: string, limit: number): SearchHit[] {
  const words = [...new Set(normalizeKey(q).split(' ').filter((w) => w.length > 0))];
  if (words.length === 0) return [];
  const parts: string[] = [];
  for (const word of words) {
    const part = wordMatch(db, word);
    if (part === null) return [];
    parts.push(part);
  }
  const rows: RankedRow[] = [];
  const entities = new Set<number>();
  let last: number | null = null;
  const iterator = cached(db, SEARCH_SQL.ranked).iterate({ match: parts.join(' AND ') }) as IterableIterator<RankedRow>;
  try {
    for (const row of iterator) {
      if (last !== null && row.bucket !== last) break;
      rows.push(row);
      entities.add(row.entity_id);
      if (last === null && entities.size >= limit) last = row.bucket;
    }
  } finally {
    iterator.return?.();
  }
  rows.sort(byRank);
  const hits = new Map<number, SearchHit>();
  for (const row of rows) {
    if (hits.has(row.entity_id)) continue;
    hits.set(row.entity_id, {
      nodeId: nodeId('entity', row.entity_id), type: 'entity', kind: row.kind, label: row.name,
      match: row.alias === row.name ? null : row.alias, importance: row.entity_importance,
    });
    if (hits.size >= limit) break;
  }
  return [...hits.values()];
}

/** Claims and sources (by title): the first 2,000 FTS matches (rowid order), then ranked. */
export const CLAIM_SEARCH_SQL = `SELECT c.id, c.text, c.importance
  FROM (SELECT rowid FROM claim_fts WHERE claim_fts MATCH @match LIMIT 2000) AS f
  CROSS JOIN claim c ON c.id = f.rowid ORDER BY c.importance DESC, c.id LIMIT @limit`;
export const SOURCE_SEARCH_SQL = `SELECT s.id, s.kind, s.title
  FROM (SELECT rowid FROM source_title_fts WHERE source_title_fts MATCH @match LIMIT 2000) AS f
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
  const rows = cached(db, SOURCE_SEARCH_SQL).all({ match, limit }) as { id: number; kind: string; title: string }[];
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
