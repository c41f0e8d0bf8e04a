// The desktop IPC transport, shared by the main process and the preload: channel names, the reply
// envelope, the sender check, and the pure functions on each side (tested in plain Node, since
// Electron itself cannot run in CI). Only type imports reach the router, so the preload bundle
// stays free of zod and the handlers.
import { ApiError, isErrorBody, type ErrorBody } from '../shared/api/errors';
import { encodeBridgeMessage } from '../shared/api/names';
import type { Router } from './router';

export const INVOKE_CHANNEL = 'skein:invoke';
export const EVENT_CHANNEL = 'skein:event';

/** The custom scheme and host the renderer is loaded from (`app://skein/index.html`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'skein';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** Only our own page, loaded from app://skein/, may call the API (not a devtools page or an iframe). */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Main side: route one call and wrap the outcome, never letting a stack trace cross to the page. */
export async function answerInvoke(router: Router, senderUrl: string | undefined | null, method: unknown, args: unknown): Promise<IpcReply> {
  if (!isTrustedSenderUrl(senderUrl)) {
    return { ok: false, error: { code: 'refused', message: 'Refused: this page may not call the Skein API' } };
  }
  try {
    return { ok: true, result: await router.call(method, args) };
  } catch (error) {
    // The router turns every failure into an ApiError; anything else is a bug and stays opaque.
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: 'Internal error' } };
  }
}

/** Preload side: a reply becomes the result, or a thrown Error carrying the code. */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && (reply as IpcReply).ok === true) return (reply as { result: unknown }).result;
  const error = typeof reply === 'object' && reply !== null && isErrorBody((reply as { error?: unknown }).error)
    ? (reply as { error: ErrorBody }).error
    : { code: 'internal', message: 'The Skein API sent an unreadable reply' };
  const thrown = new Error(encodeBridgeMessage(error.code, error.message)) as Error & { code: string };
  thrown.name = 'ApiError';
  thrown.code = error.code;
  throw thrown;
}
