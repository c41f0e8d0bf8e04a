// Batch import in a background process. The batch (reading, extraction, resolution, one commit per
// file) runs in a child process on its own connection to the investigation, at the lowest CPU
// priority (priority.ts), while this process keeps answering the windows' calls: their reads never
// wait for a commit or a gazetteer lookup of the batch, and on a 2-core machine they get a core as
// soon as they want one (S6). The child is batch-child.ts: a compiled batch-child.cjs beside this
// module in the bundled app, or the .ts file through tsx elsewhere. The desktop app starts it as an
// Electron utility process (electron/main.ts sets the spawner); browser mode, the bench and the
// tests fork it with Node. Progress events and commit notices are passed on as they come; a cancel
// is sent to the child, which stops after the file it is writing. An in-memory investigation
// (tests), or a place where no child can start, runs the batch in this process instead.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError, type ErrorCode } from '../../shared/api/errors';
import type { AutoArgs, AutoResult, BatchResult } from '../../shared/api/import';
import type { GraphStore } from '../../db/store';
import { runBatch, type BatchOptions } from './batch';
import type { AutoJob, BatchStart, BatchStats, ChildMessage } from './batch-child';
import { tsxLoaderUrl } from './extract-pool';
import { autoImport } from './pipeline';
import { startTask } from './tasks';

/** A script to run as the child, and the runtime's flags for it. */
interface ChildEntry { file: string; execArgv: string[] }

export interface BackgroundOptions extends Pick<BatchOptions, 'taskId' | 'emit' | 'maxBytes'> {
  /** told the child's process id once it runs (the S6 bench samples its memory) */
  onStart?: (pid: number) => void;
  /** told what the child says about itself at the end (the S6 bench prints it) */
  onStats?: (stats: BatchStats) => void;
  /** tests: a file URL of a stand-in extractor module for the child's extractor worker */
  extractorModule?: string;
  /** tests: the child's script (a bundled batch-child.cjs) instead of the one found beside this module */
  entry?: ChildEntry;
}

/** What the host needs to hear from a started child. */
export interface ChildEvents {
  spawn: (pid: number) => void;
  message: (message: ChildMessage) => void;
  /** the process ended, after its last message was delivered */
  exit: (code: number | null, signal: string | null) => void;
  error: (error: Error) => void;
}

/** Starts `file` as a child process with a message channel; returns how to send to it. */
export type SpawnChild = (file: string, execArgv: string[], events: ChildEvents) => { send: (message: unknown) => void };

/** Node's fork: an IPC channel with structured clones. */
export const forkChild: SpawnChild = (file, execArgv, events) => {
  // stdout and stderr are this process's, so that a crash in the child is logged where the app logs
  const child = fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('spawn', () => {
    if (child.pid !== undefined) events.spawn(child.pid);
  });
  child.on('message', (message) => events.message(message as ChildMessage));
  child.on('error', events.error);
  // 'close' comes after the child's last message has been read ('exit' may come before it)
  child.on('close', (code, signal) => events.exit(code, signal));
  return { send: (message) => {
    if (child.connected) child.send(message as never);
  } };
};

let spawner: SpawnChild = forkChild;

/** The desktop app starts the child as an Electron utility process instead of a Node fork. */
export function setChildSpawner(spawn: SpawnChild): void {
  spawner = spawn;
}

const here = typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));

/**
 * How to start the child for `store`: the given script (tests), the compiled one, or the .ts file
 * through tsx; null (work in this process) for an in-memory investigation or when none can start.
 */
function childEntry(store: GraphStore, given?: ChildEntry): ChildEntry | null {
  if (store.path === ':memory:') return null;
  if (given) return given;
  const compiled = join(here, 'batch-child.cjs');
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  const source = join(here, 'batch-child.ts');
  const tsx = tsxLoaderUrl();
  return existsSync(source) && tsx ? { file: source, execArgv: ['--import', tsx] } : null;
}

