// 0050: typeahead in rank order straight from the full-text index (PERFORMANCE.md S3).
//
// - alias_rank_fts replaces alias_fts: the same word index of the alias keys, but each alias is
//   filed under a rowid that sorts by rank, (bucket of the importance, descending) then alias id,
//   so a MATCH yields its matches best first and typeahead stops after the first few instead of
//   ranking every match (a dense prefix has 100k). Ties inside a bucket (the integer part of the
//   importance) are put in exact order (key, then id) by the reader, which reads a bucket to its
//   end. Contentless: nothing reads the key back from the index.
// - alias_term: the distinct words of the alias keys. A long prefix ("resea") becomes the OR of
//   the few words it starts, read lazily; FTS5 would otherwise merge every matching doclist in
//   memory before the first row (5 ms for a word in 17k aliases). Words of 1–3 letters have
//   prefix indexes of their own.
// Both are pure functions of the alias table, kept exact by triggers (named *_fts_*: the bench
// loader drops them during a bulk load and runs SEARCH_BACKFILL instead). alias_fts and the
// alias_rank index it was paired with (a walk of every alias in rank order) are gone.
// - claim_fts gets prefix indexes of 1–3 letters, and source titles an index of their own
//   (source_title_fts, the same words as source_fts's title column), for the same reason: a
//   short prefix ("zagria s") otherwise merges the doclists of every word starting with it over
//   all claim and article text before the first match (50 ms for "s" in the claims).
import type { Migration } from './types';

/** Low bits of an alias_rank_fts rowid: the alias id. */
export const RANK_ID_BITS = 37;
/** Importance buckets: the integer part of the importance, clamped to 0 … MAX_BUCKET. */
export const MAX_BUCKET = 2 ** (63 - RANK_ID_BITS) - 1;
const MAX_ID = 2 ** RANK_ID_BITS - 1;

/** The rowid of an alias in alias_rank_fts: smaller is better ranked. */
export const rankKey = (row: string) =>
  `((${MAX_BUCKET} - max(0, min(${MAX_BUCKET}, CAST(${row}.importance AS INTEGER)))) << ${RANK_ID_BITS}) | ${row}.id`;

/** The distinct words of an alias key (words are separated by single spaces; extra ones are skipped). */
const words = (norm: string) => `WITH RECURSIVE s(w, rest) AS (
      SELECT '', ${norm} || ' '
      UNION ALL SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM s WHERE rest <> ''
    ) SELECT DISTINCT w FROM s WHERE w <> ''`;

const add = (row: string) => `
  SELECT RAISE(ABORT, 'alias id too large for the search index') WHERE ${row}.id > ${MAX_ID} OR ${row}.id < 0;
  INSERT INTO alias_rank_fts (rowid, norm) VALUES (${rankKey(row)}, ${row}.norm);`;
const remove = (row: string) => `
  INSERT INTO alias_rank_fts (alias_rank_fts, rowid, norm) VALUES ('delete', ${rankKey(row)}, ${row}.norm);`;
const addWords = (row: string) => `
  INSERT INTO alias_term (term, n) SELECT w, 1 FROM (${words(`${row}.norm`)}) WHERE true
    ON CONFLICT (term) DO UPDATE SET n = n + 1;`;
const removeWords = (row: string) => `
  UPDATE alias_term SET n = n - 1 WHERE term IN (${words(`${row}.norm`)});
  DELETE FROM alias_term WHERE n <= 0 AND term IN (${words(`${row}.norm`)});`;

/** The maintenance triggers (named *_fts_*, like the other full-text triggers). */
export const SEARCH_TRIGGERS = `
CREATE TRIGGER alias_rank_fts_ai AFTER INSERT ON alias BEGIN ${add('new')} END;
CREATE TRIGGER alias_rank_fts_ad AFTER DELETE ON alias BEGIN ${remove('old')} END;
CREATE TRIGGER alias_rank_fts_au AFTER UPDATE OF id, norm, importance ON alias
WHEN old.id IS NOT new.id OR old.norm IS NOT new.norm
  OR max(0, min(${MAX_BUCKET}, CAST(old.importance AS INTEGER))) IS NOT max(0, min(${MAX_BUCKET}, CAST(new.importance AS INTEGER))) BEGIN
  ${remove('old')}
  ${add('new')}
END;
CREATE TRIGGER alias_term_fts_ai AFTER INSERT ON alias BEGIN ${addWords('new')} END;
CREATE TRIGGER alias_term_fts_ad AFTER DELETE ON alias BEGIN ${removeWords('old')} END;
CREATE TRIGGER alias_term_fts_au AFTER UPDATE OF norm ON alias WHEN old.norm IS NOT new.norm BEGIN
  ${removeWords('old')}
  ${addWords('new')}
END;
`;

/** Fills both from the alias table (migration of a populated file, bulk loads without the triggers). */
export const SEARCH_BACKFILL = `
INSERT INTO alias_rank_fts (alias_rank_fts) VALUES ('delete-all'); DELETE FROM alias_term;
INSERT INTO alias_rank_fts (rowid, norm) SELECT ${rankKey('a')}, a.norm FROM alias a;
INSERT INTO alias_rank_fts (alias_rank_fts) VALUES ('optimize');
INSERT INTO alias_term (term, n)
  WITH RECURSIVE s(id, w, rest) AS (
    SELECT id, '', norm || ' ' FROM alias
    UNION ALL SELECT id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM s WHERE rest <> ''
  ) SELECT w, count(DISTINCT id) FROM s WHERE w <> '' GROUP BY w;
`;

/**
 * An external-content FTS5 table over one text column of `table`, with 1–3 letter prefix indexes,
 * filled from the table and kept in sync by triggers named `<fts>_ai/_ad/_au`.
 */
function prefixedFts(fts: string, table: string, column: string): string {
  return `CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', columnsize=0);
INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${fts} (rowid, ${column}) VALUES (new.id, new.${column});
END;
CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
END;
CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN
  INSERT INTO ${fts} (${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
  INSERT INTO ${fts} (rowid, ${column}) VALUES (new.id, new.${column});
END;`;
}

export const migration0050: Migration = {
  version: 50,
  name: 'ranked-search',
  up: `
DROP TRIGGER alias_fts_ai;
DROP TRIGGER alias_fts_ad;
DROP TRIGGER alias_fts_au;
DROP TABLE alias_fts;
DROP INDEX alias_rank;
CREATE VIRTUAL TABLE alias_rank_fts USING fts5(norm, content='', prefix='1 2 3', detail=none, columnsize=0);
CREATE TABLE alias_term (
  term TEXT PRIMARY KEY,
  n INTEGER NOT NULL -- aliases with this word
) STRICT, WITHOUT ROWID;
${SEARCH_BACKFILL}
${SEARCH_TRIGGERS}
DROP TRIGGER claim_fts_ai;
DROP TRIGGER claim_fts_ad;
DROP TRIGGER claim_fts_au;
DROP TABLE claim_fts;
${prefixedFts('claim_fts', 'claim', 'text')}
${prefixedFts('source_title_fts', 'source', 'title')}
`,
};
