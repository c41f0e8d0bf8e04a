// Browser mode over real loopback HTTP: the token, Host and Origin guards, the API transport, the
// body cap, static files without traversal, and push events.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { startServer, type BrowserServer } from '../../../electron/http/server';
import { nextEvent, raw } from './client';

let dir: string;
let store: GraphStore;
let server: BrowserServer;
let cookie: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skein-http-'));
  mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Skein</title><div id="root"></div>');
  writeFileSync(join(dir, 'web', 'assets', 'app.js'), 'console.log("skein")');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  store = new GraphStore(join(dir, 'test.skein'));
  server = await startServer({ store, staticDir: join(dir, 'web'), port: 0, appVersion: '9.9.9-test', maxBodyBytes: 64 * 1024 });
  cookie = `skein_token=${server.token}`;
});

afterEach(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

async function invoke(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } } };
}

describe('browser-mode access control', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await reachable('127.0.0.1', server.port)).toBe(true);
    // Every other address of this machine (IPv6 loopback, the network interfaces) is not served.
    const others = Object.values(networkInterfaces()).flat()
      .filter((address) => address !== undefined && address.address !== '127.0.0.1' && !address.address.startsWith('fe80'))
      .map((address) => address!.address);
    expect(others.length).toBeGreaterThan(0);
    for (const address of others) expect(await reachable(address, server.port), address).toBe(false);
  });

  it('answers 401 without a token', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(401);
    expect(await page.text()).toMatch(/access token/);
    const api = await fetch(`${server.url}api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":"stats.get"}' });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { ok: boolean }).ok).toBe(false);
  });

  it('answers 403 to a wrong token in the cookie, the header or the link', async () => {
    expect((await fetch(server.url, { headers: { cookie: 'skein_token=nope' } })).status).toBe(403);
    expect((await fetch(server.url, { headers: { 'x-skein-token': 'nope' } })).status).toBe(403);
    const link = await fetch(`${server.url}?token=nope`, { redirect: 'manual' });
    expect(link.status).toBe(403);
    expect(link.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const response = await raw({ port: server.port, path: '/', headers: { Host: `evil.example:${server.port}`, Cookie: cookie } });
    expect(response.status).toBe(403);
    const otherPort = await raw({ port: server.port, path: '/', headers: { Host: '127.0.0.1:1', Cookie: cookie } });
    expect(otherPort.status).toBe(403);
    const localhost = await raw({ port: server.port, path: '/', headers: { Host: `localhost:${server.port}`, Cookie: cookie } });
    expect(localhost.status).toBe(200);
  });

  it('refuses a foreign Origin header even with the right token', async () => {
    const body = JSON.stringify({ method: 'entity.create', args: { kind: 'person', name: 'Forged' } });
    const response = await raw({
      port: server.port, path: '/api/invoke', method: 'POST', body,
      headers: { Origin: 'http://evil.example', Cookie: cookie, 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'refused' } });
    const nullOrigin = await raw({ port: server.port, path: '/api/invoke', method: 'POST', body, headers: { Origin: 'null', Cookie: cookie, 'Content-Type': 'application/json' } });
    expect(nullOrigin.status).toBe(403);
    expect(store.db.prepare('SELECT count(*) AS n FROM entity').get()).toEqual({ n: 0 });
    const own = await raw({ port: server.port, path: '/api/invoke', method: 'POST', body, headers: { Origin: `http://127.0.0.1:${server.port}`, Cookie: cookie, 'Content-Type': 'application/json' } });
    expect(own.status).toBe(200);
  });

  it('trades the token link for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const link = await fetch(`${server.url}?token=${server.token}`, { redirect: 'manual' });
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/');
    const setCookie = link.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`skein_token=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const page = await fetch(server.url, { headers: { cookie: setCookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('<title>Skein</title>');
  });
});

describe('browser-mode API', () => {
  it('returns contract results for a call with the cookie', async () => {
    const info = await invoke({ method: 'app.info', args: {} });
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ ok: true, result: { version: '9.9.9-test', counts: { entities: 0 } } });
    const created = await invoke({ method: 'entity.create', args: { kind: 'person', name: 'Oleg Varnavin', aliases: [{ name: 'Варнавин', kind: 'transliteration' }] } });
    expect(created.json).toMatchObject({ ok: true, result: { kind: 'person', name: 'Oleg Varnavin' } });
    const found = await invoke({ method: 'search.query', args: { q: 'Варн' } });
    expect(found.json).toMatchObject({ ok: true, result: { hits: [{ label: 'Oleg Varnavin' }] } });
  });

  it('marks API answers as not cacheable', async () => {
    const response = await fetch(`${server.url}api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{"method":"stats.get","args":{}}' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('rejects malformed arguments with 400 and a readable message, leaving the database unchanged', async () => {
    const before = store.db.prepare('SELECT (SELECT count(*) FROM entity) + (SELECT count(*) FROM history) AS n').get();
    const bad = await invoke({ method: 'entity.create', args: { kind: 'alien', name: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.json.ok).toBe(false);
    expect(bad.json.error?.code).toBe('invalid_arguments');
    expect(bad.json.error?.message).toMatch(/^entity\.create: /);
    expect(bad.json.error?.message).toMatch(/kind/);
    expect(bad.json.error?.message).not.toMatch(/\n\s+at /);
    const after = store.db.prepare('SELECT (SELECT count(*) FROM entity) + (SELECT count(*) FROM history) AS n').get();
    expect(after).toEqual(before);
  });

  it('rejects an unknown method with 400', async () => {
    const response = await invoke({ method: 'fs.readFile', args: { path: '/etc/passwd' } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'unknown_method' });
  });

  it('rejects a body that is not JSON, or not a call, with 400', async () => {
    const notJson = await invoke('{"method": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toMatch(/not valid JSON/);
    const notCall = await invoke([1, 2, 3]);
    expect(notCall.status).toBe(400);
    const wrongType = await fetch(`${server.url}api/invoke`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie }, body: '{"method":"stats.get"}' });
    expect(wrongType.status).toBe(400);
  });

  it('answers 404 for a missing entity', async () => {
    const response = await invoke({ method: 'entity.get', args: { id: 999 } });
    expect(response.status).toBe(404);
    expect(response.json.error?.code).toBe('not_found');
  });

  it('refuses an oversized body with 413 and a JSON error', async () => {
    const huge = JSON.stringify({ method: 'entity.create', args: { kind: 'person', name: 'x', description: 'y'.repeat(100 * 1024) } });
    const response = await invoke(huge);
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(response.json.error?.message).toMatch(/too large/);
    // a chunked upload (no Content-Length) is cut off at the limit as well
    const chunked = await raw({
      port: server.port, path: '/api/invoke', method: 'POST', body: huge,
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect(chunked.body).toMatch(/limit is 64 KB/);
    expect(store.db.prepare('SELECT count(*) AS n FROM entity').get()).toEqual({ n: 0 });
  });

  it('refuses a declared body above the default 32 MB limit', async () => {
    const big = await startServer({ store, staticDir: join(dir, 'web'), appVersion: 'x' });
    try {
      const response = await raw({
        port: big.port, path: '/api/invoke', method: 'POST', body: '{}',
        headers: { Host: `127.0.0.1:${big.port}`, Cookie: `skein_token=${big.token}`, 'Content-Type': 'application/json', 'Content-Length': String(33 * 1024 * 1024) },
      });
      expect(response.status).toBe(413);
      expect(response.body).toMatch(/limit is 32 MB/);
    } finally {
      await big.close();
    }
  });
});

