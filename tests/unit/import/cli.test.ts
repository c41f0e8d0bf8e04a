import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphStore } from '../../../db/store';
import { runImport } from '../../../electron/cli/import';
import { counts } from './helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('skein import', () => {
  it('creates the investigation, imports a folder with progress lines, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-'));
    const db = join(dir, 'case.skein');
    const io = capture();
    expect(await runImport(['--db', db, FIXTURES])).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(io.err()).toMatch(/^\[1\/3\] defector\.txt … \d+ entit(y|ies), \d+ claims?$/m);
    expect(io.err()).toMatch(/^\[3\/3\] ledger-page\.html … /m);
    expect(io.err()).toMatch(/^Imported 3 files \(\d+ entities, \d+ claims\) into /m);
    expect(io.out()).toBe('');
    const store = new GraphStore(db);
    expect(counts(store).sources).toBe(3);
    store.close();
  });

  it('exits 1 when a file failed, after importing the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-cli-'));
    copyFileSync(join(FIXTURES, 'defector.txt'), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xc3, 0x28]));
    const io = capture();
    expect(await runImport(['--db', join(dir, 'case.skein'), dir])).toBe(1);
    expect(io.err()).toContain('Imported 1 file (');
    expect(io.err()).toContain(`Failed 1:\n  ${join(dir, 'bad.txt')}: the file is not valid UTF-8 text`);
    // again: the good file is now a duplicate, the bad one still fails
    expect(await runImport(['--db', join(dir, 'case.skein'), join(dir, 'good.txt')])).toBe(0);
    expect(io.err()).toContain('Skipped 1 already imported');
  });

  it('prints help, and refuses a missing --db or missing files', async () => {
    const io = capture();
    expect(await runImport(['--help'])).toBe(0);
    expect(io.out()).toContain('Usage: skein import --db FILE');
    await expect(runImport([FIXTURES])).rejects.toThrow('--db FILE is required');
    await expect(runImport(['--db', join(tmpdir(), 'x.skein')])).rejects.toThrow('at least one file or folder');
    await expect(runImport(['--db', join(tmpdir(), 'x.skein'), '--max-mb', 'lots', FIXTURES])).rejects.toThrow('--max-mb must be a positive number');
  });
});
