// Cytoscape JSON (`.cyjs`, read by Cytoscape desktop and cytoscape.js): `elements.nodes[].data`
// and `elements.edges[].data`, with `position` from the canvas when a view is exported.
import type { SqliteDb } from '../open';
import { writeAtomically } from './atomic';
import { EDGE_ATTRS, NODE_ATTRS, present } from './attributes';
import { forEachEdge, forEachNode } from './graph-rows';
import type { ExportScope } from './scope';

export function exportCyjs(db: SqliteDb, path: string, scope: ExportScope) {
  const counts = { nodes: 0, edges: 0 };
  const positions = scope.kind === 'view' ? scope.positions ?? {} : {};
  const written = db.transaction(() => writeAtomically(path, (file) => {
    file.write('{"format_version":"1.0","generated_by":"Skein","target_cytoscapejs_version":"~3.0","data":{"name":"Skein investigation"},\n');
    file.write('"elements":{"nodes":[\n');
    forEachNode(db, scope, (node) => {
      const data: Record<string, unknown> = { id: node.id, name: node.label };
      for (const [, def, value] of present(NODE_ATTRS, node)) data[def.name] = value;
      const position = positions[node.id];
      file.write(`${counts.nodes === 0 ? '' : ',\n'}${JSON.stringify(position ? { data, position } : { data })}`);
      counts.nodes += 1;
    });
    file.write('\n],"edges":[\n');
    forEachEdge(db, scope, (edge) => {
      const data: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target, interaction: edge.type };
      for (const [, def, value] of present(EDGE_ATTRS, edge)) data[def.name] = value;
      file.write(`${counts.edges === 0 ? '' : ',\n'}${JSON.stringify({ data })}`);
      counts.edges += 1;
    });
    file.write('\n]}}\n');
  })).deferred();
  return { ...written, counts };
}