describe('browser-mode static files', () => {
  it('serves the renderer with its content type', async () => {
    const script = await fetch(`${server.url}assets/app.js`, { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${server.url}assets/missing.js`, { headers: { cookie } })).status).toBe(404);
  });

  it('refuses paths that leave the renderer folder', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'web', 'link.txt'));
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/%00index.html', '/%E0%A4%A']) {
      const response = await raw({ port: server.port, path, headers: { Cookie: cookie } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.body, path).not.toContain('TOP SECRET');
    }
  });
});

describe('browser-mode push events', () => {
  it('streams graph.changed after a write', async () => {
    const event = nextEvent(server.port, server.token, 'graph.changed', () => {
      void invoke({ method: 'entity.create', args: { kind: 'organization', name: 'Committee for State Security' } });
    });
    await expect(event).resolves.toMatchObject({ action: 'entity.create', historyId: expect.any(Number) });
  });

  it('streams what the server broadcasts', async () => {
    const event = nextEvent(server.port, server.token, 'menu.command', () => server.broadcast('menu.command', { command: 'fit' }));
    await expect(event).resolves.toEqual({ command: 'fit' });
  });

  it('refuses the event stream without the token', async () => {
    expect((await fetch(`${server.url}api/events`)).status).toBe(401);
  });
});
