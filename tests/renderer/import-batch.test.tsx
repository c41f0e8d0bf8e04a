// @vitest-environment jsdom
// Files in the import screen: text files are read in the renderer, .pdf/.docx are sent as bytes
// for the main process to read (no paths here), HTML is flattened inertly, and "Import all" sends
// each file to import.auto with progress, skipping duplicates and listing failures without stopping.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportProposal } from '../../shared/api/import';
import { createActions } from '../../renderer/app/actions';
import { commandForKey } from '../../renderer/app/useCommands';
import { BackendProvider } from '../../renderer/backend/context';
import { BackendError } from '../../renderer/backend/types';
import { htmlToText } from '../../renderer/import/files';
import { ImportScreen } from '../../renderer/import/ImportScreen';
import { ImportRoot } from '../../renderer/import/ImportRoot';
import { openImport, useImportScreen } from '../../renderer/import/importStore';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); useImportScreen.setState({ open: false, files: [], batch: null }); });

function proposalFor(text: string, duplicateOf: number | null = null): ImportProposal {
  return {
    text, metadata: { title: null, author: null, publisher: null, url: null, publishedAt: null, language: null },
    kind: 'article', sentences: [], sha256: '', duplicateOf, fileName: null, entities: [], matches: [], claims: [], relations: [],
  };
}

