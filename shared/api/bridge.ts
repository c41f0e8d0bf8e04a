// The surface the desktop preload exposes as `window.skein` (a type only: the renderer imports
// nothing else from the Electron side).
import type { Args, Method, Result } from './contract';
import type { EventName, EventPayload } from './events';

export interface SkeinBridge {
  invoke<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
