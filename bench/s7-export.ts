// S7: snapshot and GraphML export of the 1M-entity investigation, streamed: time and peak RSS.
// Each export runs in a fresh child process so its peak RSS (VmHWM) is its own, not the bench
// runner's. Standalone: `npx tsx --expose-gc bench/s7-export.ts --db PATH`; the runner calls
// `benchExport(dbPath)`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GraphStore } from '../db/store';
import { runExport, type ExportFormat } from '../db/export';
import type { Row } from './report';

const MIB = 2 ** 20;
const BUDGET_MIB = 500;

interface Measure { format: ExportFormat; seconds: number; peakMiB: number; openPeakMiB: number; bytes: number; counts: Record<string, number> }

function peakRssMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb > 0 ? kb / 1024 : process.memoryUsage().rss / MIB;
}

/** Runs one export in this process and measures it (the child side). */
function measureHere(dbPath: string, format: ExportFormat, out: string): Measure {
  const store = new GraphStore(dbPath, { readonly: true, mustExist: true, checkIntegrity: false });
  const openPeakMiB = peakRssMiB();
  // Reset the high-water mark after opening (Linux clear_refs 5), so the peak is the export's own:
  // opening currently reads the whole file once (db/open.ts's magic check), which is not the export.
  (globalThis as { gc?: () => void }).gc?.();
  try { writeFileSync('/proc/self/clear_refs', '5'); } catch { /* not Linux: the peak includes the open */ }
  try {
    const started = performance.now();
    const result = runExport(store.db, { format, path: out, scope: { kind: 'investigation' }, appVersion: 'bench' });
    return { format, seconds: (performance.now() - started) / 1000, peakMiB: peakRssMiB(), openPeakMiB, bytes: result.bytes, counts: result.counts };
  } finally {
    store.close();
  }
}

function measureInChild(dbPath: string, format: ExportFormat, out: string): Measure {
  const json = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', import.meta.filename, '--db', dbPath, '--format', format, '--out', out, '--child'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * MIB });
  return JSON.parse(json.trim().split('\n').pop()!) as Measure;
}

export function benchExport(dbPath: string): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'skein-s7-'));
  try {
    return (['snapshot', 'graphml'] as const).map((format) => {
      const m = measureInChild(dbPath, format, join(dir, `out.${format}`));
      const entities = m.counts.entities ?? m.counts.nodes ?? 0;
      return {
        id: 'S7', what: `${format} export, streamed (peak RSS)`, samples: 1, p50: null, p95: null, max: null, unit: '',
        size: `${m.peakMiB.toFixed(0)} MiB peak RSS (opening the file alone: ${m.openPeakMiB.toFixed(0)} MiB), ${m.seconds.toFixed(1)} s, ${(m.bytes / MIB).toFixed(0)} MiB written (${entities.toLocaleString('en')} ${m.counts.entities !== undefined ? 'entities' : 'nodes'})`,
        pass: m.peakMiB <= BUDGET_MIB, budget: `peak RSS ≤ ${BUDGET_MIB} MiB`,
      } satisfies Row;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, child: { type: 'boolean' } } });
  if (!values.db) {
    process.stderr.write('Usage: npx tsx --expose-gc bench/s7-export.ts --db PATH\n');
    process.exit(1);
  }
  if (values.child) {
    process.stdout.write(`${JSON.stringify(measureHere(values.db, values.format as ExportFormat, values.out!))}\n`);
  } else {
    for (const row of benchExport(values.db)) process.stdout.write(`${row.id} ${row.what}: ${row.size} — ${row.pass ? 'PASS' : 'FAIL'} (${row.budget})\n`);
  }
}
