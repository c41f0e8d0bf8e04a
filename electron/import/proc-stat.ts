// Linux's per-thread counters: the batch process's report on itself (batch-child.ts) and the S6
// bench's account of where a read's time went.
import { readFileSync } from 'node:fs';

/** A /proc stat file read now, as a lookup of field `n` (numbered from 1, as in proc(5)). */
function statFields(path: string): (n: number) => number {
  const stat = readFileSync(path, 'utf8');
  // from field 3 on: the command name (field 2) may hold spaces and parentheses
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (n) => Number(rest[n - 3]);
}

/** A thread's /proc/<pid>/task/<tid>/stat (this process's main thread by default). Throws off Linux. */
export function taskStat(tid = process.pid, pid = process.pid): (n: number) => number {
  return statFields(`/proc/${pid}/task/${tid}/stat`);
}

/** A whole process's /proc/<pid>/stat (CPU times summed over its threads). Throws off Linux. */
export function processStat(pid: number): (n: number) => number {
  return statFields(`/proc/${pid}/stat`);
}
