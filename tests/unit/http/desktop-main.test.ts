// The desktop main process under a fake `electron` module: Electron cannot run in CI, so this
// checks the glue itself — what main.ts registers, how it configures the window and the session,
// what the app:// protocol serves, and that IPC is routed only for our own page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Fn = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    dir: '',
    appHandlers: new Map<string, Fn>(),
    privileged: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    ipc: new Map<string, Fn>(),
    permissionRequest: null as null | Fn,
    permissionCheck: null as null | Fn,
    beforeRequest: null as null | Fn,
    windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string; sent: unknown[][] }[],
    errors: [] as string[],
    menu: null as unknown,
  };
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    url = '';
    sent: unknown[][] = [];
    webContents = { send: (...args: unknown[]) => this.sent.push(args) };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    static getFocusedWindow = () => state.windows[0] ?? null;
    once() {}
    on() {}
    setTitle() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: () => undefined,
      getPath: () => state.dir,
      getAppPath: () => state.dir,
      getVersion: () => '0.1.0',
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => true,
      isReady: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, handler: Fn) => state.appHandlers.set(event, handler),
      addRecentDocument: () => undefined,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => { state.permissionRequest = fn; },
        setPermissionCheckHandler: (fn: Fn) => { state.permissionCheck = fn; },
        webRequest: { onBeforeRequest: (fn: Fn) => { state.beforeRequest = fn; } },
      },
    },
    ipcMain: { handle: (channel: string, fn: Fn) => state.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => { state.menu = menu; } },
    dialog: { showErrorBox: (_title: string, message: string) => state.errors.push(message) },
    BrowserWindow,
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;

beforeAll(async () => {
  state.dir = mkdtempSync(join(tmpdir(), 'skein-main-'));
  mkdirSync(join(state.dir, 'dist', 'electron'), { recursive: true });
  writeFileSync(join(state.dir, 'dist', 'electron', 'index.html'), '<!doctype html><title>Skein</title>');
  writeFileSync(join(state.dir, 'secret.txt'), 'TOP SECRET');
  await import('../../../electron/main');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});

afterAll(() => {
  (state.appHandlers.get('will-quit') as (() => void) | undefined)?.();
  rmSync(state.dir, { recursive: true, force: true });
});

describe('desktop main process', () => {
  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one hardened window on app://skein/', () => {
    const [window] = state.windows;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(window?.url).toBe('app://skein/index.html');
    expect(state.errors).toEqual([]);
  });

  it('serves only files of the renderer build, with the CSP', async () => {
    const serve = state.protocols.get('app')!;
    const page = await serve(new Request('app://skein/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const url of ['app://skein/..%2fsecret.txt', 'app://skein/%2e%2e/%2e%2e/secret.txt', 'app://other/index.html', 'app://skein/missing.js']) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
  });

  it('denies permissions and cancels every request that is not app://', () => {
    const granted: boolean[] = [];
    (state.permissionRequest as (wc: unknown, permission: string, callback: (ok: boolean) => void) => void)(null, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect((state.permissionCheck as () => boolean)()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (state.beforeRequest as (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void)({ url }, (r) => { cancel = r.cancel; });
      return cancel;
    };
    expect(decide('app://skein/assets/index.js')).toBe(false);
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
  });

  it('refuses navigation, redirects, webviews and new windows in every web contents', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = { on: (name: string, fn: (event: { preventDefault(): void }) => void) => listeners.set(name, fn), setWindowOpenHandler: (fn: () => unknown) => { openHandler = fn; } };
    (state.appHandlers.get('web-contents-created') as (event: unknown, contents: unknown) => void)({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const prevent = vi.fn();
      listeners.get(name)?.({ preventDefault: prevent });
      expect(prevent, name).toHaveBeenCalled();
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('routes IPC only for our page and pushes graph changes to the window', async () => {
    const invoke = state.ipc.get('skein:invoke') as (event: unknown, method: unknown, args: unknown) => Promise<{ ok: boolean; result?: { dbPath: string }; error?: { code: string } }>;
    const info = await invoke({ senderFrame: { url: 'app://skein/index.html' } }, 'app.info', {});
    expect(info.ok).toBe(true);
    // the fake's getPath('userData') is the temp folder: the default investigation lives there
    expect(info.result?.dbPath).toBe(join(state.dir, 'default.skein'));
    const foreign = await invoke({ senderFrame: { url: 'https://example.com/' } }, 'entity.create', { kind: 'person', name: 'Forged' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'refused' } });
    const gone = await invoke({ senderFrame: null }, 'app.info', {});
    expect(gone.ok).toBe(false);

    const created = await invoke({ senderFrame: { url: 'app://skein/index.html' } }, 'entity.create', { kind: 'person', name: 'Alnur Mussayev' });
    expect(created.ok).toBe(true);
    expect(state.windows[0]?.sent).toContainEqual(['skein:event', 'graph.changed', expect.objectContaining({ action: 'entity.create' })]);
  });

  it('installs the native menu', () => {
    expect(Array.isArray(state.menu)).toBe(true);
  });
});
