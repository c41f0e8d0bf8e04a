// S4: shortest paths between two random connected entities (≤ 6 hops, up to 5 paths) through the
// API router, with and without a filter that excludes denied claims.
// Standalone: `npx tsx bench/s4-paths.ts --db bench/.cache/<file>.skein [--runs N]`.
import { parseArgs } from 'node:util';
import { GraphStore } from '../db/store';
import { createRouter, type Router } from '../electron/router';
import { Rng } from './rng';

export interface PathBenchRow {
  id: 'S4';
  label: string;
  p50: number;
  p95: number;
  max: number;
  runs: number;
  meanPaths: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A pair joined by a short random walk over relations, so a path exists within the hop limit. */
function connectedPair(store: GraphStore, rng: Rng, maxEntity: number): [string, string] | null {
  const start = 1 + rng.int(maxEntity);
  const steps = 2 + rng.int(3);
  const next = store.db.prepare(`SELECT other FROM (
      SELECT * FROM (SELECT to_id AS other FROM relation WHERE from_id = @id LIMIT 50)
      UNION ALL SELECT * FROM (SELECT from_id FROM relation WHERE to_id = @id LIMIT 50))
    ORDER BY (other * 2654435761 + @salt) % 1000003 LIMIT 1`);
  let current = start;
  for (let i = 0; i < steps; i++) {
    const row = next.get({ id: current, salt: rng.int(1_000_000) }) as { other: number } | undefined;
    if (!row) return null;
    current = row.other;
  }
  return current === start ? null : [`e:${start}`, `e:${current}`];
}

async function measure(router: Router, pairs: [string, string][], filter: object | undefined) {
  const times: number[] = [];
  let paths = 0;
  for (const [from, to] of pairs) {
    const t0 = performance.now();
    const result = (await router.call('path.find', { from, to, maxHops: 6, maxPaths: 5, ...(filter ? { filter } : {}) })) as { paths: unknown[] };
    times.push(performance.now() - t0);
    paths += result.paths.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN, meanPaths: paths / Math.max(1, pairs.length) };
}

export async function benchPaths(store: GraphStore, runs = 200): Promise<PathBenchRow[]> {
  const router = createRouter({ store, appVersion: 'bench' });
  const rng = new Rng(4242);
  const maxEntity = (store.db.prepare('SELECT max(id) AS n FROM entity').get() as { n: number }).n;
  const pairs: [string, string][] = [];
  for (let tries = 0; pairs.length < runs && tries < runs * 20; tries++) {
    const pair = connectedPair(store, rng, maxEntity);
    if (pair) pairs.push(pair);
  }
  await measure(router, pairs.slice(0, 10), undefined); // warm the page cache
  const plain = await measure(router, pairs, undefined);
  const strict = await measure(router, pairs, { excludeStances: ['denies'], excludeDenied: true });
  return [
    { id: 'S4', label: 'paths, no filter', runs: pairs.length, ...plain },
    { id: 'S4', label: 'paths, denials and denied claims excluded', runs: pairs.length, ...strict },
  ];
}

const isEntry = process.argv[1]?.endsWith('s4-paths.ts');
if (isEntry) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string' } } });
  if (!values.db) throw new Error('--db FILE is required');
  const store = new GraphStore(values.db, { readonly: true, checkIntegrity: false });
  const rows = await benchPaths(store, Number(values.runs ?? 200));
  for (const row of rows) {
    console.log(`${row.id} ${row.label.padEnd(32)} p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  max ${row.max.toFixed(1)} ms  (${row.runs} pairs, ${row.meanPaths.toFixed(1)} paths each)`);
  }
  store.close();
}
