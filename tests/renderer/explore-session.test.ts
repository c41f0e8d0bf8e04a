// Exploration history, panel stacking and canvas restore: back/forward steps (no duplicate steps for
// re-reads), Escape closing the topmost explore panel first, and a remembered canvas put back with its
// positions and pins (what both a saved view and back/forward rely on).
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreCanvas } from '../../renderer/explore/canvasOps';
import { currentView } from '../../renderer/explore/useExploreSession';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';
import { seedPayload } from './graphFixture';

const pick = (ids: string[]) => ({ nodes: seedPayload.nodes.filter((n) => ids.includes(n.id)), edges: [] });

describe('exploration history', () => {
  beforeEach(() => resetStore());

  it('records each new canvas once, moves back and forward, and drops the forward steps on a new one', () => {
    const s = () => useSkein.getState();
    s().recordStep({ nodeIds: ['e:1'], positions: {}, pinned: [] });
    s().recordStep({ nodeIds: ['e:1'], positions: {}, pinned: [] }); // a re-read: same ids, no new step
    s().recordStep({ nodeIds: ['e:3', 'e:1'], positions: {}, pinned: [] });
    expect(s().history.map((h) => h.nodeIds)).toEqual([['e:1'], ['e:1', 'e:3']]);
    s().setPositions({ 'e:3': { x: 5, y: 6 } });
    expect(s().moveHistory(-1)?.nodeIds).toEqual(['e:1']);
    // the step left behind keeps where its nodes ended up
    expect(s().history[1]!.positions).toEqual({ 'e:3': { x: 5, y: 6 } });
    expect(s().moveHistory(-1)).toBeNull();
    s().recordStep({ nodeIds: ['e:2'], positions: {}, pinned: [] });
    expect(s().history.map((h) => h.nodeIds)).toEqual([['e:1'], ['e:2']]);
    expect(s().moveHistory(1)).toBeNull();
  });

  it('closes the context menu, then the reader, then paths, then filters', () => {
    const s = useSkein.getState;
    s().setFiltersOpen(true);
    s().openPaths({ from: 'e:1' });
    s().openReader({ sourceId: 1 });
    s().setContextMenu({ kind: 'node', id: 'e:1', x: 0, y: 0 });
    const open = () => [s().contextMenu && 'menu', s().reader && 'reader', s().pathsOpen && 'paths', s().filtersOpen && 'filters'].filter(Boolean);
    expect(open()).toEqual(['menu', 'reader', 'paths', 'filters']);
    expect(s().closeTopPanel()).toBe(true);
    expect(open()).toEqual(['reader', 'paths', 'filters']);
    expect(s().closeTopPanel()).toBe(true);
    expect(open()).toEqual(['paths', 'filters']);
    expect(s().closeTopPanel()).toBe(true);
    expect(open()).toEqual(['filters']);
    expect(s().closeTopPanel()).toBe(true);
    expect(open()).toEqual([]);
    expect(s().closeTopPanel()).toBe(false); // Escape then falls through to the inspector
  });
});

describe('restoreCanvas', () => {
  beforeEach(() => resetStore());

  it('reads back the missing nodes, drops the others, and restores positions and pins', async () => {
    useSkein.getState().addGraph(pick(['e:1', 'e:4']));
    const backend = fakeBackend({
      'graph.nodes': ({ ids }) => pick(ids),
      'graph.edgesAmong': ({ ids }) => ({ edges: seedPayload.edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)) }),
    });
    await restoreCanvas(backend, { nodeIds: ['e:1', 'e:3'], positions: { 'e:3': { x: 10, y: 20 } }, pinned: ['e:3'] });
    const s = useSkein.getState();
    expect(Object.keys(s.nodes).sort()).toEqual(['e:1', 'e:3']);
    expect(Object.keys(s.edges)).toEqual(['r:1']);
    expect(s.positions['e:3']).toEqual({ x: 10, y: 20 });
    expect(s.pinned).toEqual({ 'e:3': true });
    // only the node that was missing was read again
    expect(backend.calls.find((c) => c.method === 'graph.nodes')?.args).toEqual({ ids: ['e:3'] });
    const view = currentView(s);
    expect(view).toMatchObject({ nodeIds: ['e:1', 'e:3'], pinned: ['e:3'], layout: 'fcose', zoom: null });
  });
});
