// `npm run serve [-- --db FILE --port N]`: browser mode from the command line. Opens one
// investigation, serves the built renderer and the API on 127.0.0.1, prints the link carrying the
// access token, and closes the database cleanly on Ctrl+C.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphStore } from '../db/store';
import { DatabaseOpenError } from '../db/open';
import { parseCli } from './cli/args';
import { CliError } from './cli/errors';
import { defaultInvestigationPath } from './http/paths';

const HELP = `Usage: npm run serve [-- --db FILE] [--port N]

Serves Skein in a browser on 127.0.0.1 (for machines where the desktop app cannot run).
  --db FILE   the investigation to open (default: ${defaultInvestigationPath()})
  --port N    the port to listen on (default: a free one)
  --web DIR   the renderer build to serve (default: dist/web)
Open the printed link: it carries the access token for this run.`;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function appVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseCli(argv, { db: { type: 'string' }, port: { type: 'string' }, web: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const port = parsePort(values.port);
  const staticDir = resolve(values.web ?? join(ROOT, 'dist', 'web'));
  if (!existsSync(join(staticDir, 'index.html'))) throw new CliError(`The renderer is not built (${staticDir}/index.html is missing): run "npm run build:renderer"`);

  const dbPath = resolve(values.db ?? defaultInvestigationPath());
  if (!existsSync(dirname(dbPath))) {
    if (values.db) throw new CliError(`The folder ${dirname(dbPath)} does not exist`);
    mkdirSync(dirname(dbPath), { recursive: true });
  }
  const store = new GraphStore(dbPath);
  let server;
  try {
    // loaded after the database opened: the handlers pull in the extractors, a second of start-up
    // that a mistyped path should not have to wait for
    const { startServer } = await import('./http/server');
    server = await startServer({ store, staticDir, port, appVersion: appVersion() });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${port} is already in use; pick another with --port or leave it out`);
    throw error;
  }
  process.stdout.write(`Skein browser mode: ${server.url}?token=${server.token}\nInvestigation: ${dbPath}\n`);

  const running = server;
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().finally(() => {
        store.close();
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function message(error: unknown): string {
  if (error instanceof CliError || error instanceof DatabaseOpenError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

serve(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`skein serve: ${message(error)}\n`);
    process.exitCode = 1;
  },
);
