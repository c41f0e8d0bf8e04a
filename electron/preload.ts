// The desktop preload: `window.skein`, a thin typed object with `invoke` and `on` for the
// contract's names only (STYLE 5). It never hands out ipcRenderer, refuses unknown names before
// anything crosses IPC, and is bundled small (names as plain strings, no zod).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SkeinBridge } from '../shared/api/bridge';
import { encodeBridgeMessage, EVENT_NAME_LIST, METHOD_NAMES } from '../shared/api/names';
import { EVENT_CHANNEL, INVOKE_CHANNEL, unwrapReply } from './ipc';

type Listener = (payload: unknown) => void;

function refused(message: string): Error {
  const error = new Error(encodeBridgeMessage('unknown_method', message)) as Error & { code: string };
  error.name = 'ApiError';
  error.code = 'unknown_method';
  return error;
}

// One IPC subscription for every event; page listeners hang off this map, so the page can never
// attach a listener to another channel or see the IPC event object.
const listeners = new Map<string, Set<Listener>>();
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`skein: a listener of ${name} failed`, error);
    }
  }
});

const bridge: SkeinBridge = {
  async invoke(method, args) {
    if (typeof method !== 'string' || !METHOD_NAMES.includes(method)) throw refused(`Unknown API method ${JSON.stringify(String(method)).slice(0, 80)}`);
    return unwrapReply(await ipcRenderer.invoke(INVOKE_CHANNEL, method, args)) as never;
  },
  on(event, listener) {
    if (typeof event !== 'string' || !EVENT_NAME_LIST.includes(event) || typeof listener !== 'function') {
      throw refused(`Unknown event ${JSON.stringify(String(event)).slice(0, 80)}`);
    }
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  },
};

contextBridge.exposeInMainWorld('skein', bridge);
