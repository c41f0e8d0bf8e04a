// Linux's per-thread counters: the batch process's report on itself (batch-child.ts) and the S6
// bench's account of where a read's time went.
import { readFileSync } from 'node:fs';

/**
 * A thread's /proc/<pid>/task/<tid>/stat, read now, as a lookup of field `n` (numbered from 1, as in
 * proc(5)). Throws off Linux.
 */
export function taskStat(tid = process.pid): (n: number) => number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  // from field 3 on: the command name (field 2) may hold spaces and parentheses
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (n) => Number(rest[n - 3]);
}
