// A small pool of extractor worker threads (one per spare core). The worker is the TypeScript file
// extract-worker.ts, started through tsx's loader (tests, CLI, browser mode), or a compiled
// extract-worker.{cjs,mjs,js} beside this module when the app is bundled. When no worker can start
// (no tsx, no compiled worker, a sandbox refusing threads), extraction runs in this thread instead,
// and `fallbackReason` says why, so that callers can report it.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractOptions, Extraction } from '../../shared/extract/types';
import type { ExtractFn } from './extractor';

export interface PoolOptions {
  /** number of workers; default: one per core beyond the first, at least one */
  size?: number;
  /** file URL of a module exporting `extractArticle` for the workers (tests); default the real extractor */
  extractorModule?: string;
  /** the in-thread extractor used when workers cannot start; loaded lazily by default */
  inThread?: () => Promise<ExtractFn>;
  /** how long a worker may take to load the extractor before the pool gives up on workers */
  startTimeoutMs?: number;
  /** told once when extraction falls back to this thread (the app logs it) */
  onFallback?: (reason: string) => void;
  /** a worker's heap limit in MiB (default WORKER_HEAP_MB) */
  heapMb?: number;
}

/**
 * A worker's old-generation heap, in MiB. The extractor keeps ~50 MiB alive, but without a limit
 * V8 lets a busy worker's heap grow by hundreds of MiB of garbage (and compiled name patterns)
 * before it collects: a 1,000-file batch took it from 100 to 290 MiB and counting (S6 wants memory
 * flat). Under this limit it stays near 100 MiB. A text too big for it (far beyond a 1 MB article,
 * which needs less) is extracted again in this thread, and a new worker takes the next ones.
 */
export const WORKER_HEAP_MB = 256;

interface Pending { resolve: (e: Extraction) => void; reject: (e: Error) => void; job?: Job }
interface Slot { worker: Worker; busy: boolean; pending: Map<number, Pending> }
interface Job { id: number; text: string; options: ExtractOptions; pending: Pending }

const here = typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));

