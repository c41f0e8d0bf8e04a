// Windows without file paths (browser mode, the sandboxed renderer) send a file's bytes instead.
import { describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { createRouter } from '../../../electron/router';
import type { Args, Method, Result } from '../../../shared/api/contract';
import { counts } from './helpers';
import { makeDocx, makePdf } from './make-files';

function app() {
  const store = GraphStore.memory();
  const router = createRouter({ store, appVersion: 'test' });
  const call = async <M extends Method>(method: M, args: Args<M>) => (await router.call(method, args)) as Result<M>;
  return { store, router, call };
}

describe('import.preview with file bytes', () => {
  it('reads a PDF and a DOCX sent as base64, with their metadata', async () => {
    const { call } = app();
    const pdf = makePdf(['Ilse Varga said the depot in Narva was sold in 2019.'], { title: 'Depot sale' });
    const fromPdf = await call('import.preview', { file: { name: 'depot.pdf', base64: pdf.toString('base64') } });
    expect(fromPdf.proposal.text).toContain('Ilse Varga said the depot in Narva was sold in 2019.');
    expect(fromPdf.proposal.metadata.title).toBe('Depot sale');
    const docx = makeDocx(['Tomas Reile denied any payment.']);
    const fromDocx = await call('import.preview', { file: { name: 'memo.docx', base64: docx.toString('base64') } });
    expect(fromDocx.proposal.text).toContain('Tomas Reile denied any payment.');
  });

  it('refuses malformed uploads with a clear message and writes nothing', async () => {
    const { store, router } = app();
    const before = counts(store);
    await expect(router.call('import.preview', { file: { name: 'x.pdf', base64: 'not base64!' } })).rejects.toThrow(/not base64/);
    await expect(router.call('import.preview', { file: { name: 'x.exe', base64: 'AAAA' } })).rejects.toThrow(/not a text\/HTML\/PDF\/DOCX file/);
    await expect(router.call('import.preview', { file: { name: 'x.pdf', base64: Buffer.from('hello').toString('base64') } })).rejects.toThrow(/x\.pdf/);
    await expect(router.call('import.preview', { text: 'a', file: { name: 'x.txt', base64: 'YQ==' } })).rejects.toThrow(/exactly one/);
    expect(counts(store)).toEqual(before);
  });
});
