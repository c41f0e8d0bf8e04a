// The zustand slices: canvas merging and hiding, "show more" bookkeeping, search staleness, reset.
import { afterEach, describe, expect, it } from 'vitest';
import { resetStore, useSkein } from '../../renderer/state/store';
import { seedPayload } from './graphFixture';

afterEach(resetStore);

describe('graph view slice', () => {
  it('adds a payload once and reports only what was new', () => {
    const s = useSkein.getState();
    expect(s.addGraph({ nodes: seedPayload.nodes.slice(0, 2), edges: [] })).toEqual(['e:1', 'e:2']);
    expect(useSkein.getState().addGraph(seedPayload)).toEqual(['e:3', 'e:4', 'c:1', 'c:2', 's:1']);
    expect(Object.keys(useSkein.getState().nodes)).toHaveLength(7);
    expect(Object.keys(useSkein.getState().edges)).toHaveLength(8);
  });

  it('hiding a node removes its edges, its pin and the selection on it', () => {
    const s = useSkein.getState();
    s.addGraph(seedPayload);
    s.togglePin('e:2');
    s.select('e:2');
    useSkein.getState().hideNodes(['e:2']);
    const after = useSkein.getState();
    expect(after.nodes['e:2']).toBeUndefined();
    expect(Object.values(after.edges).some((e) => e.source === 'e:2' || e.target === 'e:2')).toBe(false);
    expect(after.pinned['e:2']).toBeUndefined();
    expect(after.selectedId).toBeNull();
  });

  it('a refresh drops what was deleted and keeps unchanged nodes identical', () => {
    const s = useSkein.getState();
    s.addGraph(seedPayload);
    const kept = useSkein.getState().nodes['e:1'];
    s.select('c:2');
    const ids = Object.keys(useSkein.getState().nodes);
    useSkein.getState().replaceGraph({ nodes: seedPayload.nodes.filter((n) => n.id !== 'c:2'), edges: seedPayload.edges }, ids);
    const after = useSkein.getState();
    expect(after.nodes['c:2']).toBeUndefined();
    expect(after.edges['rt:2']).toBeUndefined();
    expect(after.nodes['e:1']).toBe(kept);
    expect(after.selectedId).toBeNull();
  });

  it('a node added while a refresh was in flight survives the refresh', () => {
    const s = useSkein.getState();
    s.addGraph({ nodes: seedPayload.nodes.slice(0, 2), edges: [] });
    const requested = Object.keys(useSkein.getState().nodes);
    s.addGraph({ nodes: [seedPayload.nodes[2]!], edges: [seedPayload.edges[0]!] });
    s.focusNode('e:3');
    useSkein.getState().replaceGraph({ nodes: seedPayload.nodes.slice(0, 2), edges: [] }, requested);
    const after = useSkein.getState();
    expect(Object.keys(after.nodes).sort()).toEqual(['e:1', 'e:2', 'e:3']);
    expect(after.edges['r:1']).toBeDefined();
    expect(after.selectedId).toBe('e:3');
  });

  it('focusing selects the node and can focus the same node again', () => {
    const s = useSkein.getState();
    s.focusNode('e:1');
    const first = useSkein.getState().focus;
    useSkein.getState().focusNode('e:1');
    expect(useSkein.getState().focus?.seq).toBe((first?.seq ?? 0) + 1);
    expect(useSkein.getState().selectedId).toBe('e:1');
  });

  it('records and clears what an expanded node holds back', () => {
    useSkein.getState().setMore('e:1', { count: 12, nextOffset: 25 });
    expect(useSkein.getState().more['e:1']).toEqual({ count: 12, nextOffset: 25 });
    useSkein.getState().setMore('e:1', null);
    expect(useSkein.getState().more['e:1']).toBeUndefined();
  });
});

describe('search slice', () => {
  const hit = { nodeId: 'e:1', type: 'entity' as const, kind: 'person', label: 'Oleg', match: null, importance: 1 };

  it('ignores answers to a query the analyst has since changed', () => {
    const s = useSkein.getState();
    s.setQuery('Ol');
    s.setQuery('Ole');
    useSkein.getState().setHits('Ol', [hit]);
    expect(useSkein.getState().hits).toEqual([]);
    useSkein.getState().setHits('Ole', [hit]);
    expect(useSkein.getState().hits).toEqual([hit]);
    expect(useSkein.getState().active).toBe(0);
  });

  it('moves the highlight round the list in both directions', () => {
    const s = useSkein.getState();
    s.setQuery('x');
    useSkein.getState().setHits('x', [hit, { ...hit, nodeId: 'e:2' }, { ...hit, nodeId: 'e:3' }]);
    useSkein.getState().moveActive(-1);
    expect(useSkein.getState().active).toBe(2);
    useSkein.getState().moveActive(1);
    expect(useSkein.getState().active).toBe(0);
  });
});

it('resetStore returns every slice to its initial state', () => {
  const s = useSkein.getState();
  s.addGraph(seedPayload);
  s.setTheme('dark');
  s.setQuery('abc');
  s.openDialog('entity');
  resetStore();
  const after = useSkein.getState();
  expect(after.nodes).toEqual({});
  expect(after.theme).toBe('light');
  expect(after.query).toBe('');
  expect(after.dialog).toBeNull();
});

describe('keyboard commands', () => {
  it('maps shortcuts to commands, leaving text fields their own keys', async () => {
    const { commandForKey } = await import('../../renderer/app/useCommands');
    const key = (k: string, mods: Partial<KeyboardEvent> = {}, target: unknown = null) =>
      commandForKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: target as EventTarget, ...mods });
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('f', { ctrlKey: true })).toBe('search');
    expect(key('?')).toBe('shortcuts');
    expect(key('Escape')).toBe('close-panel');
    const input = { tagName: 'INPUT', isContentEditable: false };
    expect(key('z', { ctrlKey: true }, input)).toBeNull();
    expect(key('n', {}, input)).toBeNull();
    expect(key('f', { ctrlKey: true }, input)).toBe('search');
  });
});
