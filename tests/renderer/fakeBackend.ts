// A scripted Backend for component tests: answers each method from a handler table and records calls.
import type { Args, Method, Result } from '../../shared/api/contract';
import type { EventName, EventPayload } from '../../shared/api/events';
import { BackendError, type Backend, type SaveFileArgs } from '../../renderer/backend/types';

export type Handlers = { [M in Method]?: (args: Args<M>) => Result<M> | Promise<Result<M>> };

export interface FakeBackend extends Backend {
  calls: { method: Method; args: unknown }[];
  /** files handed to saveFile (exports), in order */
  saved: SaveFileArgs[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function fakeBackend(handlers: Handlers): FakeBackend {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { method: Method; args: unknown }[] = [];
  const saved: SaveFileArgs[] = [];
  return {
    calls,
    saved,
    async saveFile(args) {
      saved.push(args);
      return { saved: true, where: 'test downloads' };
    },
    async invoke<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
      calls.push({ method, args });
      const handler = handlers[method] as ((a: Args<M>) => Result<M> | Promise<Result<M>>) | undefined;
      if (!handler) throw new BackendError('unknown_method', `fake backend has no ${method}`);
      return handler(args);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const fn of listeners.get(event) ?? []) fn(payload);
    },
  };
}
