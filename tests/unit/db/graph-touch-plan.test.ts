// Query plans of the cross-connection page check (graph-page-cache.ts, migration 0060): what changed
// is one range of graph_touch_seq, each adjacency test of a touched node is a key lookup (never a
// walk of a hub's adjacency), and the triggers find the last seq at the end of the index; a patch
// reads the edges of a changed hub with one key probe per node of the set (graph-page-patch.ts).
// The page store (migration 0070) is read and bumped by key, evicts along the rowid, and the warm-up
// reads the hub list, never the entity table.
import { afterAll, describe, expect, it } from 'vitest';
import { planDb } from '../helpers';
import { TOUCH_SQL } from '../../../db/queries/graph-page-touch';
import { PROBE_SQL } from '../../../db/queries/graph-page-patch';
import { PAGE_STORE_SQL } from '../../../db/queries/page-store';
import { WARM_SQL } from '../../../db/queries/page-warm';

const { plan: planLines, close } = planDb();
afterAll(close);

const plan = (sql: string, params?: unknown[] | Record<string, unknown>): string => planLines(sql, params).join('\n');

describe('page check plans', () => {
  it('reads what changed since a seq as one index range, and the last seq from the end of the index', () => {
    expect(plan(TOUCH_SQL.touched, [1, 10])).toContain('SEARCH graph_touch USING COVERING INDEX graph_touch_seq (seq>?)');
    expect(plan(TOUCH_SQL.version)).toMatch(/SEARCH graph_touch USING COVERING INDEX graph_touch_seq|graph_touch_seq/);
    expect(plan(TOUCH_SQL.version)).not.toMatch(/SCAN graph_touch\b/);
  });

  it('tests adjacency of touched nodes by key, never by scanning an adjacency', () => {
    const args = { id: 1, entities: '[2]', claims: '[3]', entityFloor: 1, claimFloor: 1 };
    const entity = plan(TOUCH_SQL.adjacent.entity, args);
    expect(entity).toMatch(/SEARCH r USING COVERING INDEX relation_(from|to) \((from|to)_id=\? AND (to|from)_id=\?\)/);
    expect(entity).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    expect(entity).toMatch(/SEARCH r USING (COVERING INDEX claim_role_entity \(entity_id=\? AND claim_id=\?\)|PRIMARY KEY \(claim_id=\? AND entity_id=\?\))/);
    expect(entity).toContain('SEARCH e USING INTEGER PRIMARY KEY (rowid=?)');
    const claim = plan(TOUCH_SQL.adjacent.claim, args);
    expect(claim).toMatch(/SEARCH r USING (COVERING INDEX claim_role_entity \(entity_id=\? AND claim_id=\?\)|PRIMARY KEY \(claim_id=\? AND entity_id=\?\))/);
    expect(claim).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    const source = plan(TOUCH_SQL.adjacent.source, { id: 1, claims: '[3]', claimFloor: 1 });
    expect(source).toContain('COVERING INDEX span_claim (claim_id=? AND source_id=?)');
    // the only scans: the constant row and the touched ids themselves
    for (const lines of [entity, claim, source]) {
      for (const line of lines.split('\n').filter((l) => l.startsWith('SCAN'))) expect(line).toMatch(/^SCAN (CONSTANT ROW|j VIRTUAL TABLE)/);
    }
  });

  it('probes a changed hub\'s edges by whole key from the node set, never its adjacency', () => {
    for (const [name, sql] of Object.entries(PROBE_SQL)) {
      const lines = plan(sql);
      expect(lines, name).toMatch(/^SCAN x/);
      for (const line of lines.split('\n').slice(1)) {
        if (line.startsWith('SCAN')) expect(line, name).toBe('SCAN w');
        else expect(line, name).toMatch(/^SEARCH \w+ USING (INTEGER PRIMARY KEY \(rowid=\?\)|(COVERING )?INDEX \w+ \(\w+=\? AND \w+=\?\))/);
      }
    }
  });

  it('reads and bumps a stored page by key, evicts along the rowid, and warms from the hub list', () => {
    expect(plan(PAGE_STORE_SQL.read, ['k'])).toBe('SEARCH page_store USING INDEX sqlite_autoindex_page_store_1 (key=?)');
    expect(plan(PAGE_STORE_SQL.bump, [1, 'k', 0])).toBe('SEARCH page_store USING INDEX sqlite_autoindex_page_store_1 (key=?)');
    // the subquery walks the rowids of at most STORE_PAGES + 1 rows, never their bodies
    expect(plan(PAGE_STORE_SQL.evict)).toBe('SEARCH page_store USING INTEGER PRIMARY KEY (rowid<?)\nSCALAR SUBQUERY 1\nSCAN page_store');
    expect(plan(WARM_SQL, [16])).toBe('SCAN h\nSEARCH e USING INTEGER PRIMARY KEY (rowid=?)\nUSE TEMP B-TREE FOR ORDER BY');
  });
});
