// A worker thread that runs the extractor, so that a batch import keeps the main process (and with
// it the windows' API calls) responsive. Messages: { id, text, options } in, { id, extraction } or
// { id, error } out. It announces { ready } once the extractor module is loaded.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractOptions } from '../../shared/extract/types';
import type { ExtractFn } from './extractor';

interface Job { id: number; text: string; options: ExtractOptions }

/**
 * The extractor's nice value. A batch runs the extractor inside the batch process, which is at the
 * lowest priority as a whole (priority.ts: there, lowering the writer and V8's helper threads too is
 * what made reads from another process stop waiting for a core) and the worker keeps that. Here it
 * matters for the app's own pool (previews): mildly below the windows' threads. Measured with the
 * older in-process batch: at 10 the extractor starved under a load of 6–8 (238 s instead of ~90);
 * at 19 alone it made reads no faster. Only on Linux, where a thread has a nice value of its own:
 * elsewhere this call would lower the whole process.
 */
export const EXTRACTOR_NICE = 5;

function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    // pid 0 is this thread; a process already started nicer than that is left as it is
    if (getPriority(0) < EXTRACTOR_NICE) setPriority(0, EXTRACTOR_NICE);
  } catch {
    // not allowed here (a sandbox): extraction runs at the normal priority
  }
}

async function load(): Promise<ExtractFn> {
  // tests point the worker at a stand-in extractor module (a file URL); the app uses the real one
  const module = (workerData as { extractorModule?: string } | null)?.extractorModule;
  if (module) return ((await import(module)) as { extractArticle: ExtractFn }).extractArticle;
  return (await import('./extractor')).defaultExtract;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  lowerPriority();
  const extract = await load();
  port.on('message', (job: Job) => {
    void (async () => {
      try {
        port.postMessage({ id: job.id, extraction: await extract(job.text, job.options) });
      } catch (error) {
        port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  port.postMessage({ ready: true });
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ fatal: error instanceof Error ? error.message : String(error) });
});
