// `skein import --db FILE <files or folders…>`: batch import with automatic acceptance, a progress
// line per file on stderr, a summary, and exit status 1 when any file failed.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { detectGraphFileKind, importGraph } from '../../db/import-graph';
import { importSnapshot } from '../../db/snapshot/import';
import type { EventPayload } from '../../shared/api/events';
import { GraphStore } from '../../db/store';
import { runBatch } from '../import/batch';
import { ExtractorPool } from '../import/extract-pool';
import { parseCli } from './args';
import { CliError } from './errors';

const HELP = `Usage: skein import --db FILE [--max-mb N] <files or folders…>

Imports articles and documents into an investigation (created if it does not exist), accepting
what the extractor finds. Folders are read recursively. Supported: .txt .md .html .htm .pdf .docx.
Skein snapshots (.skein.json), GraphML and GEXF files named on the command line are recognised by
their content and merged into the investigation instead.
Text already imported is skipped. A file that cannot be read is reported and the rest go on.

  --db FILE     the investigation file (.skein)
  --max-mb N    refuse files larger than N megabytes (default 20)
  -h, --help    this help

Exit status: 0 when every file was imported or skipped, 1 when any failed.`;

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    db: { type: 'string' }, 'max-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.db) throw new CliError(`--db FILE is required\n\n${HELP}`);
  if (positionals.length === 0) throw new CliError(`give at least one file or folder to import\n\n${HELP}`);
  const maxMb = values['max-mb'] === undefined ? 20 : Number(values['max-mb']);
  if (!(maxMb > 0)) throw new CliError(`--max-mb must be a positive number, not "${values['max-mb']}"`);

  const store = new GraphStore(values.db);
  const pool = new ExtractorPool();
  try {
    const paths = positionals.map((p) => resolve(p));
    const graphFiles = paths.filter((p) => isFile(p) && detectGraphFileKind(p) !== null);
    const graphFailures = importGraphFiles(store, graphFiles);
    const articles = paths.filter((p) => !graphFiles.includes(p));
    if (articles.length === 0) return graphFailures > 0 ? 1 : 0;
    const result = await runBatch(store, articles, {
      maxBytes: Math.round(maxMb * 1024 * 1024),
      extract: (text, options) => pool.extract(text, options),
      emit: (event, payload) => {
        if (event !== 'task.progress') return;
        const { done, total, message } = payload as EventPayload<'task.progress'>;
        if (done > 0) process.stderr.write(`[${done}/${total}] ${message}\n`);
      },
    });
    if (pool.fallbackReason) process.stderr.write(`note: extraction ran in the main thread: ${pool.fallbackReason}\n`);
    const entities = result.imported.reduce((n, f) => n + f.entities, 0);
    const claims = result.imported.reduce((n, f) => n + f.claims, 0);
    const lines = [
      `Imported ${result.imported.length} file${result.imported.length === 1 ? '' : 's'} (${entities} entities, ${claims} claims) into ${values.db}`,
    ];
    if (result.skipped.length > 0) lines.push(`Skipped ${result.skipped.length} already imported`);
    if (result.failed.length > 0) {
      lines.push(`Failed ${result.failed.length}:`);
      for (const failure of result.failed) lines.push(`  ${failure.path}: ${failure.error}`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    return result.failed.length + graphFailures > 0 ? 1 : 0;
  } finally {
    await pool.close();
    store.close();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Snapshots, GraphML and GEXF: one transaction each; returns how many failed. */
function importGraphFiles(store: GraphStore, paths: string[]): number {
  let failed = 0;
  for (const path of paths) {
    const name = basename(path);
    try {
      if (detectGraphFileKind(path) === 'snapshot') {
        const result = importSnapshot(store, path);
        const added = Object.entries(result.added).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing new';
        process.stderr.write(`${name}: snapshot merged: added ${added}; ${result.conflictCount} conflicts, ${result.suggestions.length} merge suggestions\n`);
      } else {
        const result = importGraph(store, path);
        process.stderr.write(`${name}: ${result.format} with ${result.nodes} nodes and ${result.edges} edges → ${result.entities} entities, ${result.relations} relations\n`);
      }
    } catch (error) {
      failed += 1;
      process.stderr.write(`${name}: ${(error as Error).message}\n`);
    }
  }
  return failed;
}
