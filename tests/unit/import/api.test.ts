import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { createRouter } from '../../../electron/router';
import type { Args, Method, Result } from '../../../shared/api/contract';
import { counts, handProposal } from './helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

function app() {
  const store = GraphStore.memory();
  const events: { event: string; payload: unknown }[] = [];
  const router = createRouter({ store, appVersion: 'test', emit: (event, payload) => events.push({ event, payload }) });
  const call = async <M extends Method>(method: M, args: Args<M>) => (await router.call(method, args)) as Result<M>;
  return { store, router, call, events };
}

describe('import API', () => {
  it('previews pasted text, commits the reviewed proposal, and then calls it already imported', async () => {
    const { store, call } = app();
    const text = 'Ivo Kask, the defence minister of Estonia, said on Monday that the contract with Brightwater Logistics was lawful. Lena Ots denied that.';
    const { proposal } = await call('import.preview', { text, title: 'Contract row' });
    expect(proposal).toMatchObject({ text, duplicateOf: null, kind: 'article', metadata: { title: 'Contract row' } });
    expect(counts(store).sources).toBe(0);
    const written = await call('import.commit', { proposal, decisions: [] });
    expect(written.sourceId).toBeGreaterThan(0);
    expect(counts(store)).toMatchObject({ sources: 1, history: 1, entities: written.newEntities });
    const again = await call('import.preview', { text });
    expect(again.proposal.duplicateOf).toBe(written.sourceId);
    // every extracted entity the text names is now known, so the preview links all of them
    expect(again.proposal.matches.length).toBe(again.proposal.entities.filter((e) => e.existingId !== null).length);
  });

  it('commits an edited proposal and rejects malformed arguments, changing nothing', async () => {
    const { store, call, router } = app();
    await expect(router.call('import.preview', { text: 'a', path: '/x' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(router.call('import.preview', {})).rejects.toThrow('exactly one of text, path or file');
    await expect(router.call('import.commit', { proposal: handProposal(), decisions: [{ key: 'p1', action: 'merge' }] })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(router.call('import.commit', { proposal: { ...handProposal(), text: '' } })).rejects.toThrow('the text is empty');
    await expect(router.call('import.batch', { paths: [] })).rejects.toThrow('at least one file');
    await expect(router.call('import.preview', { path: join(FIXTURES, 'nothing-here.pdf') })).rejects.toMatchObject({ code: 'refused', message: 'nothing-here.pdf: the file does not exist' });
    expect(counts(store)).toMatchObject({ sources: 0, entities: 0, history: 0 });
    const result = await call('import.commit', { proposal: handProposal(), decisions: [{ key: 'o1', action: 'ignore' }] });
    expect(result).toMatchObject({ entities: 2, newEntities: 2, claims: 2, relations: 0 });
  });

  it('runs a batch with progress events and reports failures per file', async () => {
    const { call, events } = app();
    const root = mkdtempSync(join(tmpdir(), 'skein-api-batch-'));
    copyFileSync(join(FIXTURES, 'defector.txt'), join(root, 'one.txt'));
    writeFileSync(join(root, 'two.txt'), '');
    const result = await call('import.batch', { paths: [root], taskId: 'batch-1' });
    expect(result).toMatchObject({ taskId: 'batch-1', cancelled: false, skipped: [], failed: [{ path: join(root, 'two.txt'), error: 'the file is empty' }] });
    expect(result.imported).toHaveLength(1);
    const progress = events.filter((e) => e.event === 'task.progress').map((e) => e.payload);
    expect(progress[0]).toMatchObject({ task: 'batch-1', done: 0, total: 2 });
    expect(progress.at(-1)).toMatchObject({ task: 'batch-1', done: 2, total: 2, message: 'two.txt … failed: the file is empty' });
    expect(await call('import.cancel', { taskId: 'batch-1' })).toEqual({ cancelled: false });
  });
});
