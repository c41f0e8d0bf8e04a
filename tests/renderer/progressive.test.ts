// Hundreds of new edges reach the canvas over a few frames, after their nodes: the nodes are placed
// (by those edges) and drawn first, each frame adds a slice, and a later sync or a flush never loses
// or doubles an edge. Re-applying the explore classes restyles only what changed.
import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyClasses } from '../../renderer/explore/canvasEffects';
import { countOverlaps } from '../../renderer/graph/boxes';
import { layoutNode } from '../../renderer/graph/measure';
import { feedEdges, whenFed } from '../../renderer/graph/progressive';
import { syncElements } from '../../renderer/graph/sync';
import { canvas, hub, leaves } from './canvasFixture';

const other: ElementDefinition = { group: 'nodes', data: { id: 'far', label: 'Harbour Authority', visualKind: 'organization' }, position: { x: 3000, y: 0 } };

/** A frame scheduler the test advances by hand. */
function frames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (step: () => void) => { queue.push(step); return () => { const i = queue.indexOf(step); if (i >= 0) queue.splice(i, 1); }; },
    next: () => { queue.shift()?.(); },
    get waiting() { return queue.length; },
  };
}

describe('edges after their nodes', () => {
  it('places the new nodes by their edges while the edges wait, and adds small batches whole', () => {
    const cy = canvas();
    syncElements(cy, [hub, other]);
    const elements = [hub, other, ...leaves(150)];
    const result = syncElements(cy, elements, { deferEdgesFrom: 120 });
    expect(result.addedNodes).toHaveLength(150);
    expect(result.pendingEdges).toHaveLength(150);
    expect(cy.edges()).toHaveLength(0);
    // placed around the hub they link to (not by the other node), none over another
    const spots = cy.nodes().not('#hub, #far').nodes().map((n) => n.position());
    expect(Math.max(...spots.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(1500);
    expect(countOverlaps(cy.nodes().map(layoutNode), cy.nodes().map((n) => n.position()))).toBe(0);
    expect(cy.getElementById('hub').position()).toEqual({ x: 0, y: 0 });

    cy.add(result.pendingEdges);
    const small = syncElements(cy, [...elements, ...leaves(20, 'far')], { deferEdgesFrom: 120 });
    expect(small.pendingEdges).toEqual([]);
    expect(cy.edges('[source = "far"]')).toHaveLength(20);
  });

  it('adds a slice per frame, then reports done; skips edges that are already there or lost an end', async () => {
    const cy = canvas();
    const elements = [hub, other, ...leaves(10)];
    const { pendingEdges } = syncElements(cy, elements, { deferEdgesFrom: 1 });
    cy.add(pendingEdges[0]!); // already there (a later sync added it)
    cy.getElementById('hub-n9').remove(); // an end left the canvas
    const clock = frames();
    let slices = 0;
    let done = 0;
    feedEdges(cy, pendingEdges, { onSlice: () => { slices += 1; }, done: () => { done += 1; } }, 4, clock.schedule);
    let fed = false;
    void whenFed().then(() => { fed = true; });
    expect(cy.edges()).toHaveLength(1);
    clock.next();
    expect(cy.edges()).toHaveLength(4);
    clock.next();
    expect(cy.edges()).toHaveLength(8);
    expect(done).toBe(0);
    clock.next();
    expect(cy.edges()).toHaveLength(9); // x9's node is gone, x0 was there: nothing doubled
    expect(new Set(cy.edges().map((e) => e.id())).size).toBe(9);
    expect({ slices, done, waiting: clock.waiting }).toEqual({ slices: 3, done: 1, waiting: 0 });
    await Promise.resolve();
    expect(fed).toBe(true);
  });

  it('splits the edges into even slices, so no frame is spent on a handful', () => {
    const cy = canvas();
    const { pendingEdges } = syncElements(cy, [hub, ...leaves(10)], { deferEdgesFrom: 1 });
    const clock = frames();
    feedEdges(cy, pendingEdges, {}, 8, clock.schedule);
    clock.next();
    expect(cy.edges()).toHaveLength(5);
    clock.next();
    expect(cy.edges()).toHaveLength(10);
    expect(clock.waiting).toBe(0);
  });

  it('stops on cancel (still reporting done) and adds the rest at once on flush', () => {
    const cy = canvas();
    const { pendingEdges } = syncElements(cy, [hub, ...leaves(10)], { deferEdgesFrom: 1 });
    const clock = frames();
    let done = 0;
    const cancelled = feedEdges(cy, pendingEdges, { done: () => { done += 1; } }, 3, clock.schedule);
    clock.next();
    cancelled.cancel();
    expect(clock.waiting).toBe(0);
    expect(cy.edges()).toHaveLength(3);
    expect(done).toBe(1);
    // the next sync finds the other seven missing and feeds them; a flush puts them in now
    const next = syncElements(cy, [hub, ...leaves(10)], { deferEdgesFrom: 1 });
    expect(next.pendingEdges.map((e) => e.data.id)).toEqual(pendingEdges.slice(3).map((e) => e.data.id));
    const flushed = feedEdges(cy, next.pendingEdges, { done: () => { done += 1; } }, 3, clock.schedule);
    flushed.flush();
    expect(cy.edges()).toHaveLength(10);
    expect(done).toBe(2);
    expect(clock.waiting).toBe(0);
  });
});

describe('explore classes on a synced canvas', () => {
  it('restyles only the elements whose filter or highlight changed', () => {
    const cy = canvas();
    syncElements(cy, [hub, other, ...leaves(30)]);
    applyClasses(cy, new Set(['hub-n1']), []);
    expect(cy.getElementById('hub-n1').hasClass('filtered')).toBe(true);
    let restyled = 0;
    cy.on('class', () => { restyled += 1; });
    applyClasses(cy, new Set(['hub-n1']), []);
    expect(restyled).toBe(0);
    applyClasses(cy, new Set(['hub-n2']), []);
    expect(restyled).toBe(2);
    expect(cy.getElementById('hub-n1').hasClass('filtered')).toBe(false);
    expect(cy.getElementById('hub-n2').hasClass('filtered')).toBe(true);
  });
});
