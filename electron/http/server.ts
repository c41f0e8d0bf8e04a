// Browser mode: the renderer and the API router served over loopback HTTP, for machines where
// Electron cannot run and for end-to-end tests in a real browser. Only 127.0.0.1 is bound; every
// request must come from our own origin (Host and Origin checked) and carry the access token,
// which the printed link hands to the page once and the page then keeps as an HttpOnly cookie.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { GraphStore } from '../../db/store';
import { createRouter, type Router } from '../router';
import { DEFAULT_MAX_BODY_BYTES, handleDownload, handleInvoke, sendError } from './api';
import { exportFiles, type ExportFiles } from '../export-files';
import { backgroundImporter } from '../import/batch-process';
import { checkSite, checkToken, newToken, presentedToken, tokenCookie, type Verdict } from './guard';
import { setSecurityHeaders } from './headers';
import { createEventHub, type EventHub } from './sse';
import { serveStatic, staticRoot, type StaticRoot } from './static';

export interface ServerOptions {
  store: GraphStore;
  /** the built renderer (`dist/web`) */
  staticDir: string;
  /** 0 (the default) picks a free port */
  port?: number;
  /** a fixed token (tests); by default a random 32-byte one */
  token?: string;
  appVersion: string;
  maxBodyBytes?: number;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  /** pushes an event to every open page */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

interface Context {
  router: Router;
  hub: EventHub;
  root: StaticRoot;
  token: string;
  port: number;
  maxBodyBytes: number;
  /** prepared exports: the same table export.prepare writes into */
  files: ExportFiles;
}

function refuse(res: ServerResponse, isApi: boolean, verdict: Exclude<Verdict, { ok: true }>): void {
  if (isApi) sendError(res, verdict.status, { code: 'refused', message: verdict.message });
  else res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(`${verdict.message}\n`);
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  setSecurityHeaders(res);
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
  const isApi = url.pathname.startsWith('/api/');

  const site = checkSite(req, ctx.port);
  if (!site.ok) return refuse(res, isApi, site);

  // The printed link: trade the token in the URL for a cookie, then drop it from the address bar.
  if (url.pathname === '/' && url.searchParams.has('token')) {
    const verdict = checkToken(url.searchParams.get('token') ?? '', ctx.token);
    if (!verdict.ok) return refuse(res, false, verdict);
    res.writeHead(303, { Location: '/', 'Set-Cookie': tokenCookie(ctx.token), 'Cache-Control': 'no-store' }).end();
    return;
  }

  const verdict = checkToken(presentedToken(req), ctx.token);
  if (!verdict.ok) return refuse(res, isApi, verdict);

  if (url.pathname === '/api/invoke') return handleInvoke(ctx.router, req, res, ctx.maxBodyBytes);
  if (url.pathname === '/api/events') {
    if (req.method !== 'GET') return sendError(res, 405, { code: 'invalid_arguments', message: 'Use GET for /api/events' }, { Allow: 'GET' });
    ctx.hub.attach(req, res);
    return;
  }
  if (url.pathname.startsWith('/api/download/')) return handleDownload(ctx.files, req, res, url.pathname.slice('/api/download/'.length));
  if (isApi) return sendError(res, 404, { code: 'not_found', message: `No API endpoint ${url.pathname}` });
  return serveStatic(ctx.root, req, res, url.pathname);
}

export async function startServer(options: ServerOptions): Promise<BrowserServer> {
  const { store } = options;
  const token = options.token ?? newToken();
  const hub = createEventHub();
  const router = createRouter({ store, appVersion: options.appVersion, emit: (event, payload) => hub.broadcast(event, payload) });
  const ctx: Context = {
    router, hub, token, port: 0,
    root: await staticRoot(options.staticDir),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    files: exportFiles(),
  };

  const server = createServer((req, res) => {
    handle(ctx, req, res).catch(() => {
      // Never a stack trace on the wire; the handlers already turned expected failures into errors.
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Internal error' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  ctx.port = (server.address() as AddressInfo).port;

  // Every committed write (from any page, or undo/redo) tells every page to re-read what it shows.
  const unsubscribe = store.onChange(({ historyId, action, nodeIds }) => {
    hub.broadcast('graph.changed', { historyId, action, nodeIds });
  });
  // the desktop app or the CLI may write the same file: their commits reach the pages too
  store.startWatching();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${ctx.port}/`,
    port: ctx.port,
    token,
    broadcast: (event, payload) => hub.broadcast(event, payload),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        unsubscribe();
        store.stopWatching();
        backgroundImporter(store).close();
        hub.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
