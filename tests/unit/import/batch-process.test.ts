import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import type { BatchStats } from '../../../electron/import/batch-child';
import { BackgroundImporter, runBatchInBackground } from '../../../electron/import/batch-process';
import { BATCH_NICE } from '../../../electron/import/priority';
import { cancelTask } from '../../../electron/import/tasks';
import { counts } from './helpers';
import { makePdf } from './make-files';

const STUB = pathToFileURL(join(import.meta.dirname, 'stub-extractor.ts')).href;
const PEOPLE = ['Ivo Kask', 'Lena Ots', 'Mart Saar', 'Piret Tamm', 'Oleg Varnavin', 'Marta Quell'];

/** An investigation file and a folder of `n` short articles (and, when asked, one binary file that sorts first). */
function setUp(n: number, withBinary = false) {
  const root = mkdtempSync(join(tmpdir(), 'skein-batch-process-'));
  const articles = join(root, 'articles');
  const dbPath = join(root, 'case.skein');
  const store = new GraphStore(dbPath);
  stores.push(store);
  mkdirSync(articles);
  if (withBinary) writeFileSync(join(articles, 'a-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  for (let i = 0; i < n; i++) {
    const [a, b] = [PEOPLE[i % PEOPLE.length], PEOPLE[(i + 1) % PEOPLE.length]];
    writeFileSync(join(articles, `b-${String(i).padStart(3, '0')}.txt`), `Report ${i}. ${a} said that ${b} signed contract ${i} in Tallinn. ${b} denied it.`);
  }
  return { store, articles };
}

const stores: GraphStore[] = [];
const importers: BackgroundImporter[] = [];
afterEach(() => {
  for (const importer of importers.splice(0)) importer.close();
  for (const store of stores.splice(0)) store.close();
});

describe('runBatchInBackground', () => {
  it('imports in a child process at the lowest priority, and the investigation open here sees every file at once', async () => {
    const { store, articles } = setUp(3, true);
    const progress: { done: number; total: number; message: string }[] = [];
    const notices: string[] = [];
    store.onChange((notice) => notices.push(notice.action));
    let stats: BatchStats | null = null;
    const result = await runBatchInBackground(store, [articles], {
      extractorModule: STUB,
      emit: (event, payload) => {
        if (event === 'task.progress') progress.push(payload as never);
      },
      onStats: (s) => { stats = s; },
    });
    expect(result.imported).toHaveLength(3);
    expect(result.failed).toEqual([{ path: join(articles, 'a-binary.txt'), error: 'not a text/HTML/PDF/DOCX file: it looks like a program (ELF)' }]);
    expect(result.cancelled).toBe(false);
    // this connection reads what the child wrote, one history entry per file
    expect(counts(store)).toMatchObject({ sources: 3, history: 3 });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4 });
    // each commit reached this store's listeners (the windows) as it happened
    expect(notices.filter((a) => a !== 'external')).toHaveLength(3);
    expect(stats).not.toBeNull();
    expect(stats!.pid).not.toBe(process.pid);
    expect(stats!.extractions).toBeGreaterThanOrEqual(3); // a file whose known entities changed meanwhile is extracted again
    expect(stats!.nice).toBe(process.platform === 'linux' ? BATCH_NICE : null);
  });

  it('stops after the file being written when cancelled, leaving whole files only', async () => {
    const { store, articles } = setUp(40);
    let cancelled = false;
    const result = await runBatchInBackground(store, [articles], {
      taskId: 'cancel-me',
      extractorModule: STUB,
      emit: (_event, payload) => {
        if (!cancelled && (payload as { done: number }).done >= 2) cancelled = cancelTask('cancel-me');
      },
    });
    expect(cancelled).toBe(true);
    expect(result.cancelled).toBe(true);
    expect(result.imported.length).toBeGreaterThanOrEqual(2);
    expect(result.imported.length).toBeLessThan(40);
    expect(counts(store)).toMatchObject({ sources: result.imported.length, history: result.imported.length });
    // the task is over: cancelling it again finds nothing
    expect(cancelTask('cancel-me')).toBe(false);
  });

  it('reports a child that dies mid-batch, and keeps the files it had committed', async () => {
    const { store, articles } = setUp(40);
    let pid = 0;
    let committed = 0;
    const running = runBatchInBackground(store, [articles], {
      extractorModule: STUB,
      onStart: (p) => { pid = p; },
      emit: (_event, payload) => {
        const { done } = payload as { done: number };
        if (done >= 2 && committed === 0) {
          committed = done;
          process.kill(pid, 'SIGKILL');
        }
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^the import process stopped unexpectedly \(signal SIGKILL\)/) });
    const { sources, history } = counts(store);
    expect(sources).toBeGreaterThanOrEqual(committed);
    expect(sources).toBeLessThan(40);
    expect(history).toBe(sources);
  });

  it('imports into an in-memory investigation in this process', async () => {
    const store = GraphStore.memory();
    stores.push(store);
    const { articles } = setUp(2);
    const result = await runBatchInBackground(store, [articles]);
    expect(result.imported).toHaveLength(2);
    expect(counts(store)).toMatchObject({ sources: 2, history: 2 });
  });

  it('runs from the desktop app\'s bundle, and reads a PDF there', { timeout: 120_000 }, async () => {
    // the bundles are built as the app ships them; inside the repository, so that the modules kept
    // out of them (better-sqlite3, pdf.js) are found in node_modules as they are in the app
    const root = join(import.meta.dirname, '../../..');
    const out = mkdtempSync(join(root, 'node_modules', '.skein-bundle-test-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/build-electron.mjs'), '--outdir', out], { stdio: 'pipe' });
      const { store, articles } = setUp(1);
      writeFileSync(join(articles, 'c-memo.pdf'), makePdf(['Ivo Kask said the contract was lawful.', 'Lena Ots denied it.']));
      let stats: BatchStats | null = null;
      const result = await runBatchInBackground(store, [articles], {
        entry: { file: join(out, 'batch-child.cjs'), execArgv: [] },
        onStats: (s) => { stats = s; },
      });
      expect(result.failed).toEqual([]);
      expect(result.imported.map((f) => f.path.slice(articles.length + 1))).toEqual(['b-000.txt', 'c-memo.pdf']);
      // the real extractor, in the bundled worker
      expect(stats).toMatchObject({ extractor: 'workers' });
      const names = (store.db.prepare('SELECT name FROM entity ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(['Ivo Kask', 'Lena Ots']));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('BackgroundImporter ("Import all")', () => {
  it('imports the files it is sent one by one in the background process, skips a text seen before and reports a bad file', async () => {
    const { store } = setUp(0);
    const importer = new BackgroundImporter(store, { extractorModule: STUB });
    importers.push(importer);
    const notices: string[] = [];
    store.onChange((notice) => notices.push(notice.action));
    const text = 'Ivo Kask said that Lena Ots signed the contract in Tallinn.';
    const first = await importer.importOne({ text, fallbackTitle: 'wire-1' });
    expect(first).toMatchObject({ status: 'imported', entities: 2, claims: 1 });
    const memo = makePdf(['Mart Saar said the tender was rigged.'], { title: 'Tender memo' }).toString('base64');
    expect(await importer.importOne({ file: { name: 'memo.pdf', base64: memo }, fallbackTitle: 'memo' })).toMatchObject({ status: 'imported' });
    expect(await importer.importOne({ text, fallbackTitle: 'again' })).toEqual({ status: 'skipped', sourceId: first.sourceId, entities: 0, claims: 0 });
    const broken = Buffer.from('%PDF-1.4 nothing else').toString('base64');
    await expect(importer.importOne({ file: { name: 'scan.pdf', base64: broken } })).rejects.toMatchObject({ code: 'refused', message: 'scan.pdf: the PDF is damaged or malformed and cannot be read' });
    // this connection reads what the process wrote: a text without a title took its file's name
    expect(counts(store)).toMatchObject({ sources: 2, history: 2 });
    expect(store.db.prepare('SELECT title FROM source ORDER BY id').pluck().all()).toEqual(['wire-1', 'Tender memo']);
    expect(notices.filter((a) => a !== 'external')).toHaveLength(2);
  });

  it('imports into an in-memory investigation in this process', async () => {
    const store = GraphStore.memory();
    stores.push(store);
    const importer = new BackgroundImporter(store, { extractorModule: STUB });
    const result = await importer.importOne({ text: 'Piret Tamm said that Mart Saar resigned.', fallbackTitle: 'note' });
    expect(result.status).toBe('imported');
    expect(counts(store)).toMatchObject({ sources: 1, history: 1 });
  });
});
