// @vitest-environment jsdom
// The import review against a fake Backend and a hand-made proposal: highlights cover exactly their
// spans, ignoring an entity removes its highlights, markup in the article stays text, Commit sends
// the decisions and the edited claims, and Cancel/Escape write nothing.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommitArgs, ImportProposal } from '../../shared/api/import';
import { createActions } from '../../renderer/app/actions';
import { BackendProvider } from '../../renderer/backend/context';
import { ImportScreen } from '../../renderer/import/ImportScreen';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); });

const TEXT = 'Former officer Oleg Varnavin said that Marta Quell was recruited in 1989. <script>window.pwned=1</script><b>x</b> Quell denied it.';
const at = (needle: string, from = 0) => { const start = TEXT.indexOf(needle, from); return { start, end: start + needle.length, text: needle }; };
const firstSentence = { start: 0, end: TEXT.indexOf('1989.') + 5 };
const denial = at('Quell denied it.');

const proposal: ImportProposal = {
  text: TEXT,
  metadata: { title: 'Defector speaks', author: null, publisher: null, url: null, publishedAt: '2024-05-02', language: null },
  kind: 'article', sentences: [], sha256: 'x', duplicateOf: null, fileName: null,
  entities: [
    { key: 'p1', kind: 'person', name: 'Oleg Varnavin', aliases: [], mentions: [at('Oleg Varnavin')], existingId: null },
    { key: 'p2', kind: 'person', name: 'Marta Quell', aliases: [{ name: 'Quell', kind: 'name' }], mentions: [at('Marta Quell'), at('Quell', denial.start)], existingId: 42 },
  ],
  matches: [{ key: 'p2', entityId: 42, name: 'M. Quell', kind: 'person', alias: 'Marta Quell' }],
  claims: [
    {
      key: 'c1', text: 'Marta Quell was recruited in 1989.', claimantKey: 'p1', claimantLabel: null, stance: 'asserts', subjectKeys: ['p2'], objectKeys: [],
      predicate: 'recruited_by', madeOn: '2024-05-02', aboutTime: '1989', dateText: 'in 1989', status: 'unverified', evidenceOffered: null,
      evidenceCue: null, respondsToKey: null, span: firstSentence,
    },
    {
      key: 'c2', text: 'Quell denied it.', claimantKey: 'p2', claimantLabel: null, stance: 'denies', subjectKeys: ['p2'], objectKeys: [],
      predicate: null, madeOn: null, aboutTime: null, dateText: null, status: 'disputed', evidenceOffered: null, evidenceCue: null,
      respondsToKey: 'c1', span: { start: denial.start, end: denial.end },
    },
  ],
  relations: [],
};

function setup(over: Partial<ImportProposal> = {}) {
  const backend = fakeBackend({
    'import.preview': () => ({ proposal: { ...proposal, ...over } }),
    'import.commit': () => ({ sourceId: 5, historyId: 9, entities: 2, newEntities: 1, claims: 1, relations: 0 }),
    'source.get': () => ({ source: {} as never, text: TEXT, spans: [], claimCount: 0, entityCount: 0, notes: [] }),
    'graph.nodes': () => ({ nodes: [], edges: [] }),
    'graph.edgesAmong': () => ({ edges: [] }),
    'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: {} as never }),
  });
  const onClose = vi.fn();
  const view = render(<BackendProvider backend={backend}><ImportScreen actions={createActions(backend)} onClose={onClose} /></BackendProvider>);
  return { backend, onClose, view };
}

async function openReview() {
  fireEvent.change(screen.getByTestId('import-textarea'), { target: { value: TEXT } });
  fireEvent.click(screen.getByTestId('import-review-text'));
  return screen.findByTestId('import-review');
}

const textOf = (anchor: string) =>
  [...screen.getByTestId('import-text').querySelectorAll(`[data-anchors~="${anchor}"]`)].map((e) => e.textContent).join('');

