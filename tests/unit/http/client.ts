// A raw HTTP client for the browser-mode tests: unlike fetch it lets a test forge the Host and
// Origin headers and send paths exactly as written (no `..` normalisation).
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

export function raw({ port, path, method = 'GET', headers = {}, body, host = '127.0.0.1' }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Opens the event stream and resolves with the first frame of the named event. */
export function nextEvent(port: number, token: string, event: string, onOpen: () => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, Cookie: `skein_token=${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`event stream answered ${res.statusCode}`));
      let buffer = '';
      let opened = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (!opened && buffer.includes(': connected')) {
          opened = true;
          onOpen();
        }
        for (const frame of buffer.split('\n\n')) {
          const lines = frame.split('\n');
          if (lines.includes(`event: ${event}`)) {
            const data = lines.find((line) => line.startsWith('data: '));
            req.destroy();
            resolve(JSON.parse((data ?? 'data: null').slice(6)));
            return;
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
