// `npm run bench [-- --entities N] [--only S1,S2,S3,S4,S5,S6,S7,R] [--runs N] [--limit N] [--articles N]`: builds (or reuses) the
// fixed-seed investigation, measures the budgets of PERFORMANCE.md, prints p50 / p95 / max per row
// with the machine it ran on (R1–R5 run in Chromium when `R` is named: build the renderer first), a PASS/FAIL table, and writes bench/.cache/last-results.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GraphStore } from '../db/store';
import { createRouter } from '../electron/router';
import { CACHE_DIR, ensureDataset } from './generate';
import { machineLine, printRow, printSummary, type Row } from './report';
import { benchLoad } from './s1-load';
import { benchNeighborhood, S2_LIMIT } from './s2-neighborhood';
import { benchSearch } from './s3-search';
import { benchBatch } from './s6-batch';
import { benchRender } from './render';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '100000' },
      only: { type: 'string' },
      runs: { type: 'string', default: '200' },
      limit: { type: 'string', default: String(S2_LIMIT) },
      articles: { type: 'string', default: '1000' },
      // S6 as the CLI and import.batch run it (batch), or as the windows' "Import all" does (auto)
      's6-mode': { type: 'string', default: 'batch' },
    },
  });
  const entities = Number(values.entities);
  const runs = Number(values.runs);
  const limit = Number(values.limit);
  if (!Number.isInteger(entities) || entities < 1000) throw new Error('--entities must be an integer ≥ 1000');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new Error('--limit must be 1–500');
  const articles = Number(values.articles);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');
  const s6Mode = values['s6-mode'];
  if (s6Mode !== 'batch' && s6Mode !== 'auto') throw new Error('--s6-mode must be batch or auto');
  const only = new Set((values.only ?? 'S1,S2,S3,S4,S5,S6,S7').split(',').map((s) => s.trim().toUpperCase()));

  const started = Date.now();
  const dataset = ensureDataset(entities, (line) => log(`  generate: ${line}`));
  log(dataset.cached ? `dataset: ${dataset.path} (cached)` : `dataset: built ${dataset.path} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const store = new GraphStore(dataset.path, { history: false, checkIntegrity: false });
  const sqlite = (store.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  log(machineLine(sqlite));
  log(`investigation: ${entities.toLocaleString('en')} entities, ${dataset.stats.edgeRows.toLocaleString('en')} edge rows, runs ${runs}`);
  log('');
  const router = createRouter({ store, appVersion: 'bench' });
  const rows: Row[] = [];
  const emit = (more: Row[]) => {
    for (const row of more) printRow(row, log);
    rows.push(...more);
  };
  try {
    if (only.has('S1')) emit(benchLoad(dataset));
    if (only.has('S2')) emit(await benchNeighborhood(router, { entities, runs, limit }));
    if (only.has('S3')) emit(await benchSearch(router, store.db, { runs }));
    if (only.has('S4')) emit(await benchS4(store, runs));
    if (only.has('S5')) emit(await benchS5());
    if (only.has('S6')) emit(await benchBatch(dataset.path, entities, articles, log, s6Mode));
    if (only.has('S7')) emit(await benchS7(dataset.path));
  } finally {
    store.close();
  }
  // R1–R5 drive Chromium against browser mode on the same investigation (needs `npm run build:renderer`)
  if (only.has('R')) emit(await benchRender(dataset.path, Math.max(1, Math.min(runs, 5)), log));
  printSummary(rows, log);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(join(CACHE_DIR, 'last-results.json'), JSON.stringify({
    at: new Date().toISOString(), machine: machineLine(sqlite), entities, runs, limit, dataset: dataset.stats, rows,
  }, null, 2));
}

/** Benches written by other people live in their own files; run them when present. */
async function optional<T>(name: string): Promise<T | null> {
  const file = join(import.meta.dirname, `${name}.ts`);
  return existsSync(file) ? ((await import(pathToFileURL(file).href)) as T) : null;
}

async function benchS4(store: GraphStore, runs: number): Promise<Row[]> {
  type S4 = { label: string; p50: number; p95: number; max: number; runs: number; meanPaths: number };
  const module = await optional<{ benchPaths: (store: GraphStore, runs: number) => Promise<S4[]> }>('s4-paths');
  if (!module) return [];
  const rows = await module.benchPaths(store, Math.min(runs, 100));
  return rows.map((r) => ({
    id: 'S4', what: r.label, samples: r.runs, p50: r.p50, p95: r.p95, max: r.max, unit: 'ms', size: `paths avg ${r.meanPaths.toFixed(1)}`,
    pass: r.p50 <= 50 && r.p95 <= 250, budget: 'p50 ≤ 50, p95 ≤ 250',
  }));
}

async function benchS5(): Promise<Row[]> {
  const module = await optional<{ benchExtraction: () => Promise<{ p50: number; p95: number; max: number; words: number }> }>('s5-extract');
  if (!module) return [];
  const r = await module.benchExtraction();
  return [{
    id: 'S5', what: `article extraction, ${r.words} words`, samples: 40, p50: r.p50, p95: r.p95, max: r.max, unit: 'ms',
    size: `${r.words} words`, pass: r.p50 <= 150, budget: 'p50 ≤ 150',
  }];
}

async function benchS7(path: string): Promise<Row[]> {
  const module = await optional<{ benchExport: (path: string) => Row[] }>('s7-export');
  return module ? module.benchExport(path) : [];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
