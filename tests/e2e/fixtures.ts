// The end-to-end fixture: every test gets its own investigation file and its own browser-mode
// server (in-process, on a free port), and a page that has already traded the token link for the
// cookie. Specs import `test` and `expect` from here, never from @playwright/test directly.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GraphStore } from '../../db/store';
import { startServer, type BrowserServer } from '../../electron/http/server';

export const STATIC_DIR = resolve('dist/web');

export interface SkeinFixture {
  /** the page URL without the token (the page already holds the cookie) */
  url: string;
  /** the link `npm run serve` would print, token included */
  tokenUrl: string;
  dbPath: string;
  store: GraphStore;
  server: BrowserServer;
}

/** Every request the browser tried to make in this test; anything not on 127.0.0.1 was aborted. */
export interface NetworkLog {
  requests: string[];
  external: string[];
}

/** Loopback HTTP is the only network the app may use; data: and blob: URLs never leave the page. */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1';
}

export const test = base.extend<{ skein: SkeinFixture; network: NetworkLog }>({
  // The offline guard is part of every test: a request that would leave the machine is aborted and
  // recorded, so a UI spec that triggers one can assert on it (security.spec.ts does).
  network: async ({ context }, use) => {
    const log: NetworkLog = { requests: [], external: [] };
    context.on('request', (request) => {
      log.requests.push(request.url());
      if (!isLocal(request.url())) log.external.push(request.url());
    });
    await context.route('**', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await use(log);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  skein: async ({}, use, testInfo) => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`The renderer is not built: ${STATIC_DIR}/index.html is missing. Run "npm run build:renderer" before the end-to-end tests.`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'skein-e2e-'));
    const dbPath = join(dir, `${testInfo.workerIndex}-${testInfo.testId}.skein`);
    const store = new GraphStore(dbPath);
    const server = await startServer({ store, staticDir: STATIC_DIR, port: 0, appVersion: '0.0.0-e2e' });
    try {
      await use({ url: server.url, tokenUrl: `${server.url}?token=${server.token}`, dbPath, store, server });
    } finally {
      await server.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  page: async ({ page, skein, network: _network }, use) => {
    const response = await page.goto(skein.tokenUrl);
    // a failed token exchange would otherwise surface later as a confusing blank page
    if (!response?.ok()) throw new Error(`Opening ${skein.url} with the token answered ${response?.status() ?? 'nothing'}`);
    await use(page);
  },
});

export { expect };

/**
 * Calls the API from the page with its session cookie: set-up that has no screen of its own.
 * The function runs in the browser (fetch is the page's).
 */
export async function api<T = Record<string, unknown>>(page: Page, method: string, args: object): Promise<T> {
  return page.evaluate(async ([m, a]) => {
    const response = await fetch('/api/invoke', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: m, args: a }) });
    const body = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error?.message);
    return body.result;
  }, [method, args] as const);
}
