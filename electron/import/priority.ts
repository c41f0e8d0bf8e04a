// The background batch import runs in a process of its own at the lowest CPU priority, so that on
// a 2-core machine the app's reads (and the windows) get a core as soon as they want one (S6).
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * The batch process's nice value: the lowest priority. Measured with S6 (2026-12-03, one reader
 * process beside the batch): with every thread of the batch at 19, reads waited 0–2 ms for a core
 * (max 38 ms at 11 % host steal); with only the writing thread at 19 and the rest (V8's GC
 * threads, the extractor at 5) as they were, a read still waited 57 ms (max 90 ms). The batch took
 * as long either way (81–99 s): it uses what the reads leave, which is most of the machine.
 */
export const BATCH_NICE = 19;

/**
 * Lowers this whole process to `nice`. On Linux a nice value belongs to each thread, and a thread
 * takes its creator's when it starts, so every thread running now is lowered (V8's and libuv's
 * helpers included) and those started later follow; elsewhere the call lowers the process. A thread
 * already nicer is left as it is; a refusal (a sandbox) leaves the normal priority.
 */
export function lowerProcessPriority(nice: number): void {
  if (process.platform !== 'linux') {
    try {
      if (getPriority(0) < nice) setPriority(0, nice);
    } catch {
      // not allowed here: the batch runs at the normal priority
    }
    return;
  }
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const tid of threads.map(Number)) {
    try {
      if (getPriority(tid) < nice) setPriority(tid, nice);
    } catch {
      // the thread ended meanwhile, or this is not allowed here
    }
  }
}
