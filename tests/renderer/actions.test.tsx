// @vitest-environment jsdom
// What gestures do through the Backend: expansion passes what the canvas knows and records "show N
// more"; undo re-reads the canvas; push events (graph.changed, menu.command, app.reopened) are obeyed.
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Args } from '../../shared/api/contract';
import { createActions } from '../../renderer/app/actions';
import { EXPAND_LIMIT } from '../../shared/api/contract';
import { useCommands } from '../../renderer/app/useCommands';
import { BackendProvider } from '../../renderer/backend/context';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend, type FakeBackend, type Handlers } from './fakeBackend';
import { seedPayload } from './graphFixture';

afterEach(() => { cleanup(); resetStore(); });

const counts = { entities: 4, people: 2, organizations: 1, places: 1, events: 0, aliases: 3, claims: 2, relations: 1, sources: 1, spans: 0, notes: 0, history: 5 };
const byId = (ids: string[]) => ({
  nodes: seedPayload.nodes.filter((n) => ids.includes(n.id)),
  edges: seedPayload.edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)),
});
const base: Handlers = {
  'app.info': () => ({ version: 't', dbPath: '/tmp/a.skein', schemaVersion: 1, counts }),
  'graph.nodes': ({ ids }) => byId(ids),
  'graph.neighborhood': ({ id }) => ({
    center: id, ...byId(['e:2', 'c:1', 'c:2', 'e:3']), more: [{ edgeType: 'role', count: 4 }, { edgeType: 'claimant', count: 2 }], total: 9, nextOffset: EXPAND_LIMIT,
  }),
};

describe('actions', () => {
  it('expands with the ids already on the canvas and records what was held back', async () => {
    const backend = fakeBackend(base);
    useSkein.getState().addGraph(byId(['e:2', 'e:1']));
    await createActions(backend).expand('e:2');
    const call = backend.calls.find((c) => c.method === 'graph.neighborhood')!.args as Args<'graph.neighborhood'>;
    expect(call).toEqual({ id: 'e:2', known: ['e:1', 'e:2'], limit: EXPAND_LIMIT, offset: 0 });
    const s = useSkein.getState();
    expect(Object.keys(s.nodes).sort()).toEqual(['c:1', 'c:2', 'e:1', 'e:2', 'e:3']);
    expect(s.more['e:2']).toEqual({ count: 6, nextOffset: EXPAND_LIMIT });
    expect(s.selectedId).toBe('e:2');
  });

  it('undo reports what it undid and drops what no longer exists from the canvas', async () => {
    const backend = fakeBackend({
      ...base,
      'history.undo': () => ({ entry: { id: 5, at: 1, actor: 'user', action: 'claim.create', summary: 'Create claim "denial"', undoes: null, undone: true, changeCount: 1, items: ['c:2'] } }),
      'graph.nodes': ({ ids }) => byId(ids.filter((id) => id !== 'c:2')),
    });
    useSkein.getState().addGraph(seedPayload);
    await createActions(backend).undo();
    expect(useSkein.getState().undoStatus).toBe('Undone: Create claim "denial"');
    expect(useSkein.getState().nodes['c:2']).toBeUndefined();
    expect(useSkein.getState().nodes['c:1']).toBeDefined();
  });
});

describe('refresh of a large canvas', () => {
  it('re-reads more than 5,000 nodes in slices the contract accepts', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => ({ id: `e:${i + 1}`, type: 'entity' as const, kind: 'person' as const, label: `P${i}`, importance: 0 }));
    useSkein.getState().addGraph({ nodes: many, edges: [] });
    const backend = fakeBackend({
      ...base,
      'graph.nodes': ({ ids }) => ({ nodes: many.filter((n) => ids.includes(n.id)), edges: [] }),
      'graph.edgesAmong': () => ({ edges: [] }),
    });
    await createActions(backend).refresh();
    const sizes = backend.calls.filter((c) => c.method === 'graph.nodes').map((c) => (c.args as { ids: string[] }).ids.length);
    expect(sizes).toEqual([5000, 1]);
    expect(Object.keys(useSkein.getState().nodes)).toHaveLength(5001);
  });
});

function Harness({ backend }: { backend: FakeBackend }) {
  useCommands(createActions(backend));
  return null;
}

describe('push events and shortcuts', () => {
  function mount(handlers: Handlers = base) {
    const backend = fakeBackend(handlers);
    render(<BackendProvider backend={backend}><Harness backend={backend} /></BackendProvider>);
    return backend;
  }

  it('menu commands open dialogs, switch theme and ask for undo', async () => {
    const backend = mount({ ...base, 'history.undo': () => ({ entry: null }) });
    act(() => backend.emit('menu.command', { command: 'new-entity' }));
    expect(useSkein.getState().dialog).toBe('entity');
    act(() => backend.emit('menu.command', { command: 'theme' }));
    expect(useSkein.getState().theme).toBe('dark');
    act(() => backend.emit('menu.command', { command: 'undo' }));
    await waitFor(() => expect(useSkein.getState().undoStatus).toBe('Nothing to undo'));
  });

  it('Ctrl+Shift+Z redoes; typing in a field is left alone', async () => {
    const backend = mount({ ...base, 'history.redo': () => ({ entry: null }) });
    act(() => { window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true })); });
    await waitFor(() => expect(useSkein.getState().undoStatus).toBe('Nothing to redo'));
    const input = document.body.appendChild(document.createElement('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    expect(useSkein.getState().dialog).toBeNull();
    expect(backend.calls.filter((c) => c.method === 'history.redo')).toHaveLength(1);
  });

  it('graph.changed re-reads the canvas; app.reopened empties it but keeps the theme', async () => {
    const backend = mount({ ...base, 'graph.nodes': ({ ids }) => byId(ids.filter((id) => id !== 'e:4')) });
    useSkein.getState().addGraph(seedPayload);
    useSkein.getState().setTheme('dark');
    act(() => backend.emit('graph.changed', { historyId: 9, action: 'entity.delete', nodeIds: ['e:4'] }));
    await waitFor(() => expect(useSkein.getState().nodes['e:4']).toBeUndefined());
    act(() => backend.emit('app.reopened', { dbPath: '/tmp/other.skein' }));
    expect(useSkein.getState().nodes).toEqual({});
    expect(useSkein.getState().theme).toBe('dark');
  });

  it('a long burst of changes (a batch import) re-reads the canvas every second, and once more at its end', () => {
    vi.useFakeTimers();
    try {
      const backend = mount();
      useSkein.getState().addGraph(seedPayload);
      const reads = () => backend.calls.filter((c) => c.method === 'graph.nodes').length;
      const commit = () => backend.emit('graph.changed', { historyId: 1, action: 'import.commit', nodeIds: [] });
      const seen: number[] = [];
      // a commit every 50 ms for 2.5 s: never a quiet 120 ms
      for (let t = 50; t <= 2500; t += 50) {
        act(() => {
          commit();
          vi.advanceTimersByTime(50);
        });
        if (t % 500 === 0) seen.push(reads());
      }
      expect(seen[0]).toBe(0); // not before a second has passed
      expect(seen[2]).toBeGreaterThanOrEqual(1); // 1.5 s into the burst
      expect(seen[4]).toBeGreaterThanOrEqual(2); // 2.5 s
      const during = reads();
      act(() => { vi.advanceTimersByTime(200); });
      expect(reads()).toBe(during + 1); // the burst's last changes
    } finally {
      vi.useRealTimers();
    }
  });
});
