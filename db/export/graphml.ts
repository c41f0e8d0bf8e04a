// GraphML export (graphml.graphdrawing.org): typed <key> declarations, then nodes and edges streamed
// one element at a time. Read by networkx (`read_graphml`), Gephi and yEd; parallel edges are kept
// (networkx reads them as a multigraph).
import type { SqliteDb } from '../open';
import { writeAtomically } from './atomic';
import { EDGE_ATTRS, NODE_ATTRS, present, type AttrType } from './attributes';
import { forEachEdge, forEachNode } from './graph-rows';
import type { ExportScope } from './scope';
import { attrs, element, elementStream, text } from './xml';

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', int: 'long', double: 'double' };

export function exportGraphml(db: SqliteDb, path: string, scope: ExportScope) {
  const counts = { nodes: 0, edges: 0 };
  const written = db.transaction(() => writeAtomically(path, (file) => {
    file.write('<?xml version="1.0" encoding="UTF-8"?>\n');
    file.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      + 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
    NODE_ATTRS.forEach((def, i) => file.write(`  ${element('key', attrs({ id: `n${i}`, for: 'node', 'attr.name': def.name, 'attr.type': GRAPHML_TYPE[def.type] }))}\n`));
    EDGE_ATTRS.forEach((def, i) => file.write(`  ${element('key', attrs({ id: `d${i}`, for: 'edge', 'attr.name': def.name, 'attr.type': GRAPHML_TYPE[def.type] }))}\n`));
    file.write('  <graph id="skein" edgedefault="directed">\n');
    const nodes = elementStream('node', (chunk) => file.write(chunk));
    forEachNode(db, scope, (node) => {
      counts.nodes += 1;
      const data = present(NODE_ATTRS, node).map(([i, , value]) => ({ ...attrs({ key: `n${i}` }), '#text': text(value) }));
      nodes.push({ ...attrs({ id: node.id }), data });
    });
    nodes.flush();
    const edges = elementStream('edge', (chunk) => file.write(chunk));
    forEachEdge(db, scope, (edge) => {
      counts.edges += 1;
      const data = present(EDGE_ATTRS, edge).map(([i, , value]) => ({ ...attrs({ key: `d${i}` }), '#text': text(value) }));
      edges.push({ ...attrs({ id: edge.id, source: edge.source, target: edge.target }), data });
    });
    edges.flush();
    file.write('  </graph>\n</graphml>\n');
  })).deferred();
  return { ...written, counts };
}
