// `skein warm --db FILE [--top N] [--limit N]`: stores the hubs' expansion pages in the investigation
// (db/queries/page-warm.ts), as a batch import does when it ends, for after other bulk changes.
import { existsSync } from 'node:fs';
import { GraphStore } from '../../db/store';
import { WARM_LIMIT, WARM_TOP, WARM_TOP_MAX, warmPages } from '../../db/queries/page-warm';
import { parseCli } from './args';
import { CliError } from './errors';

const HELP = `Usage: skein warm --db FILE [--top N] [--limit N]

Stores the expansion pages of the most important entities in the investigation (each one's first
page and its "show more" page), so that expanding them later reads the page back instead of
computing it on a cold file. "skein import" does this by itself when it ends.

  --db FILE    the investigation file (.skein)
  --top N      how many entities, most important first (default ${WARM_TOP}, at most ${WARM_TOP_MAX})
  --limit N    neighbours per kind of link on a page (default ${WARM_LIMIT}, as the app expands)
  -h, --help   this help`;

function count(value: string | undefined, fallback: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

export async function runWarm(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, {
    db: { type: 'string' }, top: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.db) throw new CliError(`--db FILE is required\n\n${HELP}`);
  const top = count(values.top, WARM_TOP, WARM_TOP_MAX, 'top');
  const limit = count(values.limit, WARM_LIMIT, 500, 'limit');
  if (!existsSync(values.db)) throw new CliError(`No investigation at ${values.db}`);
  const store = new GraphStore(values.db, { mustExist: true, history: false });
  try {
    const started = performance.now();
    const result = warmPages(store.db, { top, limit });
    if (!result.stored) throw new CliError(`could not write to ${values.db}`);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`Stored ${result.pages} pages of ${result.entities} entities in ${values.db} (${seconds.toFixed(1)} s)\n`);
    return 0;
  } finally {
    store.close();
  }
}
