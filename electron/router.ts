// The one router: merges the handler maps (refusing duplicates), validates every call's arguments
// against the contract, and turns failures into errors a user can read. It is mounted on IPC
// (desktop) and on the loopback HTTP server (browser mode).
import { z } from 'zod';
import { contract, isMethod, METHODS, type Method, type Result } from '../shared/api/contract';
import { ApiError, type ErrorBody } from '../shared/api/errors';
import { DatabaseOpenError } from '../db/open';
import type { Handler, HandlerContext, HandlerMap } from './handlers/types';
import { allHandlers } from './handlers';

export interface Router {
  call(method: unknown, args: unknown): Promise<unknown>;
  readonly methods: readonly Method[];
}

export function mergeHandlers(maps: readonly HandlerMap[]): HandlerMap {
  const merged: HandlerMap = {};
  for (const map of maps) {
    for (const [name, fn] of Object.entries(map)) {
      if (name in merged) throw new Error(`Handler ${name} is defined twice`);
      (merged as Record<string, unknown>)[name] = fn;
    }
  }
  return merged;
}

/** Contract methods without a handler (a test keeps this empty). */
export function missingHandlers(maps: readonly HandlerMap[] = allHandlers): Method[] {
  const handlers = mergeHandlers(maps);
  return METHODS.filter((m) => !(m in handlers));
}

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export function createRouter(ctx: HandlerContext, maps: readonly HandlerMap[] = allHandlers): Router {
  const handlers = mergeHandlers(maps);
  return {
    methods: METHODS,
    async call(method: unknown, args: unknown): Promise<unknown> {
      if (!isMethod(method)) {
        throw new ApiError('unknown_method', `Unknown API method ${JSON.stringify(String(method)).slice(0, 80)}`);
      }
      const parsed = contract[method].args.safeParse(args ?? {});
      if (!parsed.success) throw new ApiError('invalid_arguments', `${method}: ${formatZodError(parsed.error)}`);
      const handler = handlers[method] as Handler<Method> | undefined;
      if (!handler) throw new ApiError('unknown_method', `${method} is declared but has no handler`);
      try {
        return (await handler(ctx, parsed.data as never)) as Result<Method>;
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
}

/** Maps any thrown value to an ApiError; SQLite constraint failures become conflicts. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DatabaseOpenError) return new ApiError('refused', error.message);
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) return new ApiError('conflict', `Refused by the database: ${message}`);
  if (code === 'SQLITE_BUSY') return new ApiError('conflict', 'The investigation is busy (another window is writing); try again');
  return new ApiError('internal', `Internal error: ${message}`);
}

export function errorBody(error: unknown): ErrorBody {
  const apiError = toApiError(error);
  return { code: apiError.code, message: apiError.message };
}
