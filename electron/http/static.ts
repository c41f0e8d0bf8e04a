// Serves the built renderer (`dist/web`) read-only: GET/HEAD only, no path outside the folder
// (neither by `..` nor through a symlink), `index.html` for `/`.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentTypeFor } from './headers';

export interface StaticRoot {
  /** the folder's real path (symlinks resolved), the boundary every served file must stay inside */
  dir: string;
}

export async function staticRoot(dir: string): Promise<StaticRoot> {
  return { dir: await realpath(resolve(dir)).catch(() => resolve(dir)) };
}

/** Maps a URL path to a file inside the root, or null when it would leave it or is malformed. */
export async function resolveStaticPath(root: StaticRoot, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(root.dir, relative);
  if (!isInside(root.dir, candidate)) return null;
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return candidate; // does not exist: the caller answers 404
  }
  return isInside(root.dir, real) ? real : null;
}

function isInside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

export async function serveStatic(root: StaticRoot, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const file = await resolveStaticPath(root, urlPath);
  if (file === null) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Refused: path outside the application folder\n');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(extname(file)),
    'Content-Length': info.size,
    // the renderer is rebuilt in place during development; never serve a stale bundle
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
