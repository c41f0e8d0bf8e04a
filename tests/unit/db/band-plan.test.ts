// Query plans of the banded adjacency (migration 0040): the edges step reads each member's upward
// rows with one primary-key range from the temp id set, never a scan of band_adj or entity; the
// node-set classification and a hub's relation count are key lookups; and the statements the
// triggers run to change one row reach it by its whole key, never by walking an owner's list.
import { afterAll, describe, expect, it } from 'vitest';
import { planDb } from '../helpers';
import { EDGE_SQL, NEIGHBOUR_SQL } from '../../../db/queries/graph';
import { BAND_EDGE_SQL } from '../../../db/queries/graph-band-edges';
import { CLAIM_EDGE_SQL } from '../../../db/queries/graph-claim-edges';
import { BAND_ROW_SQL } from '../../../db/migrations/0040-banded-adjacency';

const { plan: planLines, close } = planDb();
afterAll(close);

const plan = (sql: string, params?: unknown[] | Record<string, unknown>): string => planLines(sql, params).join('\n');

describe('banded adjacency plans', () => {
  it('upward reads: temp id set outside, entity by key, one band_adj range per owner, set probed by key', () => {
    for (const sql of Object.values(BAND_EDGE_SQL)) {
      const lines = plan(sql);
      expect(lines).toMatch(/^SCAN x/);
      expect(lines).toContain('SEARCH e USING INTEGER PRIMARY KEY (rowid=?)');
      expect(lines).toMatch(/SEARCH a USING PRIMARY KEY \(owner_id=\? AND band>\?\)/);
      expect(lines).toContain('EXISTS USING INTEGER PRIMARY KEY');
      expect(lines).not.toMatch(/SCAN (a|e|band_adj|entity)\b/);
    }
  });

  it('classification of the node set and a hub relation count are key lookups', () => {
    const classify = plan(EDGE_SQL.classify);
    expect(classify).toMatch(/^SCAN w/);
    expect(classify).toContain('SEARCH e USING INTEGER PRIMARY KEY');
    expect(classify).toContain('SEARCH m USING INTEGER PRIMARY KEY');
    expect(classify).toContain('SEARCH h USING INTEGER PRIMARY KEY');
    const count = plan(NEIGHBOUR_SQL.entity[0]!.hubCount!, { id: 1 });
    expect(count).toContain('SEARCH band_member USING INTEGER PRIMARY KEY');
  });

  it('responses and sources of claims read only the index before testing the node set', () => {
    expect(plan(CLAIM_EDGE_SQL.responses)).toContain('claim_responds_to (responds_to=?)');
    expect(plan(CLAIM_EDGE_SQL.sources)).toContain('COVERING INDEX span_claim (claim_id=?)');
  });

  it('maintenance reaches single rows by their whole key, and band changes through band_adj_other', () => {
    // the trigger statements, with literal values for the old./new. row (EXPLAIN does not take them)
    const statements = (sql: string) => sql.replace(/\b(old|new)\.\w+/g, '7').split(';').map((s) => s.trim()).filter(Boolean);
    for (const sql of Object.values(BAND_ROW_SQL).flatMap(statements)) {
      expect(plan(sql)).toMatch(/SEARCH band_adj USING PRIMARY KEY \(owner_id=\? AND band=\? AND other_id=\? AND kind=\? AND ref_id=\?\)/);
    }
    expect(plan('UPDATE band_adj SET band = 3 WHERE other_id = ?', [1])).toContain('band_adj_other (other_id=?)');
  });
});
