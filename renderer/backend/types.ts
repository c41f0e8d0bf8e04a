// The one interface the renderer talks to. Which implementation is used (HTTP for browser mode, the
// preload bridge for the desktop app) is chosen at build time through the `@backend` alias, so no
// component ever asks "am I in Electron?"; components receive it through BackendProvider.
import type { Args, Method, Result } from '../../shared/api/contract';
import type { EventName, EventPayload } from '../../shared/api/events';

/** A file to hand to the user: one prepared by export.prepare, or bytes made here (PNG, SVG). */
export type SaveFileArgs = { downloadId: string; name: string } | { name: string; bytes: Uint8Array | Blob };

export interface SaveFileResult {
  /** false when the user cancelled the save dialog */
  saved: boolean;
  /** where the file went, in words the result line can show */
  where?: string;
}

export interface Backend {
  invoke<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Delivers a file: the browser downloads it; the desktop asks where to save it. */
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
}

/** Bytes as base64 for the API, in slices so a large picture never overflows the argument list. */
export async function toBase64(data: Uint8Array | Blob): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An API failure as the renderer sees it: the server's code and a message a user can read. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
