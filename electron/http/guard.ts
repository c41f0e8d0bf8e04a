// Who may talk to the browser-mode server: only pages on our own loopback origin (Host and Origin
// checks stop DNS rebinding and cross-site requests) holding the access token (cookie or header).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'skein_token';
export const TOKEN_HEADER = 'x-skein-token';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const OK: Verdict = { ok: true };

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host values a browser sends for our own address; anything else is a rebinding attempt. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function checkSite(req: IncomingMessage, port: number): Verdict {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).has(host)) {
    return { ok: false, status: 403, message: `Refused: this server answers only to 127.0.0.1:${port} (Host was ${JSON.stringify(host.slice(0, 100))})` };
  }
  // Browsers send Origin on cross-origin requests and on every POST; same-origin GETs may omit it.
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { ok: false, status: 403, message: 'Refused: cross-origin requests are not allowed' };
  }
  return OK;
}

/** Compares through fixed-length digests so the comparison time says nothing about the token. */
export function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function presentedToken(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  return readCookie(req, TOKEN_COOKIE);
}

export function checkToken(given: string | undefined, expected: string): Verdict {
  if (given === undefined || given === '') {
    return { ok: false, status: 401, message: 'Skein browser mode needs its access token: open the link printed by "npm run serve".' };
  }
  if (!sameToken(given, expected)) {
    return { ok: false, status: 403, message: 'Wrong access token: open the link printed by "npm run serve" (the token changes on every start).' };
  }
  return OK;
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
