// `skein export --db FILE --format F --out PATH [--view NAME] [--history]`: writes one export file
// atomically. A view is the setting `view:<NAME>` ({ nodeIds, positions }) saved by the app.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { GraphStore } from '../../db/store';
import { runExport, EXPORT_FORMATS, type ExportFormat } from '../../db/export';
import type { ExportScope } from '../../db/export/scope';
import { parseCli } from './args';
import { CliError } from './errors';

const HELP = `Usage: skein export --db FILE --format FORMAT --out PATH [--view NAME] [--history] [--gexf-version 1.3|1.2draft]

Formats: ${EXPORT_FORMATS.join(', ')}
  snapshot     lossless .skein.json (importable into another investigation); --history adds the change log
  graphml/gexf graphs for Gephi, yEd, networkx (networkx reads GEXF only as --gexf-version 1.2draft)
  cyjs         Cytoscape JSON; csv: nodes/edges/claims CSV in a zip; ftm: FollowTheMoney JSON lines
  annotations  claims as W3C Web Annotations; report: a self-contained HTML report
--view NAME exports the saved view NAME instead of the whole investigation.`;

const SavedView = z.object({
  nodeIds: z.array(z.string()).max(20_000),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});

export function savedViewScope(store: GraphStore, name: string): ExportScope {
  const raw = store.getSetting(`view:${name}`);
  if (raw === null) throw new CliError(`No saved view named "${name}" in this investigation`);
  let parsed: z.infer<typeof SavedView>;
  try {
    parsed = SavedView.parse(JSON.parse(raw));
  } catch {
    throw new CliError(`The saved view "${name}" is damaged (expected { nodeIds, positions })`);
  }
  return { kind: 'view', nodeIds: parsed.nodeIds, positions: parsed.positions };
}

export async function runExportCli(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, {
    db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, view: { type: 'string' },
    history: { type: 'boolean' }, 'gexf-version': { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.db || !values.format || !values.out) throw new CliError(`--db, --format and --out are required\n\n${HELP}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new CliError(`Unknown format "${values.format}"; one of ${EXPORT_FORMATS.join(', ')}`);
  const gexfVersion = values['gexf-version'] ?? '1.3';
  if (gexfVersion !== '1.3' && gexfVersion !== '1.2draft') throw new CliError('--gexf-version is 1.3 or 1.2draft');
  if (!existsSync(values.db)) throw new CliError(`No investigation at ${values.db}`);
  const store = new GraphStore(values.db, { readonly: true, mustExist: true });
  try {
    const scope = values.view ? savedViewScope(store, values.view) : { kind: 'investigation' as const };
    const started = Date.now();
    const result = runExport(store.db, {
      format: values.format as ExportFormat, path: values.out, scope, includeHistory: values.history ?? false,
      appVersion: process.env.npm_package_version ?? '0.0.0', gexfVersion,
    });
    const counts = Object.entries(result.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`).join(', ');
    process.stdout.write(`Wrote ${result.path} (${result.bytes.toLocaleString('en-US')} bytes; ${counts || 'empty'}) in ${Date.now() - started} ms\n`);
    return 0;
  } finally {
    store.close();
  }
}

export { runExportCli as runExport };
