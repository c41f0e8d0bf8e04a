// `npm run serve` as a user runs it: one line with the token link, a working server, a clean stop
// on SIGTERM, and a one-line error (no stack trace) for a file that is not an investigation.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skein-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Skein</title>');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function serve(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--web', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('npm run serve', () => {
  it('prints the token link, serves, and closes the investigation on SIGTERM', async () => {
    const db = join(dir, 'case.skein');
    const run = serve(['--db', db]);
    const link = await new Promise<string>((resolve, reject) => {
      run.child.stdout.on('data', () => {
        const match = /^Skein browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(run.output().stdout);
        if (match?.[1]) resolve(match[1]);
      });
      void run.exited.then(() => reject(new Error(`serve exited early: ${run.output().stderr}`)));
    });
    expect(run.output().stdout.split('\n').filter((line) => line.startsWith('Skein browser mode:'))).toHaveLength(1);
    expect(run.output().stdout).toContain(db);
    const page = await fetch(link, { redirect: 'manual' });
    expect(page.status).toBe(303);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // a clean close checkpoints the WAL and removes it
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(existsSync(db)).toBe(true);
  });

  it('refuses a file that is not an investigation with one readable line', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'just some notes');
    const run = serve(['--db', notes]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr.trim()).toBe(`skein serve: ${notes} is not a Skein investigation (not an SQLite file)`);
  });

  it('refuses a database path in a missing folder', async () => {
    const run = serve(['--db', join(dir, 'missing', 'case.skein')]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/^skein serve: The folder .*missing does not exist\n$/);
    expect(run.output().stderr).not.toMatch(/\s+at /);
  });
});
