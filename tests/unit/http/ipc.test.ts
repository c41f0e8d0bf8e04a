// The desktop IPC envelope in plain Node: the sender check, the reply shape through the real
// router, and how the preload turns a failure back into an error with a code.
import { describe, expect, it } from 'vitest';
import { answerInvoke, isTrustedSenderUrl, unwrapReply } from '../../../electron/ipc';
import { decodeBridgeMessage } from '../../../shared/api/names';
import { testApp } from '../helpers';

const PAGE = 'app://skein/index.html';

describe('desktop IPC', () => {
  it('trusts only frames loaded from app://skein/', () => {
    expect(isTrustedSenderUrl(PAGE)).toBe(true);
    expect(isTrustedSenderUrl('app://skein/')).toBe(true);
    for (const url of ['https://skein/', 'app://evil/index.html', 'app://skein.evil/index.html', 'devtools://devtools/bundled/inspector.html', 'file:///index.html', 'about:blank', '', null, undefined]) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });

  it('routes a call from our page and wraps the result', async () => {
    const app = testApp();
    const reply = await answerInvoke(app.router, PAGE, 'entity.create', { kind: 'person', name: 'Alnur Mussayev' });
    expect(reply).toMatchObject({ ok: true, result: { name: 'Alnur Mussayev' } });
    expect(unwrapReply(reply)).toMatchObject({ name: 'Alnur Mussayev' });
  });

  it('refuses a call from another frame without touching the database', async () => {
    const app = testApp();
    const reply = await answerInvoke(app.router, 'https://example.com/', 'entity.create', { kind: 'person', name: 'Forged' });
    expect(reply).toEqual({ ok: false, error: { code: 'refused', message: expect.stringMatching(/may not call/) } });
    expect((await app.call('stats.get', {})).entities).toBe(0);
  });

  it('turns malformed arguments into an error the preload rethrows with its code', async () => {
    const app = testApp();
    const reply = await answerInvoke(app.router, PAGE, 'entity.create', { kind: 'alien' });
    expect(reply.ok).toBe(false);
    let thrown: (Error & { code?: string }) | undefined;
    try {
      unwrapReply(reply);
    } catch (error) {
      thrown = error as Error & { code?: string };
    }
    expect(thrown?.code).toBe('invalid_arguments');
    // the code also survives Electron's contextBridge, which keeps only the message
    const decoded = decodeBridgeMessage(thrown?.message ?? '');
    expect(decoded.code).toBe('invalid_arguments');
    expect(decoded.message).toMatch(/^entity\.create: kind/);
  });

  it('treats an unreadable reply as an internal error', () => {
    expect(() => unwrapReply(undefined)).toThrow(/unreadable reply/);
    expect(() => unwrapReply({ ok: false, error: 'boom' })).toThrow(/unreadable reply/);
  });

  it('leaves messages without a code as they are', () => {
    expect(decodeBridgeMessage('plain failure')).toEqual({ code: null, message: 'plain failure' });
  });
});
