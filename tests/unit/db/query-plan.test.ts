// The hot queries keep their plans (PERFORMANCE.md traps): each one is checked, as the code runs it
// (the SQL is imported from the query modules), with EXPLAIN QUERY PLAN on an in-memory database:
// it searches its index and never scans one of the big tables.
import { afterAll, describe, expect, it } from 'vitest';
import { planDb } from '../helpers';
import { EDGE_SQL, ENTITY_NODE, IS_HUB, NEIGHBOUR_SQL, NODE_SQL } from '../../../db/queries/graph';
import { SCAN_SQL } from '../../../db/queries/graph-edges';
import { HUB_EDGE_SQL } from '../../../db/queries/graph-hub-edges';
import { CLAIM_EDGE_SQL } from '../../../db/queries/graph-claim-edges';

const { plan, close } = planDb();
afterAll(close);

const BIG = ['entity', 'relation', 'claim', 'claim_role', 'alias', 'span', 'source', 'alleged', 'hub_nbr', 'hub_role', 'hub_rel'];

/** Names (table aliases) that a plan scans in full: subqueries and temp id sets are allowed. */
function fullScans(lines: string[], sql: string): string[] {
  const subqueries = new Set(lines.flatMap((l) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(l)?.slice(1) ?? []));
  const aliasOf = new Map<string, string>();
  for (const m of sql.matchAll(/\b(entity|relation|claim_role|claim|alias|span|source|alleged|hub_nbr|hub_role|hub_rel)\s+(?:AS\s+)?([a-z]\w*)\b/gi)) aliasOf.set(m[2]!, m[1]!);
  return lines
    .map((l) => /^SCAN (\S+)(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter((m) => !subqueries.has(m[1]!) && !m[1]!.startsWith('edge_') && !['x', 'w', 'p', 'q', 'k'].includes(m[1]!) && !/VIRTUAL TABLE/.test(m[2]!))
    .map((m) => aliasOf.get(m[1]!) ?? m[1]!)
    .filter((name) => BIG.includes(name));
}

function expectIndexed(sql: string, indexes: string[], params: unknown[] | Record<string, unknown> = []): void {
  const lines = plan(sql, params);
  expect(fullScans(lines, sql), lines.join('\n')).toEqual([]);
  for (const index of indexes) expect(lines.join('\n'), lines.join('\n')).toContain(index);
}

const named = { id: 1, limit: 10, offset: 0 };

describe('neighbourhood groups', () => {
  it('entity centre: relations, claims made, roles — each through its index, neighbour by primary key', () => {
    const [relation, claimant, role] = NEIGHBOUR_SQL.entity;
    expectIndexed(relation!.list, ['relation_from', 'relation_to', 'SEARCH e USING INTEGER PRIMARY KEY'], named);
    expectIndexed(relation!.count, ['relation_from', 'relation_to'], named);
    expectIndexed(claimant!.list, ['COVERING INDEX claim_claimant_rank'], named);
    expect(plan(claimant!.list, named).join('\n')).not.toContain('TEMP B-TREE');
    expectIndexed(role!.list, ['claim_role_entity', 'SEARCH c USING INTEGER PRIMARY KEY'], named);
  });

  it('a hub centre reads its precomputed ranked lists in order: no sort, no scan of its adjacency', () => {
    const [relation, , role] = NEIGHBOUR_SQL.entity;
    expectIndexed(IS_HUB, ['INTEGER PRIMARY KEY'], [1]);
    expectIndexed(relation!.hubList!, ['hub_nbr_rank (hub_id=?)', 'SEARCH e USING INTEGER PRIMARY KEY'], named);
    expectIndexed(role!.hubList!, ['COVERING INDEX hub_role_rank (hub_id=?)'], named);
    for (const sql of [relation!.hubList!, role!.hubList!]) expect(plan(sql, named).join('\n')).not.toContain('TEMP B-TREE');
  });

  it('claim and source centres', () => {
    for (const group of [...NEIGHBOUR_SQL.claim, ...NEIGHBOUR_SQL.source]) {
      expectIndexed(group.list, [], named);
      expectIndexed(group.count, [], named);
    }
    expectIndexed(NEIGHBOUR_SQL.claim[2]!.list, ['claim_responds_to'], named);
    expectIndexed(NEIGHBOUR_SQL.source[0]!.list, ['span_source'], named);
  });

  it('node rows by primary key, one at a time or from the temp id set', () => {
    expectIndexed(ENTITY_NODE, ['INTEGER PRIMARY KEY'], [1]);
    for (const sql of Object.values(NODE_SQL)) {
      const lines = plan(sql);
      expect(lines[0], lines.join('\n')).toMatch(/^SCAN x/);
      expect(lines.join('\n')).toContain('USING INTEGER PRIMARY KEY');
      expect(fullScans(lines, sql)).toEqual([]);
    }
  });
});

describe('edges among the returned nodes', () => {
  it('set-at-a-time scans start from the temp id set and probe it by primary key', () => {
    for (const sql of Object.values(SCAN_SQL)) {
      const lines = plan(sql);
      expect(lines[0], lines.join('\n')).toMatch(/^SCAN x/);
      expect(fullScans(lines, sql), lines.join('\n')).toEqual([]);
      expect(lines.join('\n')).toContain('EXISTS USING INTEGER PRIMARY KEY');
    }
    expect(plan(SCAN_SQL.relationsOut).join('\n')).toContain('relation_from');
    expect(plan(SCAN_SQL.relationsIn).join('\n')).toContain('relation_to');
    expect(plan(SCAN_SQL.claimant).join('\n')).toContain('claim_claimant_rank');
    expect(plan(SCAN_SQL.allegedOut).join('\n')).toContain('SEARCH a USING PRIMARY KEY (subject_id=?)');
    expect(plan(SCAN_SQL.allegedIn).join('\n')).toContain('COVERING INDEX alleged_object (object_id=?)');
  });

  it('claim edges start from the temp claim set and reach rows by key or index', () => {
    for (const sql of Object.values(CLAIM_EDGE_SQL)) {
      const lines = plan(sql);
      expect(lines[0], lines.join('\n')).toMatch(/^SCAN x/);
      expect(fullScans(lines, sql), lines.join('\n')).toEqual([]);
    }
    expect(plan(CLAIM_EDGE_SQL.rows).join('\n')).toContain('SEARCH c USING INTEGER PRIMARY KEY');
    expect(plan(CLAIM_EDGE_SQL.roles).join('\n')).toContain('SEARCH r USING PRIMARY KEY (claim_id=?)');
    expect(plan(CLAIM_EDGE_SQL.responses).join('\n')).toContain('claim_responds_to');
    expect(plan(CLAIM_EDGE_SQL.sources).join('\n')).toContain('span_claim');
  });

  it('edges to known nodes are scanned from the known side, reaching rows by key or index', () => {
    expectIndexed(EDGE_SQL.sourceClaims, ['span_source'], [1]);
    for (const name of ['knownOut', 'knownIn', 'knownAllegedOut', 'knownAllegedIn', 'knownClaimants', 'knownRoles'] as const) {
      const lines = plan(HUB_EDGE_SQL[name]);
      expect(lines[0], `${name}\n${lines.join('\n')}`).toMatch(/^SCAN x/);
      expect(fullScans(lines, HUB_EDGE_SQL[name]), lines.join('\n')).toEqual([]);
      expect(lines.join('\n')).toContain('EXISTS USING INTEGER PRIMARY KEY');
    }
    expect(plan(HUB_EDGE_SQL.knownOut).join('\n')).toContain('INDEX relation_from (from_id=?)');
    expect(plan(HUB_EDGE_SQL.knownIn).join('\n')).toContain('INDEX relation_to (to_id=?)');
  });
});
