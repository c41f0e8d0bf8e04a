// GraphML/GEXF import with small generated fixtures, detection by content, refusal of malformed or
// DOCTYPE-bearing XML, and networkx (python3-networkx, installed by .ci/run) reading our exports.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { detectGraphFileKind, importGraph, importGraphFile } from '../../../db/import-graph';
import { exportGraphml } from '../../../db/export/graphml';
import { exportGexf } from '../../../db/export/gexf';
import { exportSnapshot } from '../../../db/snapshot/export';
import { richApp, tableCounts, tempDir } from './fixtures';

const dir = tempDir();
const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="r" for="edge" attr.name="relation_kind" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="k">organization</data></node>
    <node id="b"/>
    <node id="c"><data key="k">place</data></node>
    <edge source="a" target="b"><data key="w">2.5</data><data key="r">works_for</data></edge>
    <edge source="b" target="c"/>
    <edge source="c" target="c"/>
  </graph>
</graphml>`;
const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="type" type="string"/><attribute id="1" title="score" type="float"/></attributes>
    <nodes>
      <node id="1" label="Acme &amp; Sons"><attvalues><attvalue for="0" value="organization"/><attvalue for="1" value="0.5"/></attvalues></node>
      <node id="2" label="Jane Roe"><nodes><node id="3" label="Child"/></nodes></node>
    </nodes>
    <edges><edge id="e1" source="2" target="1" label="member of"/><edge id="e2" source="3" target="2" label="reports to"/></edges>
  </graph>
</gexf>`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('GraphML and GEXF import', () => {
  it('GraphML nodes become typed entities, edges relations, self-loops notes', () => {
    const store = new GraphStore(':memory:');
    const result = importGraph(store, file('f.graphml', GRAPHML));
    expect(result).toMatchObject({ format: 'graphml', nodes: 3, edges: 3, entities: 3, relations: 2, selfLoops: 1, typedNodes: 2 });
    const kinds = store.db.prepare('SELECT name, kind FROM entity ORDER BY id').all();
    expect(kinds).toEqual([{ name: 'a', kind: 'organization' }, { name: 'b', kind: 'person' }, { name: 'c', kind: 'place' }]);
    expect(store.db.prepare('SELECT kind FROM relation ORDER BY id').pluck().all()).toEqual(['works_for', 'associate_of']);
    expect(store.db.prepare("SELECT count(*) FROM note WHERE body LIKE '%\"weight\": 2.5%'").pluck().get()).toBe(1);
  });

  it('GEXF labels, attribute types, nested nodes and relation labels are kept', () => {
    const store = new GraphStore(':memory:');
    const result = importGraph(store, file('f.gexf', GEXF));
    expect(result).toMatchObject({ format: 'gexf', entities: 3, relations: 2, typedNodes: 1 });
    expect(store.db.prepare('SELECT name FROM entity ORDER BY id').pluck().all()).toEqual(['Acme & Sons', 'Jane Roe', 'Child']);
    expect(store.db.prepare('SELECT kind FROM relation ORDER BY id').pluck().all()).toEqual(['member_of', 'associate_of']);
    expect(store.db.prepare("SELECT count(*) FROM note WHERE body LIKE '%\"label\": \"reports to\"%'").pluck().get()).toBe(1);
    expect(store.db.prepare("SELECT count(*) FROM note WHERE body LIKE '%\"parent\": \"2\"%'").pluck().get()).toBe(1);
  });

  it('malformed XML, a DOCTYPE or a dangling edge is refused and writes nothing', () => {
    const store = new GraphStore(':memory:');
    const before = tableCounts(store);
    expect(() => importGraph(store, file('bad.graphml', GRAPHML.replace('</graph>', '')))).toThrow(/not well-formed XML \(line/);
    expect(() => importGraph(store, file('dt.graphml', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${GRAPHML.slice(39)}`))).toThrow(/DOCTYPE/);
    expect(() => importGraph(store, file('dangling.graphml', GRAPHML.replace('target="c"/>', 'target="zz"/>')))).toThrow(/node "zz"/);
    expect(tableCounts(store)).toEqual(before);
  });

  it('files are recognised by content, not by name', async () => {
    const app = await richApp();
    const snapshot = exportSnapshot(app.store.db, join(dir, 'snap.txt'), { scope: { kind: 'investigation' }, appVersion: '1' }).path;
    expect(detectGraphFileKind(snapshot)).toBe('snapshot');
    expect(detectGraphFileKind(file('g.xml', GRAPHML))).toBe('graphml');
    expect(detectGraphFileKind(file('x.json', GEXF))).toBe('gexf');
    expect(detectGraphFileKind(file('article.txt', 'Just an article <graphml> mentioned.'))).toBeNull();
    const result = importGraphFile(new GraphStore(':memory:'), snapshot);
    expect(result.kind).toBe('snapshot');
  });
});

describe('networkx reads our GraphML and GEXF', () => {
  // Fails (does not skip) when networkx is missing: .ci/run installs python3-networkx.
  it('agrees on node and edge counts and attributes', async () => {
    const app = await richApp();
    const graphml = exportGraphml(app.store.db, join(dir, 'nx.graphml'), { kind: 'investigation' });
    const gexf = exportGexf(app.store.db, join(dir, 'nx.gexf'), { kind: 'investigation' }, { version: '1.2draft' });
    const script = `import json, sys, networkx as nx
out = []
for g in (nx.read_graphml(sys.argv[1]), nx.read_gexf(sys.argv[2])):
    s = g.nodes['s:${app.sourceId}']
    out.append({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'reliability': s.get('reliability'), 'kind': s.get('kind'),
                'importance_type': type(g.nodes['c:1'].get('importance')).__name__})
print(json.dumps(out))`;
    const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, graphml.path, gexf.path], { encoding: 'utf8' }));
    for (const read of out) {
      expect(read).toEqual({ nodes: graphml.counts.nodes, edges: graphml.counts.edges, reliability: 'B', kind: 'article', importance_type: 'float' });
    }
  });
});
