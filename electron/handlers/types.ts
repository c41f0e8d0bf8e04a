// A handler is a plain function over the store and already-validated arguments. Handlers never
// import `electron`, so they run and are tested under plain Node.
import type { Method, ParsedArgs, Result } from '../../shared/api/contract';
import type { GraphStore } from '../../db/store';
import type { EventName, EventPayload } from '../../shared/api/events';

export interface HandlerContext {
  store: GraphStore;
  appVersion: string;
  /** pushes an event to the windows (import progress); the transports pass one, tests may not */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export type Handler<M extends Method> = (ctx: HandlerContext, args: ParsedArgs<M>) => Result<M> | Promise<Result<M>>;
export type HandlerMap = { [M in Method]?: Handler<M> };
