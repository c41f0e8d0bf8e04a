import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedLikeGraph, testApp } from '../helpers';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const skein = (...args: string[]) => spawnSync(TSX, [join(ROOT, 'electron/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('skein stats', () => {
  it('prints counts by kind, as text and as JSON', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-cli-')), 'inv.skein');
    const app = testApp(path);
    await seedLikeGraph(app);
    app.store.close();
    const json = JSON.parse(execFileSync(TSX, [join(ROOT, 'electron/cli/main.ts'), 'stats', '--db', path, '--json'], { encoding: 'utf8' }));
    expect(json).toMatchObject({ entities: 4, people: 2, organizations: 1, places: 1, claims: 2, relations: 1 });
    const text = skein('stats', '--db', path);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/people\s+2/);
  });

  it('fails with a message and exit code 1 on a missing path or a file that is not an investigation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-'));
    const missing = skein('stats', '--db', join(dir, 'nope.skein'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No investigation at/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database');
    const wrong = skein('stats', '--db', text);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/not a Skein investigation/);
  });

  it('explains itself with --help and rejects unknown options', () => {
    expect(skein('--help').stdout).toMatch(/Commands:[\s\S]*stats/);
    expect(skein('stats', '--help').stdout).toMatch(/--db FILE/);
    const bad = skein('stats', '--frobnicate');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/frobnicate/);
    const unknown = skein('explode');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "explode"/);
  });
});
