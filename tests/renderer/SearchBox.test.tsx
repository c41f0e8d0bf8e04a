// @vitest-environment jsdom
// The top bar's typeahead driven from the keyboard with a fake Backend: results arrive typed, ↑/↓
// move the highlight, Enter opens the highlighted hit, Escape closes the list and then clears it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendProvider } from '../../renderer/backend/context';
import { SearchBox } from '../../renderer/app/SearchBox';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); });

const hits = [
  { nodeId: 'e:3', type: 'entity' as const, kind: 'organization', label: 'Committee for State Security', match: 'KGB', importance: 4 },
  { nodeId: 'e:2', type: 'entity' as const, kind: 'person', label: 'Marta Quell', match: null, importance: 3 },
  { nodeId: 'c:1', type: 'claim' as const, kind: 'claim', label: 'Marta Quell was recruited by the KGB', match: null, importance: 2 },
];

function setup() {
  const backend = fakeBackend({ 'search.query': () => ({ hits }) });
  const onOpen = vi.fn();
  render(<BackendProvider backend={backend}><SearchBox onOpen={onOpen} /></BackendProvider>);
  return { backend, onOpen, input: screen.getByRole('combobox') };
}

async function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  await screen.findAllByRole('option');
}

describe('search box', () => {
  it('is labelled and shows typed results for what was typed', async () => {
    const { backend, input } = setup();
    expect(screen.getByLabelText(/Search people/)).toBe(input);
    await type(input, 'KG');
    expect(backend.calls.filter((c) => c.method === 'search.query').map((c) => c.args)).toEqual([{ q: 'KG', limit: 12 }]);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'OrganizationCommittee for State Securitymatched “KGB”',
      'PersonMarta Quell',
      'ClaimMarta Quell was recruited by the KGB',
    ]);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves with the arrow keys and opens the highlighted hit with Enter', async () => {
    const { onOpen, input } = setup();
    await type(input, 'Mar');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe('search-hit-1');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(hits[1]);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('wraps from the first result up to the last', async () => {
    const { onOpen, input } = setup();
    await type(input, 'Mar');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(hits[2]);
  });

  it('Escape closes the list first, then clears the box', async () => {
    const { onOpen, input } = setup();
    await type(input, 'KG');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('KG');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('clicking a result opens it', async () => {
    const { onOpen, input } = setup();
    await type(input, 'KG');
    fireEvent.mouseDown(screen.getAllByRole('option')[2]!);
    expect(onOpen).toHaveBeenCalledWith(hits[2]);
  });

  it('takes focus when the search command asks for it', () => {
    const { input } = setup();
    act(() => useSkein.getState().focusSearch());
    expect(document.activeElement).toBe(input);
  });

  it('asks again when the investigation changes while the list is open (an import brings the name in)', async () => {
    let known: typeof hits = [];
    const backend = fakeBackend({ 'search.query': () => ({ hits: known }) });
    render(<BackendProvider backend={backend}><SearchBox onOpen={() => {}} /></BackendProvider>);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'Marta' } });
    await screen.findByText('No matches yet');
    await vi.waitFor(() => expect(backend.calls.filter((c) => c.method === 'search.query')).toHaveLength(1));
    known = [hits[1]!];
    act(() => useSkein.getState().dataChanged());
    expect((await screen.findByRole('option')).textContent).toBe('PersonMarta Quell');
    expect(backend.calls.filter((c) => c.method === 'search.query')).toHaveLength(2);
  });
});