describe('import review', () => {
  it('previews the pasted text and highlights exactly each mention and claim span', async () => {
    const { backend } = setup();
    await openReview();
    expect(backend.calls[0]).toEqual({ method: 'import.preview', args: { text: TEXT } });
    expect(textOf('m-p1-0')).toBe('Oleg Varnavin');
    expect(textOf('m-p2-0')).toBe('Marta Quell');
    expect(textOf('m-p2-1')).toBe('Quell');
    expect(textOf('c-c1')).toBe(TEXT.slice(firstSentence.start, firstSentence.end));
    expect(textOf('c-c2')).toBe('Quell denied it.');
    // the whole text is there once, in order, whatever the highlights cut it into
    expect(screen.getByTestId('import-text').textContent).toBe(TEXT);
    expect(screen.getByTestId('match-p2').textContent).toContain('M. Quell');
    expect(screen.getByTestId('match-p2').textContent).toContain('“Marta Quell”');
  });

  it('removes an entity’s highlights when it is ignored, and offers it no longer as claimant', async () => {
    setup();
    await openReview();
    const text = screen.getByTestId('import-text');
    expect(text.querySelectorAll('mark[data-entity-key="p1"]')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Decision for Oleg Varnavin'), { target: { value: 'ignore' } });
    expect(text.querySelectorAll('mark[data-entity-key="p1"]')).toHaveLength(0);
    expect(text.querySelectorAll('mark[data-entity-key="p2"]')).toHaveLength(2);
    const claimant = within(screen.getByTestId('claim-c2')).getByTestId('claimant-c2');
    expect([...claimant.querySelectorAll('option')].map((o) => o.textContent)).not.toContain('Oleg Varnavin');
  });

  it('shows <script> and tags in the article as text, creating no elements', async () => {
    const { view } = setup();
    await openReview();
    expect(view.container.querySelector('script, b')).toBeNull();
    expect(screen.getByTestId('import-text').textContent).toContain('<script>window.pwned=1</script><b>x</b>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('commits the decisions, the edited claims and metadata, then closes and reports', async () => {
    const { backend, onClose } = setup();
    await openReview();
    fireEvent.change(screen.getByLabelText('Decision for Marta Quell'), { target: { value: 'new' } });
    fireEvent.change(screen.getByLabelText('Kind of Marta Quell'), { target: { value: 'organization' } });
    fireEvent.change(screen.getByLabelText('Text of claim 1'), { target: { value: 'Quell was recruited in 1989.' } });
    fireEvent.change(screen.getByTestId('stance-c1'), { target: { value: 'questions' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete claim 2' }));
    fireEvent.change(screen.getByTestId('meta-author'), { target: { value: 'A. Writer ' } });
    await act(async () => { fireEvent.click(screen.getByTestId('import-commit')); });
    const commit = backend.calls.find((c) => c.method === 'import.commit')!.args as CommitArgs;
    expect(commit.decisions).toEqual([{ key: 'p1', action: 'new' }, { key: 'p2', action: 'new' }]);
    expect(commit.proposal.entities.map((e) => e.kind)).toEqual(['person', 'organization']);
    expect(commit.claims).toHaveLength(1);
    expect(commit.claims![0]).toMatchObject({ key: 'c1', text: 'Quell was recruited in 1989.', stance: 'questions', claimantKey: 'p1', span: firstSentence });
    expect(commit.metadata).toMatchObject({ title: 'Defector speaks', author: 'A. Writer', publishedAt: '2024-05-02' });
    expect(onClose).toHaveBeenCalled();
    expect(useSkein.getState().notice?.text).toBe('Imported: 2 entities, 1 claims');
  });

  it('links a matched entity to the existing one by default', async () => {
    const { backend } = setup();
    await openReview();
    await act(async () => { fireEvent.click(screen.getByTestId('import-commit')); });
    const commit = backend.calls.find((c) => c.method === 'import.commit')!.args as CommitArgs;
    expect(commit.decisions).toEqual([{ key: 'p1', action: 'new' }, { key: 'p2', action: 'link', entityId: 42 }]);
    expect(commit.claims!.map((c) => c.respondsToKey)).toEqual([null, 'c1']);
  });

  it('cancels without writing: unedited closes at once, edited asks before discarding', async () => {
    const { backend, onClose } = setup();
    await openReview();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('Decision for Oleg Varnavin'), { target: { value: 'ignore' } });
    fireEvent.keyDown(screen.getByTestId('import-screen'), { key: 'Escape' });
    expect(screen.getByTestId('import-discard')).toBeTruthy();
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(backend.calls.map((c) => c.method)).toEqual(['import.preview']);
  });

  it('shows an "already imported" banner that opens the existing source', async () => {
    const { onClose } = setup({ duplicateOf: 17 });
    await openReview();
    const banner = screen.getByTestId('duplicate-banner');
    expect(banner.textContent).toContain('already imported');
    fireEvent.click(within(banner).getByRole('button', { name: 'Open the existing source' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('adds a claim from a passage selected across highlights, quoted at the selected offsets', async () => {
    const { backend } = setup();
    await openReview();
    const mark = screen.getByTestId('import-text').querySelector('mark[data-entity-key="p1"]')!;
    const after = mark.nextElementSibling!; // the run " said that " right after the name
    const range = document.createRange();
    range.setStart(mark.firstChild!, 0);
    range.setEnd(after.firstChild!, ' said'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    fireEvent.mouseUp(screen.getByTestId('import-text'));
    fireEvent.click(screen.getByTestId('add-claim'));
    expect((screen.getByLabelText('Text of claim 3') as HTMLTextAreaElement).value).toBe('Oleg Varnavin said');
    fireEvent.change(screen.getByTestId('claimant-added3'), { target: { value: 'p1' } });
    await act(async () => { fireEvent.click(screen.getByTestId('import-commit')); });
    const commit = backend.calls.find((c) => c.method === 'import.commit')!.args as CommitArgs;
    const added = commit.claims![2]!;
    expect(added).toMatchObject({ key: 'added3', claimantKey: 'p1', stance: 'asserts' });
    expect(TEXT.slice(added.span.start, added.span.end)).toBe('Oleg Varnavin said');
  });

  it('refuses to commit an impossible date and says why', async () => {
    const { backend } = setup();
    await openReview();
    fireEvent.change(screen.getByTestId('meta-publishedAt'), { target: { value: 'last spring' } });
    expect(screen.getByTestId('import-problems').textContent).toContain('last spring');
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.calls.map((c) => c.method)).toEqual(['import.preview']);
  });
});
