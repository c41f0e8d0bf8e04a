// S6: batch import of generated articles (bench/s6-articles.ts) into a COPY of the bench
// investigation through the app's pipeline (electron/import/batch-process.ts: a background process
// at the lowest priority running electron/import/batch.ts: read, gazetteer, extraction in its
// worker, auto-accept, db/import/commit.ts with history), measuring the total time, the RSS of the
// batch process (its workers included) sampled every second, and S2 expansions measured from a
// concurrent reader process on its own connection (bench/s6-reader.ts) while the batch runs.
// On a shared 2-core machine a read's tail is mostly time spent off the CPU, so the row says what
// the slowest reads were made of (CPU, waiting for a core, GC, stolen or blocked) and how much of the
// machine the hypervisor took meanwhile (steal); every read is left in bench/.cache/s6-reads.json.
// The reader runs alone for BASELINE_MS first: its reads then show what the machine's other load
// alone does to them, beside what they are while the batch runs.
// S6_READER_PROFILE=DIR writes the reader's V8 CPU profile into DIR (node --cpu-prof).
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GraphStore } from '../db/store';
import type { BatchStats } from '../electron/import/batch-child';
import { BackgroundImporter, runBatchInBackground } from '../electron/import/batch-process';
import { processStat, taskStat } from '../electron/import/proc-stat';
import type { BatchResult } from '../shared/api/import';
import { CACHE_DIR, fileSize } from './generate';
import { HUBS, hubId } from './model';
import { articles, type Cast } from './s6-articles';
import type { ReaderSample } from './s6-reader';
import { Rng } from './rng';
import { latencyRow, now, summarize, type Row } from './report';

const MIB = 2 ** 20;
const BASELINE_MS = 15_000;

/** People, organisations and places of the investigation for the articles to mention (hubs included). */
export function castOf(path: string, entities: number): Cast {
  const db = new Database(path, { readonly: true });
  try {
    const rng = new Rng(6060);
    const byId = db.prepare('SELECT kind, name FROM entity WHERE id = ?');
    const cast: Cast = { people: [], orgs: [], places: [] };
    const add = (id: number) => {
      const row = byId.get(id) as { kind: string; name: string } | undefined;
      if (row?.kind === 'person') cast.people.push(row.name);
      else if (row?.kind === 'organization') cast.orgs.push(row.name);
      else if (row?.kind === 'place') cast.places.push(row.name);
    };
    for (let h = 0; h < HUBS; h++) add(hubId(h, entities));
    for (let i = 0; i < 6000; i++) add(1 + rng.int(entities));
    return cast;
  } finally {
    db.close();
  }
}

function copyInvestigation(path: string): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const copy = join(CACHE_DIR, 's6-copy.skein');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  return copy;
}

interface ReaderResult { samples: ReaderSample[] }

/** The machine's CPU ticks so far, all and stolen by the hypervisor (/proc/stat); null off Linux. */
function cpuTicks(): { all: number; steal: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { all: fields.reduce((a, b) => a + b, 0), steal: fields[7]! };
  } catch {
    return null;
  }
}

/** The resident memory of process `pid` (the batch process) in MiB, from /proc; null if unreadable. */
function rssOf(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Where a read's time went, e.g. "62 ms: CPU 14 (GC 0), waiting for a core 43, blocked or host 5 (2 sleeps, …)". */
function anatomy(s: ReaderSample): string {
  if (s.cpu === null || s.queued === null) return `${s.ms.toFixed(0)} ms`;
  const off = Math.max(0, s.ms - s.cpu - s.queued);
  // the thread's CPU time (schedstat) leaves out time stolen by the hypervisor and interrupt time
  // (paravirt steal and IRQ time accounting): a call that never went to sleep spent the rest there
  const rest = s.sleeps === 0 ? `stolen by the host or interrupts ${off.toFixed(0)} (no sleep)`
    : `blocked or host ${off.toFixed(0)}${s.sleeps === null ? '' : ` (${s.sleeps} sleeps, ${((s.disk ?? 0) / 1024).toFixed(0)} KiB from disk, ${s.faults} major faults)`}`;
  return `${s.ms.toFixed(0)} ms: CPU ${s.cpu.toFixed(0)} (GC ${s.gc.toFixed(0)}), waiting for a core ${s.queued.toFixed(0)}, ${rest}`;
}

function startReader(path: string, entities: number): { ready: Promise<void>; stop: () => Promise<ReaderResult> } {
  const child = fork(join(import.meta.dirname, 's6-reader.ts'), [path, String(entities)], { execArgv: ['--import', 'tsx', ...(process.env.S6_READER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.S6_READER_PROFILE] : [])] });
  let result: ((r: ReaderResult) => void) | null = null;
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message) => {
      if (message === 'ready') resolve();
      else result?.(message as ReaderResult);
    });
  });
  return {
    ready,
    stop: () => new Promise<ReaderResult>((resolve) => {
      result = resolve;
      child.send('stop');
    }),
  };
}