function setup(gate?: Promise<void>) {
  let next = 1;
  const backend = fakeBackend({
    'import.preview': async (args) => {
      await gate; // lets a test act while the first file is still being read
      if (args.file) throw new BackendError('refused', `${args.file.name}: the PDF has no text layer`);
      if (args.text?.includes('BROKEN')) throw new BackendError('internal', 'the extractor failed');
      return { proposal: proposalFor(args.text!, args.text?.includes('SEEN') ? 3 : null) };
    },
    'import.commit': () => ({ sourceId: 10 + next++, historyId: 1, entities: 2, newEntities: 2, claims: 1, relations: 0 }),
    // "Import all": the main process previews and commits (or skips) each file as the two calls above would
    'import.auto': async (args) => {
      await gate;
      if (args.file) throw new BackendError('refused', `${args.file.name}: the PDF has no text layer`);
      if (args.text?.includes('BROKEN')) throw new BackendError('internal', 'the extractor failed');
      if (args.text?.includes('SEEN')) return { status: 'skipped' as const, sourceId: 3, entities: 0, claims: 0 };
      return { status: 'imported' as const, sourceId: 10 + next++, entities: 2, claims: 1 };
    },
    'graph.nodes': () => ({ nodes: [], edges: [] }),
    'graph.edgesAmong': () => ({ edges: [] }),
    'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: {} as never }),
  });
  const onClose = vi.fn();
  render(<BackendProvider backend={backend}><ImportScreen actions={createActions(backend)} onClose={onClose} /></BackendProvider>);
  return { backend, onClose };
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('import files', () => {
  it('reads text files, sends binary formats as bytes, and imports all, reporting each failure', async () => {
    const { backend } = setup();
    fireEvent.change(screen.getByTestId('import-file-input'), {
      target: { files: [file('one.txt', 'First article.'), file('two.md', 'BROKEN text'), file('three.pdf', '%PDF-1.7'), file('four.txt', 'SEEN before'), file('five.txt', 'Last one.')] },
    });
    const list = await screen.findByTestId('import-file-list');
    expect(list.textContent).toContain('three.pdf');
    fireEvent.click(screen.getByTestId('import-all'));
    const summary = await screen.findByTestId('import-batch-summary');
    expect(summary.textContent).toContain('2 imported, 1 skipped (already imported), 2 failed');
    expect(summary.textContent).toContain('two.md');
    expect(summary.textContent).toContain('the extractor failed');
    expect(summary.textContent).toContain('three.pdf: the PDF has no text layer');
    expect((screen.getByTestId('import-progress') as HTMLProgressElement).value).toBe(5);
    // each file goes to import.auto once, in order, binary formats as bytes; the file's name is the
    // title the main process gives a text that names none
    expect(backend.calls.filter((c) => c.method === 'import.auto').map((c) => c.args)).toEqual([
      { text: 'First article.', fallbackTitle: 'one' },
      { text: 'BROKEN text', fallbackTitle: 'two' },
      { file: { name: 'three.pdf', base64: btoa('%PDF-1.7') }, fallbackTitle: 'three' },
      { text: 'SEEN before', fallbackTitle: 'four' },
      { text: 'Last one.', fallbackTitle: 'five' },
    ]);
    expect(backend.calls.filter((c) => c.method === 'import.preview' || c.method === 'import.commit')).toEqual([]);
    expect(useSkein.getState().notice?.text).toBe('Imported 2 of 5 files; 2 failed');
  });

  it('stops after the current file when the batch is cancelled', async () => {
    let release = () => {};
    const { backend } = setup(new Promise<void>((resolve) => { release = resolve; }));
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file('a.txt', 'A.'), file('b.txt', 'B.'), file('c.txt', 'C.')] } });
    await screen.findByTestId('import-file-list');
    fireEvent.click(screen.getByTestId('import-all'));
    expect((await screen.findByTestId('import-batch')).textContent).toContain('Reading a.txt');
    fireEvent.click(screen.getByTestId('import-batch-cancel'));
    await act(async () => { release(); });
    const summary = await screen.findByTestId('import-batch-summary');
    expect(summary.textContent).toMatch(/1 imported.*2 not started/);
    expect(backend.calls.filter((c) => c.method === 'import.auto')).toHaveLength(1);
  });

  it('reviews several files one by one: commit moves to the next, a failed preview is reported and passed over', async () => {
    const { backend, onClose } = setup();
    fireEvent.change(screen.getByTestId('import-file-input'), {
      target: { files: [file('a.txt', 'Alpha.'), file('b.txt', 'BROKEN'), file('c.html', '<title>Gamma page</title><p>Gamma.</p>')] },
    });
    await screen.findByTestId('import-file-list');
    fireEvent.click(screen.getByTestId('import-review-files'));
    expect((await screen.findByTestId('import-review')).textContent).toContain('file 1 of 3');
    expect(screen.getByTestId('import-text').textContent).toBe('Alpha.');
    expect((screen.getByTestId('meta-title') as HTMLInputElement).value).toBe('a');
    await act(async () => { fireEvent.click(screen.getByTestId('import-commit')); });
    // b.txt fails to preview: its error is shown and c.html (flattened, titled from <title>) is offered
    expect(await screen.findByText(/file 3 of 3/)).toBeTruthy();
    expect(screen.getByTestId('import-error').textContent).toContain('b.txt: the extractor failed');
    expect(screen.getByTestId('import-text').textContent).toBe('Gamma.');
    expect(backend.calls.filter((c) => c.method === 'import.preview').map((c) => c.args)).toEqual([
      { text: 'Alpha.' }, { text: 'BROKEN' }, { text: 'Gamma.', title: 'Gamma page' },
    ]);
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => { fireEvent.click(screen.getByTestId('import-commit')); });
    expect(onClose).toHaveBeenCalled();
    expect(backend.calls.filter((c) => c.method === 'import.commit')).toHaveLength(2);
  });

  it('flattens saved web pages without running or keeping their scripts', () => {
    const page = '<html><head><title>T</title><script>window.pwned=3</script></head><body><nav>menu</nav><article><h1>Head</h1><p>One <b>bold</b> line.</p><p>Two.</p></article></body></html>';
    expect(htmlToText(page)).toEqual({ text: 'Head\nOne bold line.\nTwo.', title: 'T' });
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('opens the import screen on Ctrl+I or Cmd+I', () => {
    const key = { key: 'i', shiftKey: false, altKey: false, target: null };
    expect(commandForKey({ ...key, ctrlKey: true, metaKey: false })).toBe('import');
    expect(commandForKey({ ...key, ctrlKey: false, metaKey: true })).toBe('import');
    expect(commandForKey({ ...key, ctrlKey: false, metaKey: false })).toBeNull();
  });

  it('goes on in the background when the screen is hidden, with progress, cancel and the summary in an indicator', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const backend = fakeBackend({
      'import.auto': async (args) => {
        await gate;
        return { status: 'imported' as const, sourceId: args.text!.length, entities: 1, claims: 0 };
      },
      'graph.nodes': () => ({ nodes: [], edges: [] }),
      'graph.edgesAmong': () => ({ edges: [] }),
      'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: {} as never }),
    });
    render(<BackendProvider backend={backend}><ImportRoot actions={createActions(backend)} /></BackendProvider>);
    act(() => openImport([file('a.txt', 'A.'), file('b.txt', 'Bb.'), file('c.txt', 'Ccc.')]));
    await screen.findByTestId('import-file-list');
    fireEvent.click(screen.getByTestId('import-all'));
    fireEvent.click(await screen.findByTestId('import-batch-hide'));
    // the screen is gone, the batch is not: the window is free and the indicator follows it
    expect(screen.queryByTestId('import-screen')).toBeNull();
    expect(screen.getByTestId('import-indicator').textContent).toContain('Importing 0 of 3 files');
    await act(async () => { release(); });
    expect((await screen.findByText(/Import finished: 3 imported/)).closest('[data-testid="import-indicator"]')).not.toBeNull();
    expect(backend.calls.filter((c) => c.method === 'import.auto')).toHaveLength(3);
    // the summary is one click away, and closing it ends the batch's life
    fireEvent.click(screen.getByTestId('import-indicator-show'));
    expect((await screen.findByTestId('import-batch-summary')).textContent).toContain('3 imported, 0 skipped (already imported), 0 failed');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-screen')).toBeNull();
    expect(screen.queryByTestId('import-indicator')).toBeNull();
  });

  it('cancels from the indicator after the file being imported', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const backend = fakeBackend({
      'import.auto': async () => {
        await gate;
        return { status: 'imported' as const, sourceId: 1, entities: 1, claims: 0 };
      },
      'graph.nodes': () => ({ nodes: [], edges: [] }),
      'graph.edgesAmong': () => ({ edges: [] }),
      'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: {} as never }),
    });
    render(<BackendProvider backend={backend}><ImportRoot actions={createActions(backend)} /></BackendProvider>);
    act(() => openImport([file('a.txt', 'A.'), file('b.txt', 'B.')]));
    await screen.findByTestId('import-file-list');
    fireEvent.click(screen.getByTestId('import-all'));
    fireEvent.click(await screen.findByTestId('import-batch-hide'));
    fireEvent.click(screen.getByTestId('import-indicator-cancel'));
    await act(async () => { release(); });
    expect(await screen.findByText(/Import cancelled: 1 imported/)).toBeTruthy();
    expect(backend.calls.filter((c) => c.method === 'import.auto')).toHaveLength(1);
  });
});
