// Desktop backend: the preload exposes `window.skein` (a thin typed object over IPC); this module
// only adapts it to the Backend interface. It imports the bridge's type, never Electron itself.
import type { SkeinBridge } from '../../shared/api/bridge';
import { toBase64, type Backend } from './types';

declare global {
  interface Window {
    skein?: SkeinBridge;
  }
}

function bridge(): SkeinBridge {
  if (!window.skein) throw new Error('The desktop bridge is missing: this build must run inside the Skein window');
  return window.skein;
}

export const backend: Backend = {
  invoke: (method, args) => bridge().invoke(method, args),
  on: (event, listener) => bridge().on(event, listener),
  // the main process shows the native save dialog and writes the file atomically (export.saveAs)
  saveFile: async (args) => 'downloadId' in args
    ? bridge().invoke('export.saveAs', { downloadId: args.downloadId, name: args.name })
    : bridge().invoke('export.saveAs', { name: args.name, base64: await toBase64(args.bytes) }),
};
