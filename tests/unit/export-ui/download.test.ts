// Export from the window in browser mode: export.prepare writes into the private temp folder and
// GET /api/download/<id> hands the file over once, behind the same token, Host and Origin guards
// as the API; unknown, expired or path-like ids are 404 and never reach the file system.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { createExportFiles, DOWNLOAD_TTL_MS, exportFiles } from '../../../electron/export-files';
import { startServer, type BrowserServer } from '../../../electron/http/server';
import { createRouter } from '../../../electron/router';
import { seedLikeGraph } from '../helpers';
import { raw } from '../http/client';

let dir: string;
let store: GraphStore;
let server: BrowserServer;
let cookie: string;

async function call(method: string, args: unknown): Promise<{ status: number; json: { ok: boolean; result?: never; error?: { code: string; message: string } } }> {
  const response = await raw({
    port: server.port, path: '/api/invoke', method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  return { status: response.status, json: JSON.parse(response.body) };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skein-download-'));
  store = new GraphStore(join(dir, 'Heron case.skein'));
  const router = createRouter({ store, appVersion: '0.0.0-test' });
  await seedLikeGraph({ store, router, call: (m, a) => router.call(m, a) as never });
  server = await startServer({ store, staticDir: dir, port: 0, appVersion: '0.0.0-test' });
  cookie = `skein_token=${server.token}`;
});

afterEach(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('export.prepare and the download route', () => {
  it('prepares a GraphML file, downloads it once as an attachment, then removes it', async () => {
    const prepared = await call('export.prepare', { format: 'graphml', scope: { kind: 'view', nodeIds: ['e:1', 'e:3'] } });
    expect(prepared.status).toBe(200);
    const { downloadId, name, bytes, counts } = prepared.json.result as unknown as { downloadId: string; name: string; bytes: number; counts: Record<string, number> };
    expect(downloadId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(name).toMatch(/^Heron case-view-\d{4}-\d{2}-\d{2}\.graphml$/);
    expect(counts.nodes).toBe(2);
    const folder = join(exportFiles().root, downloadId);
    expect(existsSync(join(folder, name))).toBe(true);

    const response = await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Number(response.headers['content-length'])).toBe(bytes);
    expect(response.body).toContain('<graphml');
    expect(response.body).toContain('Oleg Varnavin');
    // the server removes the file once the response has finished, which can land just after the client has the body
    await expect.poll(() => existsSync(folder)).toBe(false);

    const again = await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: cookie } });
    expect(again.status).toBe(404);
  });

  it('refuses a download without the token or from a foreign Host, and keeps the file for the real page', async () => {
    const { downloadId } = (await call('export.prepare', { format: 'snapshot' })).json.result as unknown as { downloadId: string };
    expect((await raw({ port: server.port, path: `/api/download/${downloadId}` })).status).toBe(401);
    expect((await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: 'skein_token=wrong' } })).status).toBe(403);
    const rebinding = await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: cookie, Host: `evil.example:${server.port}` } });
    expect(rebinding.status).toBe(403);
    const crossSite = await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: cookie, Origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
    const ok = await raw({ port: server.port, path: `/api/download/${downloadId}`, headers: { Cookie: cookie } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).format).toBe('skein-snapshot');
  });

  it('answers 404 for unknown and path-like ids without touching other files', async () => {
    const { downloadId } = (await call('export.prepare', { format: 'cyjs' })).json.result as unknown as { downloadId: string };
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fetc%2Fpasswd', '..', `${downloadId}%2F..`, `../${downloadId}`, `${downloadId}/x`, '%2e%2e']) {
      const response = await raw({ port: server.port, path: `/api/download/${id}`, headers: { Cookie: cookie } });
      expect(response.status, id).toBe(404);
    }
    expect(existsSync(join(exportFiles().root, downloadId))).toBe(true);
    expect((await raw({ port: server.port, path: `/api/download/${downloadId}`, method: 'POST', headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('refuses export.prepare with a path or a bad scope', async () => {
    const withPath = await call('export.prepare', { format: 'graphml', path: '/tmp/x.graphml' });
    expect(withPath.json.error?.code).toBe('invalid_arguments');
    const badScope = await call('export.prepare', { format: 'graphml', scope: { kind: 'view', nodeIds: ['../x'] } });
    expect(badScope.json.error?.message).toMatch(/node id/);
  });
});

describe('the prepared-file table', () => {
  it('expires a download after ten minutes and removes its folder', () => {
    let clock = 1_000;
    const root = join(dir, 'exports');
    const files = createExportFiles(root, () => clock);
    const { id, path } = files.reserve('a.graphml');
    writeFileSync(path, 'x');
    files.publish(id, 'a.graphml');
    expect(files.find(id)?.bytes).toBe(1);
    clock += DOWNLOAD_TTL_MS;
    expect(files.find(id)).toBeNull();
    expect(readdirSync(root)).toEqual([]);
    files.dispose();
    expect(existsSync(root)).toBe(false);
  });
});
