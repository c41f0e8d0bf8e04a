// S2: neighbourhood expansion through the API router (argument validation included), capped at
// 500 nodes and ranked, over uniformly random entities and over the hubs, each followed by its
// "show more" page (offset, with the first page's nodes as `known`).
import type { Router } from '../electron/router';
import type { NeighborhoodResult } from '../shared/api/contract';
import { HUBS, hubId } from './model';
import { Rng } from './rng';
import { latencyRow, now, summarize, type Row } from './report';

export interface S2Options { entities: number; runs: number; limit: number }

/** S2's default expansion limit per group (a hub's page then reaches the 500-node cap). */
export const S2_LIMIT = 200;

interface Call { ms: number; cpu: number; nodes: number; edges: number }

/** CPU time of this process (ms): on a shared, loaded machine it shows the work a call costs. */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

async function expand(router: Router, id: string, limit: number, offset: number, known: string[]): Promise<{ call: Call; result: NeighborhoodResult }> {
  const cpu = cpuMs();
  const start = now();
  const result = (await router.call('graph.neighborhood', { id, limit, offset, known })) as NeighborhoodResult;
  return { call: { ms: now() - start, cpu: cpuMs() - cpu, nodes: result.nodes.length, edges: result.edges.length }, result };
}

function size(calls: Call[]): string {
  const avg = (f: (c: Call) => number) => Math.round(calls.reduce((a, c) => a + f(c), 0) / Math.max(1, calls.length));
  const cpu = summarize(calls.map((c) => c.cpu));
  return `cpu p50 ${cpu.p50.toFixed(1)} / p95 ${cpu.p95.toFixed(1)} ms; nodes avg ${avg((c) => c.nodes)} / max ${Math.max(...calls.map((c) => c.nodes))}, edges avg ${avg((c) => c.edges)} / max ${Math.max(...calls.map((c) => c.edges))}`;
}

export async function benchNeighborhood(router: Router, options: S2Options): Promise<Row[]> {
  const rng = new Rng(7);
  const random = Array.from({ length: options.runs }, () => `e:${1 + rng.int(options.entities)}`);
  const hubs = Array.from({ length: HUBS }, (_, i) => `e:${hubId(i, options.entities)}`);
  for (const id of random.slice(0, 20)) await expand(router, id, options.limit, 0, []); // warm the page cache
  const firstRandom: Call[] = [];
  const firstHubs: Call[] = [];
  const more: Call[] = [];
  const run = async (ids: string[], sink: Call[]) => {
    for (const id of ids) {
      const first = await expand(router, id, options.limit, 0, []);
      sink.push(first.call);
      if (first.result.nextOffset !== null) {
        const known = first.result.nodes.map((n) => n.id);
        more.push((await expand(router, id, options.limit, first.result.nextOffset, known)).call);
      }
    }
  };
  await run(random, firstRandom);
  for (let round = 0; round < 3; round++) await run(hubs, firstHubs);
  const all = [...firstRandom, ...firstHubs, ...more];
  const limits = { p50: 2, p95: 10, max: 50 };
  return [
    latencyRow('S2', 'expand random entity (page 1)', firstRandom.map((c) => c.ms), size(firstRandom), {}),
    latencyRow('S2', `expand hub, 10k+ neighbours (page 1, ×3)`, firstHubs.map((c) => c.ms), size(firstHubs), {}),
    latencyRow('S2', '"show more" page (offset, known = page 1)', more.map((c) => c.ms), size(more), {}),
    latencyRow('S2', `neighbourhood, all calls (limit ${options.limit}/group, cap 500)`, all.map((c) => c.ms), size(all), limits),
  ];
}
