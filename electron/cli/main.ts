// The `skein` command line: `npm run skein -- <command> [options]`.
// Each command lives in its own module; this file only dispatches and turns errors into messages.
import { ApiError } from '../../shared/api/errors';
import { CliError } from './errors';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  stats: { summary: 'print counts by kind of an investigation', load: async () => (await import('./stats')).runStats },
  extract: { summary: 'print what the extractor finds in one text file (eval or ner JSON)', load: async () => (await import('./extract')).runExtract },
  import: { summary: 'import files and folders of articles into an investigation', load: async () => (await import('./import')).runImport },
  export: { summary: 'export an investigation or a saved view (snapshot, GraphML, GEXF, CSV, FtM, …)', load: async () => (await import('./export')).runExport },
  warm: { summary: 'store the most important entities\' expansion pages, for fast first expansions', load: async () => (await import('./warm')).runWarm },
};

export const USAGE = `Usage: skein <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join('\n')}

Run "skein <command> --help" for the options of a command.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`skein: unknown command "${name}"\n\n${USAGE}\n`);
    return 1;
  }
  try {
    return await (await command.load())(rest);
  } catch (error) {
    const message = error instanceof ApiError || error instanceof CliError ? error.message : (error as Error).message ?? String(error);
    process.stderr.write(`skein ${name}: ${message}\n`);
    return 1;
  }
}



const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry || process.argv[1]?.endsWith('cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
