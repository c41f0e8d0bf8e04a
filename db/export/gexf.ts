// GEXF 1.3 export (gexf.net): typed <attributes> for nodes and edges, then streamed nodes and edges
// with <attvalues>. Relation dates (start, end) are typed attributes, so Gephi and networkx read them.
import type { SqliteDb } from '../open';
import { writeAtomically } from './atomic';
import { EDGE_ATTRS, NODE_ATTRS, present, type AttrType } from './attributes';
import { forEachEdge, forEachNode } from './graph-rows';
import type { ExportScope } from './scope';
import { attrs, element, elementStream } from './xml';

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', int: 'integer', double: 'double' };

/** 1.3 is the current specification (Gephi 0.10); networkx 3.x reads only 1.1draft and 1.2draft. */
export type GexfVersion = '1.3' | '1.2draft';
const NAMESPACE: Record<GexfVersion, [string, string, string]> = {
  '1.3': ['http://gexf.net/1.3', 'http://gexf.net/1.3/gexf.xsd', '1.3'],
  '1.2draft': ['http://www.gexf.net/1.2draft', 'http://www.gexf.net/1.2draft/gexf.xsd', '1.2'],
};

export function exportGexf(db: SqliteDb, path: string, scope: ExportScope, options: { version?: GexfVersion; now?: Date } = {}) {
  const [ns, xsd, version] = NAMESPACE[options.version ?? '1.3'];
  const now = options.now ?? new Date();
  const counts = { nodes: 0, edges: 0 };
  const written = db.transaction(() => writeAtomically(path, (file) => {
    file.write('<?xml version="1.0" encoding="UTF-8"?>\n');
    file.write(`${element('gexf', attrs({ xmlns: ns, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${ns} ${xsd}`, version })).replace(/\/>$/, '>')}\n`);
    file.write(`  ${element('meta', { ...attrs({ lastmodifieddate: now.toISOString().slice(0, 10) }), creator: 'Skein', description: 'Skein investigation graph' })}\n`);
    file.write('  <graph defaultedgetype="directed" mode="static">\n');
    file.write('    <attributes class="node" mode="static">\n');
    NODE_ATTRS.forEach((def, i) => file.write(`      ${element('attribute', attrs({ id: `n${i}`, title: def.name, type: GEXF_TYPE[def.type] }))}\n`));
    file.write('    </attributes>\n    <attributes class="edge" mode="static">\n');
    EDGE_ATTRS.forEach((def, i) => file.write(`      ${element('attribute', attrs({ id: `d${i}`, title: def.name, type: GEXF_TYPE[def.type] }))}\n`));
    file.write('    </attributes>\n    <nodes>\n');
    const nodes = elementStream('node', (chunk) => file.write(chunk));
    forEachNode(db, scope, (node) => {
      counts.nodes += 1;
      const attvalue = present(NODE_ATTRS, node).map(([i, , value]) => attrs({ for: `n${i}`, value }));
      nodes.push({ ...attrs({ id: node.id, label: node.label }), attvalues: { attvalue } });
    });
    nodes.flush();
    file.write('    </nodes>\n    <edges>\n');
    const edges = elementStream('edge', (chunk) => file.write(chunk));
    forEachEdge(db, scope, (edge) => {
      counts.edges += 1;
      const attvalue = present(EDGE_ATTRS, edge).map(([i, , value]) => attrs({ for: `d${i}`, value }));
      edges.push({ ...attrs({ id: edge.id, source: edge.source, target: edge.target, label: edge.label }), attvalues: { attvalue } });
    });
    edges.flush();
    file.write('    </edges>\n  </graph>\n</gexf>\n');
  })).deferred();
  return { ...written, counts };
}
