import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GraphStore } from '../../../db/store';
import { runBatch } from '../../../electron/import/batch';
import { ExtractorPool } from '../../../electron/import/extract-pool';
import { cancelTask } from '../../../electron/import/tasks';
import { counts } from './helpers';
import { makeDocx, makePdf } from './make-files';
import { extractArticle } from './stub-extractor';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const stub = { extract: async (text: string, options: Parameters<typeof extractArticle>[1]) => extractArticle(text, options) };

/** A folder of good and bad files; bad ones sort first so that the batch must go on after them. */
function corpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'skein-batch-'));
  mkdirSync(join(root, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(root, 'a-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  writeFileSync(join(root, 'a-empty.md'), '');
  writeFileSync(join(root, 'a-latin1.txt'), Buffer.from([0x4a, 0x6f, 0xe9, 0x20, 0x42]));
  writeFileSync(join(root, 'a-broken.pdf'), '%PDF-1.4 nothing else');
  writeFileSync(join(root, 'ignored.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  copyFileSync(join(FIXTURES, 'defector.txt'), join(root, 'b-defector.txt'));
  copyFileSync(join(FIXTURES, 'ledger-page.html'), join(root, 'nested', 'b-ledger.html'));
  writeFileSync(join(root, 'nested', 'deeper', 'c-memo.pdf'), makePdf(['Ivo Kask said the contract was lawful.']));
  writeFileSync(join(root, 'nested', 'deeper', 'c-note.docx'), makeDocx(['Lena Ots denied any wrongdoing.']));
  return root;
}

const pools: ExtractorPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe('runBatch', () => {
  it('imports every readable file, reports every bad one, and goes on after a failure', async () => {
    const store = GraphStore.memory();
    const root = corpus();
    const events: { done: number; total: number; message: string }[] = [];
    const result = await runBatch(store, [root, join(root, 'missing.txt')], { ...stub, emit: (_e, p) => events.push(p as never) });
    expect(result.imported.map((f) => f.path.slice(root.length + 1)).sort()).toEqual(['b-defector.txt', 'nested/b-ledger.html', 'nested/deeper/c-memo.pdf', 'nested/deeper/c-note.docx']);
    expect(Object.fromEntries(result.failed.map((f) => [f.path.slice(root.length + 1), f.error]))).toEqual({
      'a-binary.txt': 'not a text/HTML/PDF/DOCX file: it looks like a program (ELF)',
      'a-empty.md': 'the file is empty',
      'a-latin1.txt': 'the file is not valid UTF-8 text (save it as UTF-8 and try again)',
      'a-broken.pdf': 'the PDF is damaged or malformed and cannot be read',
      'missing.txt': 'the file does not exist',
    });
    expect(result.cancelled).toBe(false);
    expect(counts(store)).toMatchObject({ sources: 4, history: 4 }); // one transaction per file
    expect(events.at(-1)).toMatchObject({ done: 8, total: 8 });
    expect(events.map((e) => e.message)).toContain('a-empty.md … failed: the file is empty');
    expect(events.some((e) => /^b-defector\.txt … \d+ entit(y|ies), \d+ claims?$/.test(e.message))).toBe(true);

    // the same files again: nothing new, every readable one is "already imported"
    const again = await runBatch(store, [root], stub);
    expect(again.imported).toEqual([]);
    expect(again.skipped).toHaveLength(4);
    expect(again.skipped[0]).toMatchObject({ reason: 'duplicate' });
    expect(counts(store)).toMatchObject({ sources: 4, history: 4 });
  });

  it('stops after the current file when cancelled', async () => {
    const store = GraphStore.memory();
    const root = corpus();
    const result = await runBatch(store, [root], {
      ...stub, taskId: 'cancel-me',
      emit: (_e, p) => { if ((p as { done: number }).done === 1) expect(cancelTask('cancel-me')).toBe(true); },
    });
    expect(result.cancelled).toBe(true);
    expect(result.failed).toHaveLength(1);
    expect(result.imported).toHaveLength(0);
    expect(cancelTask('cancel-me')).toBe(false); // finished tasks are forgotten
  });
});

describe('runBatch, extraction ahead of the commit', () => {
  /** Files named in order; the extractor logs each call, the store each commit, in one sequence. */
  function logged(texts: string[]) {
    const root = mkdtempSync(join(tmpdir(), 'skein-batch-ahead-'));
    texts.forEach((text, i) => writeFileSync(join(root, `f${i + 1}.txt`), text));
    const store = GraphStore.memory();
    const log: string[] = [];
    store.onChange(() => log.push('commit'));
    const extract = async (text: string, options: Parameters<typeof extractArticle>[1]) => {
      log.push(`extract ${text.slice(0, 12)}`);
      return extractArticle(text, options);
    };
    return { root, store, log, extract };
  }

  it('starts extracting the next file before the current one commits, committing in order', async () => {
    const { root, store, log, extract } = logged(['Anna Berg said one.', 'Carl Dahl said two.', 'Eva Fors said three.']);
    const result = await runBatch(store, [root], { extract });
    expect(result.imported.map((f) => f.path.slice(root.length + 1))).toEqual(['f1.txt', 'f2.txt', 'f3.txt']);
    expect(log).toEqual(['extract Anna Berg sa', 'extract Carl Dahl sa', 'commit', 'extract Eva Fors sai', 'commit', 'commit']);
    const sources = store.db.prepare('SELECT id FROM source ORDER BY id').all() as { id: number }[];
    expect(result.imported.map((f) => f.sourceId)).toEqual(sources.map((s) => s.id));
  });

  it('hands the next file to the extractor while the current one is still being extracted', async () => {
    const { root, store, log, extract } = logged(['Anna Berg said one.', 'Carl Dahl said two.', 'Eva Fors said three.']);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = async (text: string, options: Parameters<typeof extractArticle>[1]) => {
      const extraction = extract(text, options);
      if (log.length === 1) await held; // the first file's extraction does not end until released
      return extraction;
    };
    const running = runBatch(store, [root], { extract: holding });
    await vi.waitFor(() => expect(log).toEqual(['extract Anna Berg sa', 'extract Carl Dahl sa']));
    release();
    const result = await running;
    expect(result.imported).toHaveLength(3);
    expect(log).toEqual(['extract Anna Berg sa', 'extract Carl Dahl sa', 'commit', 'extract Eva Fors sai', 'commit', 'commit']);
  });

  it('re-extracts a file whose known entities changed with the previous commit (links, never duplicates)', async () => {
    const { root, store, log, extract } = logged(['Ivo Kask said the contract was lawful.', 'Ivo Kask denied any wrongdoing.']);
    const result = await runBatch(store, [root], { extract });
    expect(result.imported).toHaveLength(2);
    expect(log.filter((l) => l === 'extract Ivo Kask den')).toHaveLength(2); // early, then after the commit
    expect(store.db.prepare("SELECT count(*) AS n FROM entity WHERE name = 'Ivo Kask'").get()).toEqual({ n: 1 });
  });

  it('skips a file identical to the one committed just before it', async () => {
    const { root, store, extract } = logged(['Lena Ots said so.', 'Lena Ots said so.']);
    const result = await runBatch(store, [root], { extract });
    expect(result.imported).toHaveLength(1);
    expect(result.skipped).toEqual([{ path: join(root, 'f2.txt'), reason: 'duplicate', sourceId: result.imported[0]!.sourceId }]);
  });
});

describe('ExtractorPool', () => {
  it('runs the extractor in a worker thread', async () => {
    const pool = new ExtractorPool({ size: 1, extractorModule: pathToFileURL(join(import.meta.dirname, 'stub-extractor.ts')).href });
    pools.push(pool);
    const extraction = await pool.extract('Ivo Kask said so.', { metadata: { language: 'et' } });
    expect(pool.mode).toBe('workers');
    expect(pool.fallbackReason).toBeNull();
    expect(extraction.entities.map((e) => e.name)).toEqual(['Ivo Kask']);
    expect(extraction.metadata.language).toBe('et');
  });

  it('runs the real extractor in a worker', async () => {
    const pool = new ExtractorPool({ size: 1 });
    pools.push(pool);
    const text = 'Ivo Kask, the defence minister of Estonia, said on Monday that the contract was lawful.';
    const extraction = await pool.extract(text, {});
    expect(pool.mode).toBe('workers');
    expect(extraction.text).toBe(text);
    expect(extraction.entities.some((e) => e.name.includes('Kask'))).toBe(true);
  });

  it('falls back to this thread, saying why, when a worker cannot start', async () => {
    const pool = new ExtractorPool({ size: 1, extractorModule: pathToFileURL(join(import.meta.dirname, 'no-such-module.ts')).href, inThread: async () => extractArticle });
    pools.push(pool);
    const extraction = await pool.extract('Lena Ots denied it.', {});
    expect(pool.mode).toBe('in-thread');
    expect(pool.fallbackReason).toMatch(/could not start/);
    expect(extraction.entities.map((e) => e.name)).toEqual(['Lena Ots']);
  });
});
