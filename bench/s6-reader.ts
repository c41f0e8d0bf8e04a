// S6 concurrent reader: a separate process with its own connection to the investigation being
// imported into, expanding neighbourhoods through the API router (as S2 does) in a loop until told
// to stop, then sending back every call's latency and start time. Run by bench/s6-batch.ts.
// Each call also says where its time went, so that a slow one can be told apart: CPU this thread
// used, time it sat runnable waiting for a core (Linux schedstat), and GC pauses within it.
import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { GraphStore } from '../db/store';
import { createRouter } from '../electron/router';
import { HUBS, hubId } from './model';
import { Rng } from './rng';
import { taskStat } from '../electron/import/proc-stat';
import { now } from './report';

export interface ReaderSample {
  at: number; ms: number; hub: boolean;
  /** CPU this thread used, ms; time it waited for a core, ms (null where schedstat is missing) */
  cpu: number | null; queued: number | null;
  /** GC pauses that started within the call, ms */
  gc: number;
  /** bytes this thread read from storage (not from the page cache), major page faults and times it
   * went to sleep (blocked: on I/O, a lock, a futex) within the call; null off Linux */
  disk: number | null; faults: number | null; sleeps: number | null;
}

const [path, entitiesArg] = process.argv.slice(2);
const entities = Number(entitiesArg);
const store = new GraphStore(path!, { history: false, checkIntegrity: false });
const router = createRouter({ store, appVersion: 'bench-s6' });
const rng = new Rng(66);
const samples: ReaderSample[] = [];
const spans: { start: number; end: number }[] = [];
const pauses: { start: number; ms: number }[] = [];
let stop = false;
process.on('message', (message) => {
  if (message === 'stop') stop = true;
});

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, ms: entry.duration });
}).observe({ entryTypes: ['gc'] });

const task = `/proc/${process.pid}/task/${process.pid}`;
interface ThreadStats { cpu: number; queued: number; disk: number; faults: number; sleeps: number }
/**
 * This (main) thread's counters so far (Linux): CPU time and run-queue wait in ms (schedstat),
 * bytes read from storage (io), major faults (stat field 12), voluntary context switches (status).
 */
function sched(): ThreadStats | null {
  try {
    const [cpu, queued] = readFileSync(`${task}/schedstat`, 'utf8').split(' ').map(Number);
    const disk = Number(/read_bytes: (\d+)/.exec(readFileSync(`${task}/io`, 'utf8'))?.[1]);
    const faults = taskStat()(12);
    const sleeps = Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`${task}/status`, 'utf8'))?.[1]);
    return { cpu: cpu! / 1e6, queued: queued! / 1e6, disk, faults, sleeps };
  } catch {
    return null;
  }
}

async function loop(): Promise<void> {
  process.send?.('ready');
  while (!stop) {
    // one call in ten on a hub, as an analyst exploring would hit them
    const hub = rng.chance(0.1);
    const id = hub ? hubId(rng.int(HUBS), entities) : 1 + rng.int(entities);
    const before = sched();
    const span = { start: performance.now(), end: 0 };
    const start = now();
    await router.call('graph.neighborhood', { id: `e:${id}`, limit: 200, offset: 0, known: [] });
    const ms = now() - start;
    span.end = performance.now();
    const after = sched();
    const used = (key: keyof ThreadStats) => (before && after ? after[key] - before[key] : null);
    samples.push({ at: start, ms, hub, cpu: used('cpu'), queued: used('queued'), gc: 0, disk: used('disk'), faults: used('faults'), sleeps: used('sleeps') });
    spans.push(span);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  store.close();
  // GC entries arrive after the fact: matched to the calls only now
  let p = 0;
  pauses.sort((a, b) => a.start - b.start);
  spans.forEach((span, i) => {
    while (p < pauses.length && pauses[p]!.start < span.start) p++;
    for (let q = p; q < pauses.length && pauses[q]!.start <= span.end; q++) samples[i]!.gc += pauses[q]!.ms;
  });
  // disconnect only once the samples are sent: an early disconnect drops the queued message
  process.send?.({ samples }, () => process.disconnect?.());
}

void loop();