/** The ES module entry of tsx's loader API (its CommonJS twin cannot register the ESM hooks). */
function tsxEsmApi(): string | null {
  try {
    const manifest = createRequire(join(here, 'x.js')).resolve('tsx/package.json');
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
    const entry = exports['./esm/api']?.import?.default;
    const file = entry ? join(dirname(manifest), entry) : null;
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** A file URL of tsx's loader for `node --import`, so that a child process can run a .ts file; null without tsx. */
export function tsxLoaderUrl(): string | null {
  try {
    const manifest = createRequire(join(here, 'x.js')).resolve('tsx/package.json');
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, unknown> };
    const entry = exports['.'];
    const file = typeof entry === 'string' ? join(dirname(manifest), entry) : null;
    return file && existsSync(file) ? pathToFileURL(file).href : null;
  } catch {
    return null;
  }
}

/** How to start a worker here: a compiled file, or the .ts file through tsx; null if neither works. */
function workerEntry(heapMb: number): { spawn: (data: unknown) => Worker } | null {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  for (const name of ['extract-worker.cjs', 'extract-worker.mjs', 'extract-worker.js']) {
    const file = join(here, name);
    if (existsSync(file)) return { spawn: (workerData) => new Worker(file, { workerData, resourceLimits }) };
  }
  const source = join(here, 'extract-worker.ts');
  if (!existsSync(source)) return null;
  const tsxApi = tsxEsmApi();
  if (!tsxApi) return null;
  // --import tsx in execArgv does not reach a worker's first module, so a tiny script registers
  // tsx's loader inside the worker and then imports the TypeScript worker
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
  return { spawn: (workerData) => new Worker(boot, { eval: true, workerData, resourceLimits }) };
}

export class ExtractorPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private starting: Promise<void> | null = null;
  private inThread: ExtractFn | null = null;
  /** why extraction runs in this thread instead of workers, or null while workers are used */
  fallbackReason: string | null = null;
  private closed = false;
  private fallbackReported = false;

  constructor(private readonly options: PoolOptions = {}) {}

  get size(): number {
    return this.options.size ?? Math.max(1, availableParallelism() - 1);
  }

  get mode(): 'workers' | 'in-thread' | 'not started' {
    if (this.fallbackReason) return 'in-thread';
    return this.slots.length > 0 ? 'workers' : 'not started';
  }

  async extract(text: string, options: ExtractOptions): Promise<Extraction> {
    if (this.closed) throw new Error('The extractor pool is closed');
    this.starting ??= this.start();
    await this.starting;
    if (this.fallbackReason || this.slots.length === 0) {
      if (!this.fallbackReported) this.options.onFallback?.(this.fallbackReason ?? 'no worker is running');
      this.fallbackReported = true;
      return this.runInThread(text, options);
    }
    return new Promise<Extraction>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, options, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private async runInThread(text: string, options: ExtractOptions): Promise<Extraction> {
    this.inThread ??= await (this.options.inThread ?? (async () => (await import('./extractor')).defaultExtract))();
    return this.inThread(text, options);
  }

  private async start(): Promise<void> {
    const entry = workerEntry(this.options.heapMb ?? WORKER_HEAP_MB);
    if (!entry) {
      this.fallbackReason = 'no extractor worker is available here (neither a compiled worker nor tsx was found)';
      return;
    }
    try {
      const started = await Promise.all(Array.from({ length: this.size }, () => this.startOne(entry.spawn)));
      this.slots.push(...started);
    } catch (error) {
      for (const slot of this.slots) void slot.worker.terminate();
      this.slots = [];
      this.fallbackReason = `extractor workers could not start (${(error as Error).message})`;
    }
  }

  private startOne(spawn: (data: unknown) => Worker): Promise<Slot> {
    return new Promise<Slot>((resolve, reject) => {
      const worker = spawn({ extractorModule: this.options.extractorModule });
      const slot: Slot = { worker, busy: false, pending: new Map() };
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error('timed out loading the extractor'));
      }, this.options.startTimeoutMs ?? 30_000);
      worker.unref(); // an idle pool never keeps the CLI or a test process alive
      worker.on('message', (message: { ready?: boolean; fatal?: string; id?: number; extraction?: Extraction; error?: string }) => {
        if (message.ready) {
          clearTimeout(timer);
          resolve(slot);
          return;
        }
        if (message.fatal !== undefined) {
          clearTimeout(timer);
          reject(new Error(message.fatal));
          return;
        }
        const pending = slot.pending.get(message.id ?? -1);
        if (!pending) return;
        slot.pending.delete(message.id!);
        slot.busy = false;
        if (message.error !== undefined) pending.reject(new Error(message.error));
        else pending.resolve(message.extraction!);
        this.dispatch();
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
        if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory(slot);
        else this.fail(slot, `the extractor stopped unexpectedly (${error.message})`);
      });
      worker.on('exit', () => this.fail(slot, 'the extractor stopped unexpectedly'));
    });
  }

  /**
   * A worker that ran out of heap (a very large text) leaves the pool; its job is extracted again
   * in this thread, which has no such limit, and a new worker is started for the next jobs.
   */
  private outOfMemory(slot: Slot): void {
    if (!this.slots.includes(slot)) return;
    for (const pending of slot.pending.values()) {
      if (pending.job) this.runInThread(pending.job.text, pending.job.options).then(pending.resolve, pending.reject);
      else pending.reject(new Error('the extractor ran out of memory'));
    }
    slot.pending.clear();
    this.slots = this.slots.filter((s) => s !== slot);
    if (this.slots.length > 0 || this.closed) return;
    // jobs wait for the new worker (extract() awaits `starting`); if none starts, this thread takes them
    this.starting = this.start().then(() => {
      if (this.fallbackReason || this.slots.length === 0) {
        for (const job of this.queue.splice(0)) this.runInThread(job.text, job.options).then(job.pending.resolve, job.pending.reject);
      } else this.dispatch();
    });
  }

  /** A dead worker fails its job and leaves the pool; the others (or this thread) carry on. */
  private fail(slot: Slot, message: string): void {
    if (!this.slots.includes(slot) && slot.pending.size === 0) return; // already gone (an error, then its exit)
    for (const pending of slot.pending.values()) pending.reject(new Error(message));
    slot.pending.clear();
    this.slots = this.slots.filter((s) => s !== slot);
    if (this.slots.length === 0 && !this.closed && this.starting) {
      // nothing left to run on: later jobs run in this thread
      this.fallbackReason ??= message;
      for (const job of this.queue.splice(0)) this.runInThread(job.text, job.options).then(job.pending.resolve, job.pending.reject);
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.busy = true;
      const { resolve, reject } = job.pending;
      const release = () => slot.worker.unref();
      slot.pending.set(job.id, { resolve: (e) => { release(); resolve(e); }, reject: (e) => { release(); reject(e); }, job });
      slot.worker.ref(); // keep the process alive while a job is out
      slot.worker.postMessage({ id: job.id, text: job.text, options: job.options });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

let shared: ExtractorPool | null = null;

/** The process-wide pool used by the API handlers and the CLI. */
export function sharedPool(): ExtractorPool {
  shared ??= new ExtractorPool({
    onFallback: (reason) => console.warn(`Skein: article extraction runs in the main process: ${reason}`),
  });
  return shared;
}
