// The one interface the renderer talks to. Which implementation is used (HTTP for browser mode, the
// preload bridge for the desktop app) is chosen at build time through the `@backend` alias, so no
// component ever asks "am I in Electron?"; components receive it through BackendProvider.
import type { Args, Method, Result } from '../../shared/api/contract';
import type { EventName, EventPayload } from '../../shared/api/events';

export interface Backend {
  invoke<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
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
