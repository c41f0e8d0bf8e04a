// Bench reporting: timing samples, percentiles, the machine line and the result rows that
// bench/main.ts prints and writes to bench/.cache/last-results.json.
import { cpus, totalmem } from 'node:os';

export interface Row {
  id: string; // budget id (S1, S2, …)
  what: string;
  samples: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  unit: string;
  size: string; // result size, or the measured quantity for rows that are not latencies
  pass: boolean | null; // null: informational row, not judged
  budget: string;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Summary { p50: number; p95: number; max: number; n: number }

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN, n: sorted.length };
}

/** A latency row judged against p50 / p95 / max limits (ms; undefined: not budgeted). */
export function latencyRow(id: string, what: string, samples: number[], size: string, limits: { p50?: number; p95?: number; max?: number }): Row {
  const s = summarize(samples);
  const judged = limits.p50 !== undefined || limits.p95 !== undefined || limits.max !== undefined;
  const pass = judged
    ? (limits.p50 === undefined || s.p50 <= limits.p50) && (limits.p95 === undefined || s.p95 <= limits.p95) && (limits.max === undefined || s.max <= limits.max)
    : null;
  const budget = [limits.p50 !== undefined ? `p50 ≤ ${limits.p50}` : '', limits.p95 !== undefined ? `p95 ≤ ${limits.p95}` : '', limits.max !== undefined ? `max ≤ ${limits.max}` : '']
    .filter(Boolean).join(', ');
  return { id, what, samples: s.n, p50: s.p50, p95: s.p95, max: s.max, unit: 'ms', size, pass, budget: budget || '(info)' };
}

export function machineLine(sqliteVersion: string): string {
  const cpu = cpus();
  return `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, SQLite ${sqliteVersion}, ${process.platform}/${process.arch}`;
}

const fmt = (v: number | null) => (v === null || Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));

export function printRow(row: Row, log: (line: string) => void): void {
  const verdict = row.pass === null ? '' : row.pass ? '  PASS' : '  FAIL';
  if (row.p50 === null) {
    log(`${row.id.padEnd(3)} ${row.what.padEnd(46)} ${row.size}${verdict}`);
    return;
  }
  log(`${row.id.padEnd(3)} ${row.what.padEnd(46)} n=${String(row.samples).padEnd(5)} p50 ${fmt(row.p50).padStart(6)}  p95 ${fmt(row.p95).padStart(6)}  max ${fmt(row.max).padStart(6)} ${row.unit}   ${row.size}${verdict}`);
}

export function printSummary(rows: readonly Row[], log: (line: string) => void): void {
  log('');
  log('| budget | what | p50 | p95 | max | result | budget | verdict |');
  log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows.filter((r) => r.pass !== null)) {
    log(`| ${row.id} | ${row.what} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.max)} | ${row.size} | ${row.budget} | ${row.pass ? 'PASS' : 'FAIL'} |`);
  }
}
