// `skein warm`: stores the most important entities' expansion pages in the investigation, and
// refuses a missing file, a file that is not an investigation and bad numbers with a message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers';
import { seed } from '../db/page-fixtures';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const skein = (...args: string[]) => spawnSync(TSX, [join(ROOT, 'electron/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('skein warm', () => {
  it('stores the first and "show more" pages of the most important entities', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-cli-')), 'inv.skein');
    const app = testApp(path);
    const { hub } = seed(app);
    app.store.close();
    const result = skein('warm', '--db', path, '--top', '1');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Stored 2 pages of 1 entities in .*inv\.skein \(\d+\.\d s\)\n$/);
    const db = new Database(path, { readonly: true });
    const keys = (db.prepare('SELECT key FROM page_store ORDER BY rowid').pluck().all() as string[]).map((k) => k.split('\u0000').slice(0, 3));
    db.close();
    expect(keys).toEqual([[`e:${hub}`, '25', '0'], [`e:${hub}`, '25', '25']]);
  });

  it('fails with a message and exit code 1 on a bad path, a file that is not an investigation, or bad numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-'));
    const missing = skein('warm', '--db', join(dir, 'nope.skein'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`skein warm: No investigation at ${join(dir, 'nope.skein')}\n`);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database');
    const wrong = skein('warm', '--db', text);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/not a Skein investigation/);
    expect(wrong.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const top = skein('warm', '--db', text, '--top', '0');
    expect(top.status).toBe(1);
    expect(top.stderr).toMatch(/--top must be a whole number from 1 to 32, not "0"/);
    expect(skein('warm').stderr).toMatch(/--db FILE is required/);
    expect(skein('warm', '--help').stdout).toMatch(/--top N/);
    expect(skein('--help').stdout).toMatch(/warm\s+store the most important/);
  });
});
