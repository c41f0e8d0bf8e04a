// `skein stats --db FILE [--json]`: counts by kind.
import { existsSync } from 'node:fs';
import { GraphStore } from '../../db/store';
import { counts } from '../../db/queries/stats';
import { parseCli } from './args';
import { CliError } from './errors';

const HELP = `Usage: skein stats --db FILE [--json]

Prints the number of entities (by kind), aliases, claims, relations, sources, spans, notes and
history entries of an investigation. --json prints them as one JSON object.`;

export async function runStats(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.db) throw new CliError(`--db FILE is required\n\n${HELP}`);
  if (!existsSync(values.db)) throw new CliError(`No investigation at ${values.db}`);
  const store = new GraphStore(values.db, { readonly: true, mustExist: true });
  try {
    const result = counts(store.db);
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      const width = Math.max(...Object.keys(result).map((k) => k.length));
      process.stdout.write(`${values.db}\n${Object.entries(result).map(([k, v]) => `  ${k.padEnd(width)}  ${v.toLocaleString('en-US')}`).join('\n')}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}
