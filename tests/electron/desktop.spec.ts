// The desktop glue in the real Electron app (SPEC §7, STYLE 13): the window's security settings,
// the preload surface, no Node in the page, and refused navigation and new windows.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePdf } from '../unit/import/make-files';

let app: ElectronApplication;
let page: Page;
let home: string;

test.beforeAll(async () => {
  // a throwaway data folder, so the suite never touches the user's default investigation
  home = mkdtempSync(join(tmpdir(), 'skein-desktop-'));
  app = await electron.launch({ args: ['.'], env: { ...process.env, XDG_DATA_HOME: home, APPDATA: home, HOME: home } });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  rmSync(home, { recursive: true, force: true });
});

test('the window is isolated and sandboxed', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences exists at run time but is missing from Electron's typings
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Electron.WebPreferences } | undefined;
    const prefs = contents?.getLastWebPreferences();
    return prefs && { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity, webviewTag: prefs.webviewTag };
  });
  expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(page.url()).toMatch(/^app:\/\/skein\//);
});

test('window.skein has exactly invoke and on, and no Node reaches the page', async () => {
  const surface = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const bridge = scope.skein as Record<string, unknown> | undefined;
    return {
      keys: bridge ? Object.keys(bridge).sort() : null,
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(surface).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
});

test('the bridge answers contract calls and refuses unknown names', async () => {
  const outcome = await page.evaluate(async () => {
    const bridge = (globalThis as unknown as { skein: { invoke(m: string, a: unknown): Promise<unknown>; on(e: string, f: () => void): () => void } }).skein;
    const info = (await bridge.invoke('app.info', {})) as { dbPath: string };
    const unknown = await bridge.invoke('fs.readFile', {}).then(() => 'resolved', (error: Error) => error.message);
    const badEvent = (() => {
      try {
        bridge.on('ipc.raw', () => undefined);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    return { dbPath: info.dbPath, unknown, badEvent };
  });
  expect(outcome.dbPath).toContain('default.skein');
  expect(outcome.unknown).toMatch(/Unknown API method/);
  expect(outcome.badEvent).toMatch(/Unknown event/);
});

test('window.open is refused', async () => {
  const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('navigation to an external URL is refused', async () => {
  const before = page.url();
  // listen in the main process for the attempt, then make it from the page
  const attempt = app.evaluate(({ BrowserWindow }) => new Promise<{ url: string; prevented: boolean }>((resolve) => {
    BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event) => {
      // the app's own handler ran first (it was attached when the window was created)
      resolve({ url: event.url, prevented: event.defaultPrevented });
    });
  }));
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  expect(await attempt).toEqual({ url: 'https://example.com/', prevented: true });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL())).toBe(before);
  const info = await page.evaluate(() => (globalThis as unknown as { skein: { invoke(m: string, a: unknown): Promise<{ version: string }> } }).skein.invoke('app.info', {}));
  expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
});

test('a batch import runs in a utility process of the app, PDFs included', async () => {
  const folder = mkdtempSync(join(home, 'articles-'));
  writeFileSync(join(folder, 'a-wire.txt'), 'Ivo Kask said on Monday that the contract with Brightwater Logistics was lawful. Lena Ots denied that.');
  writeFileSync(join(folder, 'b-memo.pdf'), makePdf(['Mart Saar said the tender was rigged.', 'Piret Tamm denied it.']));
  const outcome = await page.evaluate(async (paths) => {
    const bridge = (globalThis as unknown as { skein: { invoke(m: string, a: unknown): Promise<unknown> } }).skein;
    const result = (await bridge.invoke('import.batch', { paths })) as { imported: unknown[]; failed: unknown[]; cancelled: boolean };
    const info = (await bridge.invoke('app.info', {})) as { counts: { sources: number } };
    return { imported: result.imported.length, failed: result.failed, cancelled: result.cancelled, sources: info.counts.sources };
  }, [folder]);
  expect(outcome).toEqual({ imported: 2, failed: [], cancelled: false, sources: 2 });
});
