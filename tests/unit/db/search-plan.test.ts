// The typeahead queries keep their plans (PERFORMANCE.md traps): matches come out of the FTS index
// in rank-key order (no sort of every match), aliases and entities are looked up by primary key,
// a prefix's words are a primary-key range, and claims and sources go through their own FTS indexes.
import { afterAll, describe, expect, it } from 'vitest';
import { planDb } from '../helpers';
import { CLAIM_SEARCH_SQL, SEARCH_SQL, SOURCE_SEARCH_SQL } from '../../../db/queries/search';

const { plan: planLines, close } = planDb();
afterAll(close);

const plan = (sql: string, params?: unknown[] | Record<string, unknown>): string => planLines(sql, params).join('\n');

describe('typeahead search plans', () => {
  it('reads matches in rank-key order from alias_rank_fts and sorts nothing', () => {
    const lines = plan(SEARCH_SQL.ranked, { match: '"kra"* AND (krasnov OR krasnova)' });
    expect(lines).toMatch(/^SCAN alias_rank_fts VIRTUAL TABLE INDEX/m);
    expect(lines).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)');
    expect(lines).toContain('SEARCH e USING INTEGER PRIMARY KEY (rowid=?)');
    expect(lines).not.toContain('TEMP B-TREE');
    expect(lines).not.toMatch(/^SCAN (a|e|alias|entity)\b/m);
  });

  it('expands a prefix from a range of the word list', () => {
    expect(plan(SEARCH_SQL.terms, { lo: 'kras', hi: 'krat', cap: 101 })).toBe('SEARCH alias_term USING PRIMARY KEY (term>? AND term<?)');
  });

  it('claims and sources: FTS first, then rows by primary key', () => {
    const claims = plan(CLAIM_SEARCH_SQL, { match: '"k"*', limit: 20 });
    expect(claims).toMatch(/SCAN claim_fts VIRTUAL TABLE INDEX/);
    expect(claims).toContain('SEARCH c USING INTEGER PRIMARY KEY');
    const sources = plan(SOURCE_SEARCH_SQL, { match: '"k"*', limit: 20 });
    expect(sources).toMatch(/SCAN source_title_fts VIRTUAL TABLE INDEX/);
    expect(sources).toContain('SEARCH s USING INTEGER PRIMARY KEY');
  });
});
