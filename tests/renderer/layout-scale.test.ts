// Large canvases must not freeze the window: which layout runs at which size, and where new nodes go.
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { FCOSE_MAX_NODES, freshLayout, spiralAround } from '../../renderer/graph/layout';
import { countOverlaps } from '../../renderer/graph/boxes';
import { layoutNode } from '../../renderer/graph/measure';
import { graphStyle } from '../../renderer/graph/style';
import { syncElements } from '../../renderer/graph/sync';

describe('layout by size', () => {
  it('lays small fresh canvases out with fCoSE and leaves larger ones to the worker', () => {
    expect(freshLayout()).toMatchObject({ name: 'fcose', quality: 'default' });
    expect(FCOSE_MAX_NODES).toBeLessThanOrEqual(100);
  });

  it('starts a fresh canvas on a compact spiral with no two nodes on top of each other', () => {
    const spots = spiralAround({ x: 0, y: 0 }, 500);
    let closest = Infinity;
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) closest = Math.min(closest, Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.y - spots[j]!.y));
    }
    expect(closest).toBeGreaterThan(60);
    const radius = Math.max(...spots.map((p) => Math.hypot(p.x, p.y)));
    expect(radius).toBeLessThan(2500); // a single ring of 500 would be 14,000 across
  });
});

describe('nodes added to a laid-out canvas', () => {
  // a styled headless canvas, so boxes include the labels as on screen
  function canvasWithHub(leaves: number) {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light') });
    const elements = [{ group: 'nodes' as const, data: { id: 'hub', label: 'Meridian Holdings', visualKind: 'organization' }, position: { x: 1000, y: 1000 } }];
    syncElements(cy, elements);
    const more = Array.from({ length: leaves }, (_, i) => [
      { group: 'nodes' as const, data: { id: `n${i}`, label: `Employee number ${i}`, visualKind: 'person' } },
      { group: 'edges' as const, data: { id: `x${i}`, source: 'hub', target: `n${i}` } },
    ]).flat();
    return { cy, elements: [...elements, ...more] };
  }

  it('puts a hub\'s hundreds of new neighbours around it, none over another, and leaves the hub where it was', () => {
    const { cy, elements } = canvasWithHub(300);
    syncElements(cy, elements);
    expect(cy.getElementById('hub').position()).toEqual({ x: 1000, y: 1000 });
    const nodes = cy.nodes().map(layoutNode);
    expect(countOverlaps(nodes, cy.nodes().map((n) => n.position()))).toBe(0);
    const distances = cy.nodes().not('#hub').nodes().map((n) => Math.hypot(n.position().x - 1000, n.position().y - 1000));
    expect(Math.min(...distances)).toBeGreaterThan(30);
    // compact: 300 labelled leaves within a disc a few screens wide
    expect(Math.max(...distances)).toBeLessThan(2500);
  });

  it('keeps every node already on the canvas in place when a second batch arrives', () => {
    const { cy, elements } = canvasWithHub(150);
    syncElements(cy, elements);
    const before = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const second = Array.from({ length: 120 }, (_, i) => [
      { group: 'nodes' as const, data: { id: `m${i}`, label: `Contractor ${i}`, visualKind: 'person' } },
      { group: 'edges' as const, data: { id: `y${i}`, source: i % 2 === 0 ? 'n3' : 'n7', target: `m${i}` } },
    ]).flat();
    syncElements(cy, [...elements, ...second]);
    for (const [id, position] of Object.entries(before)) expect(cy.getElementById(id).position()).toEqual(position);
    expect(countOverlaps(cy.nodes().map(layoutNode), cy.nodes().map((n) => n.position()))).toBe(0);
    // each new leaf sits nearer its own node than the other one's
    for (let i = 0; i < 120; i++) {
      const p = cy.getElementById(`m${i}`).position();
      const own = cy.getElementById(i % 2 === 0 ? 'n3' : 'n7').position();
      const other = cy.getElementById(i % 2 === 0 ? 'n7' : 'n3').position();
      expect(Math.hypot(p.x - own.x, p.y - own.y)).toBeLessThan(Math.hypot(p.x - other.x, p.y - other.y) + 200);
    }
  });
});

describe('drawing while the viewport moves', () => {
  it('hides edges and labels while moving only on large canvases, and uses a cached picture only with thousands more nodes', async () => {
    const { viewportMode } = await import('../../renderer/graph/viewportMode');
    expect(viewportMode(300)).toEqual({ hideEdgesOnViewport: false, hideLabelsOnViewport: false, textureOnViewport: false });
    expect(viewportMode(2000)).toEqual({ hideEdgesOnViewport: true, hideLabelsOnViewport: true, textureOnViewport: false });
    // 2,000 nodes and their 3,000 edges (R4): the picture would be redrawn at every gesture's start
    expect(viewportMode(5040, 2000)).toEqual({ hideEdgesOnViewport: true, hideLabelsOnViewport: true, textureOnViewport: false });
    expect(viewportMode(15000, 6000).textureOnViewport).toBe(true);
  });
});

describe('layout off the main thread', () => {
  it('lays out in place when no worker can start', async () => {
    const { freshPositions } = await import('../../renderer/graph/offThread');
    const cy = cytoscape({ headless: true, elements: [{ group: 'nodes', data: { id: 'a' } }, { group: 'nodes', data: { id: 'b' } }, { group: 'edges', data: { id: 'e', source: 'a', target: 'b' } }] });
    // vitest's node environment has no Worker: the same layout runs here
    const found = await freshPositions(cy);
    expect(Object.keys(found).sort()).toEqual(['a', 'b']);
    expect(Math.hypot(found.a!.x - found.b!.x, found.a!.y - found.b!.y)).toBeGreaterThan(20);
  });
});
