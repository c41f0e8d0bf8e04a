// Interop check against real GraphML/GEXF files written by other tools (../shared/interop): each file
// is imported into a fresh investigation (node and edge counts must survive), exported back to
// GraphML and GEXF (1.2draft, the newest networkx reads), and those exports are read by networkx. A measurement, not part of `npm test`:
//   npx tsx scripts/interop-check.mjs [folder]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphStore } from '../db/store.ts';
import { importGraph } from '../db/import-graph/index.ts';
import { exportGraphml } from '../db/export/graphml.ts';
import { exportGexf } from '../db/export/gexf.ts';

const root = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'interop');
const files = [];
for (const dir of readdirSync(root)) {
  const full = join(root, dir);
  if (!statSync(full).isDirectory()) continue;
  for (const f of readdirSync(full)) if (/\.(graphml|gexf)$/.test(f)) files.push(join(full, f));
}
const work = mkdtempSync(join(tmpdir(), 'skein-interop-'));
const PY = `import sys, json, networkx as nx
out = []
for p in sys.argv[1:]:
    g = nx.read_graphml(p) if p.endswith('.graphml') else nx.read_gexf(p)
    out.append([g.number_of_nodes(), g.number_of_edges()])
print(json.dumps(out))`;
let failures = 0;
console.log('file | nodes in → entities | edges in → relations + self-loops | graphml (networkx) | gexf (networkx) | ok');
for (const file of files) {
  const db = join(work, 'check.skein');
  rmSync(db, { force: true });
  const store = new GraphStore(db, { history: false });
  try {
    const started = Date.now();
    const result = importGraph(store, file);
    const graphml = exportGraphml(store.db, join(work, 'out.graphml'), { kind: 'investigation' });
    const gexf = exportGexf(store.db, join(work, 'out.gexf'), { kind: 'investigation' }, { version: '1.2draft' });
    const [nxGraphml, nxGexf] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY, graphml.path, gexf.path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    const ok = result.entities === result.nodes && result.relations + result.selfLoops === result.edges
      && nxGraphml[0] === result.entities && nxGraphml[1] === result.relations
      && nxGexf[0] === result.entities && nxGexf[1] === result.relations;
    if (!ok) failures += 1;
    console.log(`${file.slice(root.length + 1)} | ${result.nodes} → ${result.entities} (typed ${result.typedNodes}) | ${result.edges} → ${result.relations} + ${result.selfLoops}`
      + ` | ${nxGraphml[0]}/${nxGraphml[1]} | ${nxGexf[0]}/${nxGexf[1]} | ${ok ? 'OK' : 'MISMATCH'} (${Date.now() - started} ms)`);
  } catch (error) {
    failures += 1;
    console.log(`${file.slice(root.length + 1)} | ERROR ${String(error.stderr ?? error.message).trim().split('\n').pop()}`);
  } finally {
    store.close();
  }
}
rmSync(work, { recursive: true, force: true });
process.exitCode = failures > 0 ? 1 : 0;
