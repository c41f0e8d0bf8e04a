// Browser-mode backend: calls go to the loopback server as JSON over POST, push events arrive as
// server-sent events. The access token lives in a same-origin cookie set by the server, so nothing
// here handles it. Files are handed over as browser downloads: a prepared export from
// /api/download/<id> (same cookie), a picture made here from a Blob URL.
import { isErrorBody } from '../../shared/api/errors';
import { EVENT_NAMES, type EventName, type EventPayload } from '../../shared/api/events';
import type { Args, Method, Result } from '../../shared/api/contract';
import { BackendError, type Backend } from './types';

type Listener = (payload: unknown) => void;

/** Starts a download the way a user's click on a link would; the page stays where it is. */
function download(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

const DOWNLOADS = "the browser's downloads";

export function createHttpBackend(base = ''): Backend {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  // One EventSource for every subscriber, opened lazily so tests and pages that never listen
  // keep no connection open.
  function ensureStream(): void {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`, { withCredentials: true });
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return; // a malformed event is dropped rather than breaking every listener
        }
        for (const fn of listeners.get(name) ?? []) fn(payload);
      });
    }
  }

  return {
    async invoke<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
      const response = await fetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
        credentials: 'same-origin',
      });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new BackendError('internal', `The server answered ${response.status} without a readable body`);
      }
      const envelope = body as { ok?: boolean; result?: unknown; error?: unknown };
      if (envelope.ok === true) return envelope.result as Result<M>;
      if (isErrorBody(envelope.error)) throw new BackendError(envelope.error.code, envelope.error.message);
      throw new BackendError('internal', `The server refused the call (${response.status})`);
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      ensureStream();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const fn = listener as Listener;
      set.add(fn);
      return () => set.delete(fn);
    },
    async saveFile(args) {
      if ('downloadId' in args) {
        download(`${base}/api/download/${encodeURIComponent(args.downloadId)}`, args.name);
        return { saved: true, where: DOWNLOADS };
      }
      const blob = args.bytes instanceof Blob ? args.bytes : new Blob([args.bytes as Uint8Array<ArrayBuffer>]);
      const url = URL.createObjectURL(blob);
      download(url, args.name);
      // the download reads the Blob asynchronously; revoking at once can cancel it in some browsers
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, where: DOWNLOADS };
    },
  };
}

export const backend: Backend = createHttpBackend();