/**
 * "Import all" as the windows run it: each file's text sent to import.auto (BackgroundImporter) in
 * turn, imported in the background process one at a time. Its CPU is read from /proc at the end.
 */
async function importFileByFile(store: GraphStore, dir: string, texts: string[], onStart: (pid: number) => void, onStats: (s: BatchStats) => void,
  progress: (done: number, total: number) => void): Promise<BatchResult> {
  let pid = 0;
  const importer = new BackgroundImporter(store, { onStart: (p) => { pid = p; onStart(p); } });
  const result: BatchResult = { taskId: 'auto', imported: [], skipped: [], failed: [], cancelled: false };
  try {
    for (const [i, text] of texts.entries()) {
      const path = join(dir, `article-${String(i + 1).padStart(4, '0')}.txt`);
      try {
        const one = await importer.importOne({ text, fallbackTitle: `article ${i + 1}` });
        if (one.status === 'imported') result.imported.push({ path, sourceId: one.sourceId, entities: one.entities, claims: one.claims });
        else result.skipped.push({ path, reason: 'duplicate', sourceId: one.sourceId });
      } catch (error) {
        result.failed.push({ path, error: (error as Error).message });
      }
      progress(i + 1, texts.length);
    }
    const whole = processStat(pid);
    const main = taskStat(pid, pid);
    // utime 14, stime 15 (clock ticks of USER_HZ 100), nice 19
    onStats({
      pid, extractions: texts.length, extractor: 'workers', cpuSeconds: (whole(14) + whole(15)) / 100,
      writerCpuSeconds: (main(14) + main(15)) / 100, nice: whole(19),
    });
  } finally {
    importer.close();
  }
  return result;
}

