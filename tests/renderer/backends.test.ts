// The two Backend implementations: browser mode maps the server's envelope to results and readable
// errors and fans SSE events out to listeners; the desktop one forwards to the preload bridge.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBackend } from '../../renderer/backend/http';
import { BackendError } from '../../renderer/backend/types';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => ({ status, json: async () => body }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('http backend', () => {
  it('posts {method,args} with the same-origin cookie and returns the result', async () => {
    const fetch = stubFetch(200, { ok: true, result: { hits: [] } });
    await expect(createHttpBackend().invoke('search.query', { q: 'Kra' })).resolves.toEqual({ hits: [] });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/invoke');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(String(init.body))).toEqual({ method: 'search.query', args: { q: 'Kra' } });
  });

  it('throws the server error with its code and message', async () => {
    stubFetch(400, { ok: false, error: { code: 'invalid_arguments', message: 'entity.create: name: a name is required' } });
    const error = await createHttpBackend().invoke('entity.create', { kind: 'person', name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'invalid_arguments', message: 'entity.create: name: a name is required' });
  });

  it('turns an unreadable answer into a readable error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => ({ status: 502, json: async () => { throw new SyntaxError('Unexpected token <'); } })));
    await expect(createHttpBackend().invoke('app.info', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('502') });
  });

  it('delivers server-sent events by name to each listener until it unsubscribes', () => {
    const sources: { url: string; handlers: Map<string, (e: { data: string }) => void> }[] = [];
    vi.stubGlobal('EventSource', class {
      handlers = new Map<string, (e: { data: string }) => void>();
      constructor(readonly url: string) { sources.push(this); }
      addEventListener(name: string, fn: (e: { data: string }) => void) { this.handlers.set(name, fn); }
    });
    const backend = createHttpBackend();
    const seen: unknown[] = [];
    const off = backend.on('graph.changed', (p) => seen.push(p));
    backend.on('menu.command', () => seen.push('menu'));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/api/events');
    const payload = { historyId: 3, action: 'entity.create', nodeIds: ['e:1'] };
    sources[0]!.handlers.get('graph.changed')!({ data: JSON.stringify(payload) });
    sources[0]!.handlers.get('graph.changed')!({ data: '{not json' });
    off();
    sources[0]!.handlers.get('graph.changed')!({ data: JSON.stringify(payload) });
    expect(seen).toEqual([payload]);
  });
});

describe('electron backend', () => {
  it('forwards calls and subscriptions to window.skein', async () => {
    const invoke = vi.fn(async () => ({ ok: true }));
    const off = vi.fn();
    const on = vi.fn(() => off);
    vi.stubGlobal('window', { skein: { invoke, on } });
    const { backend } = await import('../../renderer/backend/electron');
    await backend.invoke('history.undo', {});
    expect(invoke).toHaveBeenCalledWith('history.undo', {});
    const listener = () => {};
    expect(backend.on('app.reopened', listener)).toBe(off);
    expect(on).toHaveBeenCalledWith('app.reopened', listener);
  });
});
