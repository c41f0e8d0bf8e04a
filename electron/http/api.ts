// POST /api/invoke: `{method, args}` in, `{ok:true,result}` or `{ok:false,error}` out, through the
// same router the desktop IPC uses. The body is capped before it is buffered, and a failure never
// carries a stack trace. GET /api/download/<id> hands a prepared export (export.prepare) to the
// browser as an attachment, once.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExportFiles } from '../export-files';
import type { ErrorBody, ErrorCode } from '../../shared/api/errors';
import { errorBody, type Router } from '../router';

// a 20 MB file sent as base64 for import is ~27 MB of JSON
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  invalid_arguments: 400,
  unknown_method: 400,
  not_found: 404,
  conflict: 409,
  stale: 409,
  refused: 409,
  internal: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: ErrorBody, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error }, extra);
}

class BodyTooLarge extends Error {}

/** Buffers the request body, refusing (without reading further) once it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(res: ServerResponse, limit: number): void {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} KB`;
  // Closing the connection stops the client from sending the rest of an oversized upload.
  sendError(res, 413, { code: 'invalid_arguments', message: `Request too large: the limit is ${size}` }, { Connection: 'close' });
}

export async function handleInvoke(router: Router, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, { code: 'invalid_arguments', message: 'Use POST for /api/invoke' }, { Allow: 'POST' });
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    sendError(res, 400, { code: 'invalid_arguments', message: 'Expected a JSON body (Content-Type: application/json)' });
    return;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) tooLarge(res, maxBodyBytes);
    else res.destroy();
    return;
  }
  let request: unknown;
  try {
    request = JSON.parse(raw.toString('utf8'));
  } catch {
    sendError(res, 400, { code: 'invalid_arguments', message: 'The request body is not valid JSON' });
    return;
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request) || typeof (request as { method?: unknown }).method !== 'string') {
    sendError(res, 400, { code: 'invalid_arguments', message: 'Expected a JSON object {"method": "domain.verb", "args": {…}}' });
    return;
  }
  const { method, args } = request as { method: string; args?: unknown };
  try {
    const result = await router.call(method, args);
    sendJson(res, 200, { ok: true, result });
  } catch (error) {
    const body = errorBody(error);
    sendError(res, statusFor(body.code), body);
  }
}

/** RFC 6266/5987: an ASCII fallback name plus the exact UTF-8 name. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function handleDownload(files: ExportFiles, req: IncomingMessage, res: ServerResponse, id: string): void {
  if (req.method !== 'GET') {
    sendError(res, 405, { code: 'invalid_arguments', message: 'Use GET for /api/download' }, { Allow: 'GET' });
    return;
  }
  // take() accepts only the id pattern (no dots, no slashes), so an id can never name another file
  const file = files.take(id);
  if (!file) {
    sendError(res, 404, { code: 'not_found', message: 'No such download: it was already saved or has expired; export again' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': file.bytes,
    'Content-Disposition': attachmentHeader(file.name),
    'Cache-Control': 'no-store',
  });
  const stream = createReadStream(file.path);
  // the file is delivered once: removed when sent, and also when the browser gives up half-way
  const cleanup = () => files.remove(file.id);
  stream.on('error', () => { cleanup(); res.destroy(); });
  res.on('close', cleanup);
  stream.pipe(res);
}
