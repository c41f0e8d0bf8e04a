import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphStore } from '../../../db/store';
import { counts as tableCounts } from '../../../db/queries/stats';
import { runImport } from '../../../electron/cli/import';
import { runExport } from '../../../electron/cli/export';
import { seedLikeGraph, testApp } from '../helpers';

afterEach(() => vi.restoreAllMocks());

const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="kind">person</data></node>
    <node id="b"><data key="kind">organization</data></node>
    <node id="c"/>
    <edge source="a" target="b"/><edge source="b" target="c"/>
  </graph>
</graphml>`;

describe('skein import recognises graph files by content', () => {
  it('imports GraphML (even with a misleading name) and a Skein snapshot, and articles as articles', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-graph-'));
    const graphml = join(dir, 'network.txt');
    writeFileSync(graphml, GRAPHML);

    // a snapshot written by another investigation
    const other = join(dir, 'other.skein');
    const app = testApp(other);
    await seedLikeGraph(app);
    app.store.close();
    const snapshot = join(dir, 'other.skein.json');
    expect(await runExport(['--db', other, '--format', 'snapshot', '--out', snapshot])).toBe(0);

    const db = join(dir, 'case.skein');
    expect(await runImport(['--db', db, graphml, snapshot])).toBe(0);
    const store = new GraphStore(db);
    const result = tableCounts(store.db);
    expect(result).toMatchObject({ entities: 3 + 4, relations: 2 + 1, claims: 2 });
    store.close();
  });

  it('exits 1 for a malformed graph file and writes nothing', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-graph-'));
    const broken = join(dir, 'broken.graphml');
    writeFileSync(broken, '<graphml><graph><node id="a"><edge source="a" target="zzz"/></graph></graphml>');
    const db = join(dir, 'case.skein');
    expect(await runImport(['--db', db, broken])).toBe(1);
    expect(err.join('')).toMatch(/broken\.graphml: /);
    const store = new GraphStore(db);
    expect(tableCounts(store.db).entities).toBe(0);
    store.close();
  });
});
