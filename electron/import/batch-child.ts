// The background import process (started by batch-process.ts): it opens the investigation on a
// connection of its own, lowers its priority, and either runs a batch of paths (runBatch,
// extraction in its own worker thread) or imports the files "Import all" sends it one by one
// (autoImport), reporting to its parent over the IPC channel. Messages in: { start } then { cancel }
// at any time, or { auto } as many times as needed; { exit } to end. Out: { event, payload }
// (progress), { notice } (a commit, for the windows), then { done: { result, stats } } or
// { failed: { code, message } } for a batch, { autoDone } or { autoFailed } for each file.
import { readdirSync } from 'node:fs';
import { GraphStore } from '../../db/store';
import { ApiError } from '../../shared/api/errors';
import type { AutoArgs, AutoResult, BatchResult } from '../../shared/api/import';
import { runBatch } from './batch';
import { ExtractorPool } from './extract-pool';
import { autoImport } from './pipeline';
import { BATCH_NICE, lowerProcessPriority } from './priority';
import { taskStat } from './proc-stat';
import { cancelTask } from './tasks';

export interface BatchStart {
  dbPath: string;
  paths: string[];
  taskId: string;
  maxBytes?: number;
  /** tests: a file URL of a stand-in extractor module for the extractor worker */
  extractorModule?: string;
}

/** What the batch process says about itself when it is done (the S6 bench prints it). */
export interface BatchStats {
  pid: number;
  extractions: number;
  extractor: string;
  /** CPU seconds of the whole process, extraction included */
  cpuSeconds: number;
  /** CPU seconds of its main thread (reading, resolution, writes); null off Linux */
  writerCpuSeconds: number | null;
  /** the highest priority (lowest nice value) among its threads at the end; null off Linux */
  nice: number | null;
}

/** One file of "Import all" for the child to import. */
export interface AutoJob {
  id: number;
  dbPath: string;
  args: AutoArgs;
  extractorModule?: string;
}

export type ChildMessage =
  | { event: string; payload: unknown }
  | { autoDone: { id: number; result: AutoResult } }
  | { autoFailed: { id: number; code: string; message: string } }
  | { notice: { historyId: number | null; action: string; nodeIds: string[] } }
  | { done: { result: BatchResult; stats: BatchStats } }
  | { failed: { code: string; message: string } };

function linuxOnly<T>(read: () => T): T | null {
  try {
    return process.platform === 'linux' ? read() : null;
  } catch {
    return null;
  }
}

async function run(start: BatchStart, send: (message: ChildMessage) => void): Promise<void> {
  const store = new GraphStore(start.dbPath, { checkIntegrity: false, mustExist: true });
  const pool = new ExtractorPool({ extractorModule: start.extractorModule });
  let extractions = 0;
  let done: { result: BatchResult; stats: BatchStats };
  try {
    store.onChange((notice) => send({ notice }));
    const result = await runBatch(store, start.paths, {
      taskId: start.taskId,
      maxBytes: start.maxBytes,
      extract: (text, options) => {
        extractions++;
        return pool.extract(text, options);
      },
      emit: (event, payload) => send({ event, payload }),
    });
    const cpu = process.cpuUsage();
    const stats: BatchStats = {
      pid: process.pid,
      extractions,
      extractor: pool.mode,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      writerCpuSeconds: linuxOnly(() => {
        const field = taskStat();
        return (field(14) + field(15)) / 100; // utime + stime in clock ticks (USER_HZ 100)
      }),
      nice: linuxOnly(() => Math.min(...readdirSync('/proc/self/task').map((tid) => taskStat(Number(tid))(19)))),
    };
    done = { result, stats };
  } finally {
    await pool.close();
    store.close();
  }
  send({ done });
}

/** The way to the parent: Electron's utilityProcess port in the app, Node's IPC channel elsewhere. */
interface ParentLink {
  send: (message: ChildMessage) => void;
  onMessage: (listener: (message: unknown) => void) => void;
}

function parentLink(): ParentLink | null {
  const port = (process as { parentPort?: { postMessage: (m: unknown) => void; on: (e: 'message', l: (event: { data: unknown }) => void) => void } }).parentPort;
  if (port) return { send: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', (event) => listener(event.data)) };
  if (!process.send) return null;
  return {
    send: (message) => {
      if (process.connected) process.send!(message);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}

/** The connection and extractor kept open between the files "Import all" sends one by one. */
interface Session { dbPath: string; store: GraphStore; pool: ExtractorPool }

function failure(error: unknown): { code: string; message: string } {
  return { code: error instanceof ApiError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) };
}

function main(link: ParentLink): void {
  let taskId: string | null = null;
  let session: Session | null = null;
  // files are imported one after the other, in the order they came
  let queue: Promise<void> = Promise.resolve();
  const openSession = (job: AutoJob): Session => {
    if (session && session.dbPath !== job.dbPath) throw new ApiError('internal', 'the import process serves another investigation');
    if (!session) {
      const store = new GraphStore(job.dbPath, { checkIntegrity: false, mustExist: true });
      store.onChange((notice) => link.send({ notice }));
      session = { dbPath: job.dbPath, store, pool: new ExtractorPool({ extractorModule: job.extractorModule }) };
    }
    return session;
  };
  const leave = async () => {
    await queue;
    const open = session;
    session = null;
    await open?.pool.close();
    open?.store.close();
    process.exit(0);
  };
  link.onMessage((raw) => {
    const message = raw as { start?: BatchStart; auto?: AutoJob; cancel?: boolean; exit?: boolean };
    if (message.exit) {
      void leave();
      return;
    }
    if (message.cancel) {
      if (taskId) cancelTask(taskId);
      return;
    }
    const job = message.auto;
    if (job) {
      queue = queue.then(async () => {
        try {
          const { store, pool } = openSession(job);
          const result = await autoImport(store, job.args, { extract: (text, options) => pool.extract(text, options) });
          link.send({ autoDone: { id: job.id, result } });
        } catch (error) {
          link.send({ autoFailed: { id: job.id, ...failure(error) } });
        }
      });
      return;
    }
    if (!message.start || taskId) return;
    taskId = message.start.taskId;
    // after its answer the child waits for the parent's { exit }, so that the answer is never
    // lost to an early exit
    run(message.start, link.send).catch((error: unknown) => {
      link.send({ failed: failure(error) });
    });
  });
  // the app went away (quit, crash): stop after the file being written (it commits or not as a
  // whole); with the channel closed, the process ends when its work does
  process.on('disconnect', () => {
    if (taskId) cancelTask(taskId);
    if (session) void leave();
  });
}

const link = parentLink();
if (link) {
  lowerProcessPriority(BATCH_NICE);
  main(link);
}
