// Large canvases must not freeze the window: the layout choice by size, and the spiral placement.
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { freshLayout, isLargeChange, LARGE_EXPANSION, spiralAround } from '../../renderer/graph/layout';
import { syncElements } from '../../renderer/graph/sync';

describe('layout by size', () => {
  it('gives a large fresh canvas a shortened force pass (run in a worker), not the spectral draft', () => {
    expect(freshLayout(50)).toMatchObject({ name: 'fcose', quality: 'default', animate: true });
    expect(freshLayout(1000)).toMatchObject({ name: 'fcose', quality: 'default', animate: false, numIter: 300 });
  });

  it('spreads the leaves of a hub apart (the draft quality piled them onto one spot)', () => {
    cytoscape.use(fcose);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 40, height: 40 } }] });
    cy.add({ group: 'nodes', data: { id: 'hub' } });
    for (let i = 0; i < 450; i++) cy.add([{ group: 'nodes', data: { id: `n${i}` } }, { group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: 'hub' } }]);
    cy.layout({ ...(freshLayout(451) as object), nodeDimensionsIncludeLabels: false } as never).run();
    const spots = new Set(cy.nodes().map((n) => `${Math.round(n.position().x / 10)},${Math.round(n.position().y / 10)}`));
    expect(spots.size).toBeGreaterThan(440);
  });

  it('keeps the placement of a large expansion instead of a force pass over everything', () => {
    expect(isLargeChange(20, 100)).toBe(false);
    expect(isLargeChange(LARGE_EXPANSION + 1, 200)).toBe(true);
    expect(isLargeChange(10, 2000)).toBe(true);
  });

  it('spreads many new nodes on a compact spiral with no two on top of each other', () => {
    const spots = spiralAround({ x: 0, y: 0 }, 500);
    let closest = Infinity;
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) closest = Math.min(closest, Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y));
    }
    expect(closest).toBeGreaterThan(60);
    const radius = Math.max(...spots.map((p) => Math.hypot(p.x, p.y)));
    expect(radius).toBeLessThan(2500); // a single ring of 500 would be 14,000 across
  });

  it('places a hub\'s hundreds of new neighbours around the hub', () => {
    const cy = cytoscape({ headless: true });
    cy.add({ group: 'nodes', data: { id: 'hub' }, position: { x: 1000, y: 1000 } });
    const nodes = Array.from({ length: 300 }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` } }));
    const edges = nodes.map((n, i) => ({ group: 'edges' as const, data: { id: `x${i}`, source: 'hub', target: n.data.id } }));
    syncElements(cy, [{ group: 'nodes', data: { id: 'hub' }, position: { x: 1000, y: 1000 } }, ...nodes, ...edges]);
    const distances = cy.nodes().not('#hub').nodes().map((n) => Math.hypot(n.position().x - 1000, n.position().y - 1000));
    expect(Math.min(...distances)).toBeGreaterThan(50);
    expect(Math.max(...distances)).toBeLessThan(2000);
  });
});

describe('drawing while the viewport moves', () => {
  it('hides edges and labels while moving only on large canvases, and uses a cached picture on huge ones', async () => {
    const { viewportMode } = await import('../../renderer/graph/viewportMode');
    expect(viewportMode(300)).toEqual({ hideEdgesOnViewport: false, hideLabelsOnViewport: false, textureOnViewport: false });
    expect(viewportMode(2000)).toEqual({ hideEdgesOnViewport: true, hideLabelsOnViewport: true, textureOnViewport: false });
    expect(viewportMode(6000).textureOnViewport).toBe(true);
  });
});

describe('layout off the main thread', () => {
  it('falls back to the main thread when no worker can start', async () => {
    const { positionsOffThread } = await import('../../renderer/graph/offThread');
    const cy = cytoscape({ headless: true, elements: [{ group: 'nodes', data: { id: 'a' } }] });
    // vitest's node environment has no Worker: the caller gets null and lays out in place
    expect(await positionsOffThread(cy, { name: 'grid' })).toBeNull();
  });
});
