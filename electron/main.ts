// The desktop main process: one hardened window on the current investigation, the renderer served
// from the app:// scheme, the API mounted on IPC, native menus and file dialogs. Everything that
// can run without Electron (router, handlers, IPC envelope, menu template) lives elsewhere and is
// tested in Node; this file is the glue (SPEC §6, §7; STYLE 3, 5).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, utilityProcess } from 'electron';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { GraphStore } from '../db/store';
import { events, type EventName, type EventPayload } from '../shared/api/events';
import { createRouter, type Router } from './router';
import { allHandlers } from './handlers';
import { createDesktopHandlers } from './desktop-handlers';
import { exportFiles } from './export-files';
import { backgroundImporter, setChildSpawner, type SpawnChild } from './import/batch-process';
import type { ChildMessage } from './import/batch-child';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from './http/headers';
import { defaultInvestigationPath, userDataDir } from './http/paths';
import { resolveStaticPath, staticRoot, type StaticRoot } from './http/static';
import { answerInvoke, APP_HOST, APP_ORIGIN, APP_SCHEME, EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc';
import { menuTemplate, type MenuCommand } from './menu';

const isDev = !app.isPackaged;
const FILTERS = [{ name: 'Skein investigation', extensions: ['skein'] }];

// Before `ready`: the data folder (shared with browser mode and the CLI), one process per user,
// every renderer sandboxed, and app:// treated like https (standard origin, secure context).
app.setPath('userData', userDataDir());
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// A batch import runs in a utility process (Electron's child process for Node work: no window, its
// own V8, the app's native modules), which Electron recommends over child_process.fork.
const utilitySpawner: SpawnChild = (file, execArgv, events) => {
  const child = utilityProcess.fork(file, [], { execArgv, serviceName: 'Skein import', stdio: 'inherit' });
  child.on('spawn', () => {
    if (child.pid !== undefined) events.spawn(child.pid);
  });
  child.on('message', (message) => events.message(message as ChildMessage));
  child.on('exit', (code) => events.exit(code, null));
  return { send: (message) => {
    try {
      child.postMessage(message);
    } catch {
      // the process has ended: its exit is reported
    }
  } };
};
setChildSpawner(utilitySpawner);

interface Investigation {
  store: GraphStore;
  router: Router;
  unsubscribe: () => void;
}

let current: Investigation | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingPath: string | null = investigationFromArgv(process.argv);

function investigationFromArgv(argv: readonly string[]): string | null {
  const file = argv.slice(1).find((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === '.skein');
  return file ? resolve(file) : null;
}

function broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
  const checked = events[name].parse(payload);
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, name, checked);
}

/** export.saveAs: the save dialog, attached to the window when there is one. */
function desktopHandlers() {
  return createDesktopHandlers({
    files: exportFiles(),
    defaultDir: app.getPath('downloads'),
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
  });
}

/** Opens (or creates) an investigation and makes it current; the previous one is closed. */
function openInvestigation(path: string): boolean {
  let store: GraphStore;
  try {
    mkdirSync(dirname(path), { recursive: true });
    store = new GraphStore(path);
  } catch (error) {
    dialog.showErrorBox('Cannot open the investigation', (error as Error).message);
    return false;
  }
  const router = createRouter({ store, appVersion: app.getVersion(), emit: broadcast }, [...allHandlers, desktopHandlers()]);
  const unsubscribe = store.onChange(({ historyId, action, nodeIds }) => broadcast('graph.changed', { historyId, action, nodeIds }));
  // browser mode or the CLI may write the same file: their commits reach the windows too
  store.startWatching();
  const previous = current;
  current = { store, router, unsubscribe };
  if (previous) {
    previous.unsubscribe();
    backgroundImporter(previous.store).close();
    previous.store.close();
  }
  app.addRecentDocument(path);
  mainWindow?.setTitle(`${basename(path)} — Skein`);
  return true;
}

function reopen(path: string): void {
  if (current?.store.path === path) return;
  if (openInvestigation(path)) broadcast('app.reopened', { dbPath: path });
}

async function chooseNew(): Promise<void> {
  const options = { title: 'New investigation', defaultPath: join(app.getPath('documents'), 'Investigation.skein'), filters: FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return;
  const path = extname(result.filePath) === '.skein' ? result.filePath : `${result.filePath}.skein`;
  // "New" never silently opens (or wipes) an existing investigation under the same name.
  if (existsSync(path)) {
    dialog.showErrorBox('The file already exists', `${path} already exists. Use File → Open to open it, or choose another name.`);
    return;
  }
  reopen(path);
}

async function chooseOpen(): Promise<void> {
  const options = { title: 'Open investigation', filters: FILTERS, properties: ['openFile' as const] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (!result.canceled && path) reopen(path);
}

function sendCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(EVENT_CHANNEL, 'menu.command', events['menu.command'].parse({ command }));
}

/** app://skein/<path> → a file inside the Electron renderer build, with the app's CSP. */
async function serveRenderer(root: StaticRoot, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
  const file = await resolveStaticPath(root, url.pathname);
  const body = file ? await readFile(file).catch(() => null) : null;
  if (!file || !body) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentTypeFor(extname(file)),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The only schemes a window may load: our own, devtools (development), and inline data. */
function allowedRequest(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1);
  return scheme === `${APP_SCHEME}:` || scheme === 'devtools:' || scheme === 'data:' || scheme === 'blob:';
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No network at run time, at all (SPEC §7): anything but app:// is cancelled before it leaves.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedRequest(details.url) }));
}

// Every web contents (the window, devtools, anything a page might try to create) is locked down.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400, height: 900, minWidth: 900, minHeight: 600, show: false, title: 'Skein',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: isDev,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (current) window.setTitle(`${basename(current.store.path)} — Skein`);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function focusWindow(): void {
  if (!mainWindow) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const root = await staticRoot(join(app.getAppPath(), 'dist', 'electron'));
  protocol.handle(APP_SCHEME, (request) => serveRenderer(root, request));
  hardenSession();
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!current) return { ok: false, error: { code: 'refused', message: 'No investigation is open' } };
    return answerInvoke(current.router, event.senderFrame?.url, method, args);
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(
    { newInvestigation: () => void chooseNew(), openInvestigation: () => void chooseOpen(), command: sendCommand },
    { isDev, platform: process.platform },
  )));
  const first = pendingPath ?? defaultInvestigationPath(app.getPath('userData'));
  pendingPath = null;
  // a damaged file given on the command line falls back to the default investigation
  if (!openInvestigation(first) && first !== defaultInvestigationPath(app.getPath('userData'))) {
    openInvestigation(defaultInvestigationPath(app.getPath('userData')));
  }
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Skein already runs: it receives our arguments through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const path = investigationFromArgv(argv);
    if (path && app.isReady()) reopen(path);
    focusWindow();
  });
  // macOS: a .skein file opened from Finder or the dock (file association).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) reopen(path);
    else pendingPath = path;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) focusWindow();
  });
  app.on('will-quit', () => {
    current?.unsubscribe();
    if (current) backgroundImporter(current.store).close();
    current?.store.close();
    current = null;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Skein could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