export async function benchBatch(datasetPath: string, entities: number, count = 1000, log: (line: string) => void = () => {}, mode: 'batch' | 'auto' = 'batch'): Promise<Row[]> {
  const copy = copyInvestigation(datasetPath);
  const dir = mkdtempSync(join(tmpdir(), 'skein-s6-'));
  const texts = articles(count, castOf(copy, entities));
  texts.forEach((text, i) => writeFileSync(join(dir, `article-${String(i + 1).padStart(4, '0')}.txt`), text));
  const words = texts.reduce((sum, t) => sum + t.split(/\s+/).length, 0);
  const store = new GraphStore(copy, { checkIntegrity: false });
  const reader = startReader(copy, entities);
  await reader.ready;
  const baselineStart = now();
  await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
  const rss: { t: number; mib: number }[] = [];
  const load = loadavg()[0]!;
  const ticks = cpuTicks();
  const start = now();
  // the batch runs in a child process (electron/import/batch-process.ts, as in the app): its memory
  // is sampled from /proc, every second once it has started
  let batchPid: number | null = null;
  let stats: BatchStats | null = null;
  const batchRss = () => (batchPid === null ? null : rssOf(batchPid));
  const sample = () => {
    const mib = batchRss();
    if (mib !== null) rss.push({ t: (now() - start) / 1000, mib });
  };
  const timer = setInterval(sample, 1000);
  let batchEnd = start;
  try {
    const progress = (done: number, total: number) => {
      if (done > 0 && done % 100 === 0) log(`  S6: ${done}/${total} articles, ${((now() - start) / 1000).toFixed(0)} s, batch process RSS ${(batchRss() ?? 0).toFixed(0)} MiB`);
    };
    const result = mode === 'auto'
      ? await importFileByFile(store, dir, texts, (pid) => { batchPid = pid; }, (s) => { stats = s; }, progress)
      : await runBatchInBackground(store, [dir], {
        onStart: (pid) => { batchPid = pid; },
        onStats: (s) => { stats = s; },
        emit: (_event, payload) => {
          const p = payload as { done: number; total: number };
          progress(p.done, p.total);
        },
      });
    batchEnd = now();
    const done = stats as BatchStats | null;
    if (!done) throw new Error('the batch process said nothing about itself');
    const writer = done.writerCpuSeconds === null ? '' : `, of which its main thread (writer) ${done.writerCpuSeconds.toFixed(1)}`;
    const ticksEnd = cpuTicks();
    const steal = ticks && ticksEnd ? `, CPU steal ${((100 * (ticksEnd.steal - ticks.steal)) / Math.max(1, ticksEnd.all - ticks.all)).toFixed(0)}%` : '';
    const seconds = (batchEnd - start) / 1000;
    const { samples } = await reader.stop();
    const during = samples.filter((s) => s.at >= start && s.at <= batchEnd);
    writeFileSync(join(CACHE_DIR, 's6-reads.json'), JSON.stringify({ start, batchEnd, samples: during }));
    const slowest = [...during].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const alone = summarize(samples.filter((s) => s.at >= baselineStart && s.at < start).map((s) => s.ms));
    // flat: the second half's peak is at most 64 MiB above the first half's. RSS swings by ~200 MiB
    // between collections (and rises while the extractor loads and the file's pages are mapped), so
    // peaks are compared, not a sample taken at some point of a swing: a leak of 0.15 MiB per
    // article would show as ~75 MiB more in the second half
    const half = Math.max(1, Math.floor(rss.length / 2));
    const firstPeak = Math.max(...rss.slice(0, half).map((r) => r.mib));
    const secondPeak = Math.max(...rss.slice(half).map((r) => r.mib));
    const curve = [0, 0.25, 0.5, 0.75, 1].map((f) => rss[Math.min(rss.length - 1, Math.round(f * (rss.length - 1)))]!)
      .map((r) => `${r.t.toFixed(0)} s ${r.mib.toFixed(0)}`).join(', ');
    const growth = secondPeak - firstPeak;
    const reads = summarize(during.map((s) => s.ms));
    const split = (hub: boolean) => summarize(during.filter((s) => s.hub === hub).map((s) => s.ms));
    const grown = store.db.prepare(`SELECT (SELECT page_count * page_size FROM pragma_page_count, pragma_page_size) AS bytes,
      (SELECT coalesce(sum(length(changes)), 0) FROM history) AS history, (SELECT count(*) FROM history) AS entries`).get() as { bytes: number; history: number; entries: number };
    return [
      {
        id: 'S6', what: mode === 'auto' ? `"Import all", ${count} articles one by one` : `batch import, ${count} articles`, samples: 1, p50: null, p95: null, max: null, unit: '',
        size: `${seconds.toFixed(1)} s for ${result.imported.length} imported, ${result.skipped.length} skipped, ${result.failed.length} failed (${words.toLocaleString('en')} words, ${done.extractions} extractions in ${done.extractor}); ` +
          `batch process (nice ${done.nice ?? 'n/a'}) CPU ${done.cpuSeconds.toFixed(1)} s (extraction worker included${writer}), load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}${steal}; file ${(fileSize(datasetPath) / MIB).toFixed(0)} → ${(grown.bytes / MIB).toFixed(0)} MiB, history ${grown.entries} entries ${(grown.history / MIB).toFixed(0)} MiB${result.failed[0] ? `; first failure: ${result.failed[0].error}` : ''}`,
        pass: seconds <= 120 && result.failed.length === 0, budget: '≤ 120 s',
      },
      {
        id: 'S6', what: 'RSS during the batch (MiB, flat)', samples: rss.length, p50: null, p95: null, max: null, unit: '',
        size: `${curve}; peak ${firstPeak.toFixed(0)} in the first half, ${secondPeak.toFixed(0)} in the second (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB)`,
        pass: growth <= 64, budget: 'second half\'s peak ≤ first half\'s + 64 MiB',
      },
      latencyRow('S6', 'S2 reads from a second connection meanwhile', during.map((s) => s.ms),
        `${reads.n} expansions over ${seconds.toFixed(0)} s; non-hub p95 ${split(false).p95.toFixed(1)} / max ${split(false).max.toFixed(0)} ms, ` +
        `hub (${split(true).n}) p50 ${split(true).p50.toFixed(0)} / max ${split(true).max.toFixed(0)} ms; ` +
        `before the batch (${alone.n} in ${BASELINE_MS / 1000} s) p95 ${alone.p95.toFixed(1)} / max ${alone.max.toFixed(0)} ms; slowest ${slowest.map(anatomy).join('; ')}`, { max: 50 }),
    ];
  } finally {
    clearInterval(timer);
    store.close();
    rmSync(dir, { recursive: true, force: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  }
}