function stopped(code: number | null, signal: string | null): string {
  return `the import process stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
}

/** Imports files and folders as runBatch does, from a background process when one can run. */
export async function runBatchInBackground(store: GraphStore, paths: readonly string[], options: BackgroundOptions = {}): Promise<BatchResult> {
  const entry = childEntry(store, options.entry);
  if (!entry) return runBatch(store, paths, options);
  const task = startTask(options.taskId);
  try {
    return await new Promise<BatchResult>((resolve, reject) => {
      let settled = false;
      let child: { send: (message: unknown) => void } | null = null;
      const cancel = () => child?.send({ cancel: true });
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        task.signal.removeEventListener('abort', cancel);
        child?.send({ exit: true });
        outcome();
      };
      try {
        child = spawner(entry.file, entry.execArgv, {
          spawn: (pid) => options.onStart?.(pid),
          message: (message) => {
            if ('event' in message) options.emit?.(message.event as never, message.payload as never);
            else if ('notice' in message) store.relay(message.notice);
            else if ('done' in message) {
              options.onStats?.(message.done.stats);
              finish(() => resolve(message.done.result));
            } else if ('failed' in message) finish(() => reject(new ApiError(message.failed.code as ErrorCode, message.failed.message)));
          },
          error: (error) => finish(() => reject(new ApiError('internal', `the import process failed (${error.message})`))),
          exit: (code, signal) => finish(() => reject(new ApiError('internal', `${stopped(code, signal)}; the files it had finished are imported`))),
        });
      } catch (error) {
        finish(() => reject(new ApiError('internal', `the import process could not start (${(error as Error).message})`)));
        return;
      }
      task.signal.addEventListener('abort', cancel);
      const start: BatchStart = { dbPath: store.path, paths: [...paths], taskId: task.taskId, maxBytes: options.maxBytes, extractorModule: options.extractorModule };
      child.send({ start });
    });
  } finally {
    task.finish();
  }
}

/** How long the import process stays up after the last file "Import all" sent it. */
export const AUTO_IDLE_MS = 20_000;

interface Pending { resolve: (result: AutoResult) => void; reject: (error: Error) => void }
interface Running { send: (message: unknown) => void; pending: Map<number, Pending>; idle: ReturnType<typeof setTimeout> | null }

/**
 * "Import all" sends files one at a time (the windows have bytes, not paths): each is previewed and
 * committed as proposed in the background import process, which stays up between files (its
 * extractor loaded, its connection open) and leaves AUTO_IDLE_MS after the last one.
 */
export class BackgroundImporter {
  private running: Running | null = null;
  private nextId = 1;

  constructor(private readonly store: GraphStore, private readonly options: Pick<BackgroundOptions, 'entry' | 'extractorModule' | 'onStart'> = {}) {}

  async importOne(args: AutoArgs): Promise<AutoResult> {
    const entry = childEntry(this.store, this.options.entry);
    if (!entry) return autoImport(this.store, args);
    const running = this.running ?? this.start(entry);
    if (running.idle) clearTimeout(running.idle);
    running.idle = null;
    const id = this.nextId++;
    return new Promise<AutoResult>((resolve, reject) => {
      running.pending.set(id, { resolve, reject });
      const job: AutoJob = { id, dbPath: this.store.path, args, extractorModule: this.options.extractorModule };
      running.send({ auto: job });
    });
  }

  /** Lets the process go now (the investigation is closing); files still being imported finish first. */
  close(): void {
    const running = this.running;
    this.running = null;
    if (running?.idle) clearTimeout(running.idle);
    running?.send({ exit: true });
  }

  private start(entry: ChildEntry): Running {
    const running: Running = { send: () => {}, pending: new Map(), idle: null };
    const settle = (id: number, outcome: (p: Pending) => void) => {
      const pending = running.pending.get(id);
      if (!pending) return;
      running.pending.delete(id);
      outcome(pending);
      if (running.pending.size === 0 && this.running === running) {
        running.idle = setTimeout(() => this.close(), AUTO_IDLE_MS);
        running.idle.unref?.();
      }
    };
    const failAll = (message: string) => {
      if (this.running === running) this.running = null;
      for (const pending of running.pending.values()) pending.reject(new ApiError('internal', message));
      running.pending.clear();
    };
    try {
      const child = spawner(entry.file, entry.execArgv, {
        spawn: (pid) => this.options.onStart?.(pid),
        message: (message) => {
          if ('autoDone' in message) settle(message.autoDone.id, (p) => p.resolve(message.autoDone.result));
          else if ('autoFailed' in message) settle(message.autoFailed.id, (p) => p.reject(new ApiError(message.autoFailed.code as ErrorCode, message.autoFailed.message)));
          else if ('notice' in message) this.store.relay(message.notice);
        },
        error: (error) => failAll(`the import process failed (${error.message})`),
        exit: (code, signal) => failAll(stopped(code, signal)),
      });
      running.send = child.send;
    } catch (error) {
      throw new ApiError('internal', `the import process could not start (${(error as Error).message})`);
    }
    this.running = running;
    return running;
  }
}

const importers = new WeakMap<GraphStore, BackgroundImporter>();

/** The investigation's background importer (one per open investigation). */
export function backgroundImporter(store: GraphStore): BackgroundImporter {
  let importer = importers.get(store);
  if (!importer) {
    importer = new BackgroundImporter(store);
    importers.set(store, importer);
  }
  return importer;
}
