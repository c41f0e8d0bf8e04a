// @vitest-environment jsdom
// The source reader: highlight segmentation over spans (overlapping ones included), markup in the
// article shown as text (never parsed), the quote it was opened at marked, and text selected in it
// turned into an alias through alias.add.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/contract';
import { SourceReader } from '../../renderer/explore/SourceReader';
import { segmentText, sentenceAround, textOffset, trimRange } from '../../renderer/explore/segments';
import { createActions } from '../../renderer/app/actions';
import { BackendProvider } from '../../renderer/backend/context';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

const TEXT = 'Quell met Varnavin. <script>alert(1)</script> Varnavin denied it.';

describe('segmentText', () => {
  it('cuts at every boundary and keeps overlapping spans on the segments they cover', () => {
    const spans = [
      { start: 0, end: 19, target: 'claim' as const, targetId: 1 },
      { start: 0, end: 5, target: 'entity' as const, targetId: 2 },
      { start: 10, end: 18, target: 'entity' as const, targetId: 3 },
      { start: 6, end: 14, target: 'claim' as const, targetId: 9 }, // overlaps the end of one mention
    ];
    const segs = segmentText(TEXT, spans);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    expect(segs.slice(0, 6).map((s) => [s.text, s.marks.map((m) => `${m.target}${m.targetId}`)])).toEqual([
      ['Quell', ['claim1', 'entity2']],
      [' ', ['claim1']],
      ['met ', ['claim1', 'claim9']],
      ['Varn', ['claim1', 'claim9', 'entity3']],
      ['avin', ['claim1', 'entity3']],
      ['.', ['claim1']],
    ]);
  });

  it('clamps spans outside the text, drops empty ones and marks the focus range', () => {
    const segs = segmentText('abcdef', [{ start: 4, end: 99, target: 'entity', targetId: 1 }, { start: 3, end: 3, target: 'claim', targetId: 2 }], { start: 1, end: 3 });
    expect(segs.map((s) => [s.text, s.marks.length, s.focus])).toEqual([['a', 0, false], ['bc', 0, true], ['d', 0, false], ['ef', 1, false]]);
  });

  it('trims selections and finds the sentence around them', () => {
    expect(trimRange(TEXT, 5, 10)).toEqual({ start: 6, end: 9 }); // ' met ' → 'met'
    const s = sentenceAround(TEXT, 10, 18);
    expect(TEXT.slice(s.start, s.end)).toBe('Quell met Varnavin.');
  });
});

const source: Result<'source.get'> = {
  source: { id: 4, uid: 'u', kind: 'article', title: 'Defector names minister', publisher: 'Gazette', author: null, url: null, publishedAt: '2024-03-01', retrievedAt: 0, language: 'en', sha256: 'x', reliability: 'B', createdAt: 0, updatedAt: 0, version: 1 },
  text: TEXT,
  spans: [
    { id: 1, sourceId: 4, start: 0, end: 5, exact: 'Quell', prefix: '', suffix: '', target: 'entity', targetId: 2 },
    { id: 2, sourceId: 4, start: 46, end: 65, exact: 'Varnavin denied it.', prefix: '', suffix: '', target: 'claim', targetId: 7 },
  ],
  claimCount: 1, entityCount: 1, notes: [],
};

describe('SourceReader', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  function setup() {
    const backend = fakeBackend({
      'source.get': () => source,
      'graph.nodes': () => ({ nodes: [
        { id: 'e:2', type: 'entity', kind: 'person', label: 'Marta Quell', importance: 1 },
        { id: 'c:7', type: 'claim', kind: 'claim', label: 'Varnavin denied it.', importance: 1, status: 'disputed' },
      ], edges: [] }),
      'search.query': () => ({ hits: [{ nodeId: 'e:2', type: 'entity', kind: 'person', label: 'Marta Quell', match: null, importance: 1 }] }),
      'alias.add': (a) => ({ id: 9, entityId: a.entityId, name: a.name, norm: a.name.toLowerCase(), kind: a.kind ?? 'alias' }),
      'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: { entities: 1, people: 1, organizations: 0, places: 0, events: 0, aliases: 1, claims: 1, relations: 0, sources: 1, spans: 2, notes: 0, history: 0 } }),
    });
    const actions = createActions(backend);
    render(<BackendProvider backend={backend}><SourceReader actions={actions} /></BackendProvider>);
    return backend;
  }

  it('shows markup in the article as text, with highlights in the canvas colours, at the requested quote', async () => {
    setup();
    act(() => useSkein.getState().openReader({ sourceId: 4, start: 46, end: 65 }));
    const text = await screen.findByTestId('reader-text');
    await waitFor(() => expect(text.querySelector('mark[data-kind="person"]')).not.toBeNull());
    expect(text.textContent).toBe(TEXT);
    expect(text.querySelector('script')).toBeNull();
    expect(text.querySelector('mark[data-kind="person"]')!.textContent).toBe('Quell');
    const focus = text.querySelectorAll('[data-focus="true"]');
    expect([...focus].map((m) => m.textContent).join('')).toBe('Varnavin denied it.');
    expect(focus[0]!.getAttribute('data-status')).toBe('disputed');
  });

  it('opens at an entity’s first mention when asked for the entity', async () => {
    setup();
    act(() => useSkein.getState().openReader({ sourceId: 4, target: { type: 'entity', id: 2 } }));
    const text = await screen.findByTestId('reader-text');
    await waitFor(() => expect(text.querySelector('[data-focus="true"]')?.textContent).toBe('Quell'));
  });

  it('turns selected text into an alias of a chosen entity', async () => {
    const backend = setup();
    act(() => useSkein.getState().openReader({ sourceId: 4 }));
    const text = await screen.findByTestId('reader-text');
    await waitFor(() => expect(text.textContent).toBe(TEXT));
    // select "Varnavin" in the second sentence (a plain text segment)
    const node = [...text.childNodes].find((n) => n.textContent?.includes('<script>'))!.firstChild!;
    const at = node.textContent!.indexOf('Varnavin');
    expect(textOffset(text, node, at, TEXT.length)).toBe(TEXT.indexOf('Varnavin'));
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'Varnavin'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(text);
    fireEvent.click(await screen.findByTestId('sel-add-alias'));
    expect((screen.getByTestId('sel-name') as HTMLInputElement).value).toBe('Varnavin');
    fireEvent.change(screen.getByTestId('sel-alias-owner'), { target: { value: 'Marta' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Marta Quell/ }));
    fireEvent.click(screen.getByTestId('sel-submit'));
    await waitFor(() => expect(backend.calls.find((c) => c.method === 'alias.add')?.args).toEqual({
      entityId: 2, name: 'Varnavin', kind: 'alias',
      // the selection becomes the alias's mention: offsets into the source text
      span: { sourceId: 4, start: TEXT.indexOf('Varnavin'), end: TEXT.indexOf('Varnavin') + 'Varnavin'.length },
    }));
    await waitFor(() => expect(screen.queryByTestId('selection-actions')).toBeNull());
  });
});
