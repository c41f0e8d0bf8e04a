// Server-sent events for browser mode: the same push events the desktop app sends over IPC
// (`graph.changed`, `task.progress` …), one stream per open page, with heartbeat comments so that
// idle proxies and the browser keep the connection open.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { events, type EventName, type EventPayload } from '../../shared/api/events';

const HEARTBEAT_MS = 15_000;

export interface EventHub {
  attach(req: IncomingMessage, res: ServerResponse): void;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** ends every stream (a server cannot close while streams are open) */
  close(): void;
  readonly size: number;
}

export function createEventHub(heartbeatMs = HEARTBEAT_MS): EventHub {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  return {
    get size() {
      return clients.size;
    },
    attach(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // The first bytes flush the headers, so the page's EventSource opens at once.
      res.write('retry: 2000\n: connected\n\n');
      clients.add(res);
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('close', drop);
    },
    broadcast(event, payload) {
      // Validating here keeps a wrong payload from reaching the page, as the IPC side does.
      const schema = events[event];
      if (!schema) throw new Error(`Unknown event ${String(event)}`);
      const data = JSON.stringify(schema.parse(payload));
      const frame = `event: ${event}\ndata: ${data}\n\n`;
      for (const res of clients) res.write(frame);
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
