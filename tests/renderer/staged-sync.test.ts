// A large addition reaches a canvas that has nodes in steps, each a task of its own (PERFORMANCE.md
// R2: no task over 100 ms): the new nodes are placed, a unit at a time, without being added, then
// added where they were placed; their edges follow a slice per frame, each slice added in a task after the frame instead of
// inside it. A sync that comes in between never loses or doubles an element, and a cancelled step
// never runs.
import type { ElementDefinition } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countOverlaps } from '../../renderer/graph/boxes';
import { layoutNode, NodeBoxes, type BoxSource } from '../../renderer/graph/measure';
import { feedEdges } from '../../renderer/graph/progressive';
import { applySync, planSync, planSyncInSteps, syncElements } from '../../renderer/graph/sync';
import { afterNextFrame, inNextTask } from '../../renderer/graph/tasks';
import { canvas, hub, leaves } from './canvasFixture';

/** Every character 7 px wide, every body 42 px square: boxes known without a canvas to measure on. */
const monospace: BoxSource = {
  textWidth: (_font, text) => text.length * 7,
  body: () => ({ box: { x1: -21, y1: -21, x2: 21, y2: 21 }, height: 40 }),
};


/** Animation frames the test draws by hand (Node has none). */
function manualFrames() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let last = 0;
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => { last += 1; callbacks.set(last, fn); return last; });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { callbacks.delete(id); });
  return {
    draw() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const fn of due) fn(0);
    },
    get waiting() { return callbacks.size; },
  };
}

/** Resolves in a task posted now, so after every task posted before it. */
const laterTask = () => new Promise<void>((resolve) => { inNextTask(resolve); });

afterEach(() => { vi.unstubAllGlobals(); });

describe('steps in tasks of their own', () => {
  it('runs a step after the frame, not inside it, and not at all once cancelled', async () => {
    const frames = manualFrames();
    const ran: string[] = [];
    afterNextFrame(() => ran.push('kept'));
    const beforeFrame = afterNextFrame(() => ran.push('cancelled before the frame'));
    const afterFrame = afterNextFrame(() => ran.push('cancelled after the frame'));
    beforeFrame();
    expect(frames.waiting).toBe(2);
    frames.draw();
    expect(ran).toEqual([]); // the frame only posted the steps
    afterFrame();
    await laterTask();
    expect(ran).toEqual(['kept']);
  });

  it('feeds each slice of edges in a task after a frame until every edge is in', async () => {
    const frames = manualFrames();
    const cy = canvas();
    const { pendingEdges } = syncElements(cy, [hub, ...leaves(10)], { deferEdgesFrom: 1 });
    let slice: () => void = () => {};
    const sliced = () => new Promise<void>((resolve) => { slice = resolve; });
    let done = false;
    feedEdges(cy, pendingEdges, { onSlice: () => slice(), done: () => { done = true; } }, 4);
    let before = 0;
    for (const expected of [4, 8, 10]) {
      const next = sliced();
      frames.draw();
      expect(cy.edges()).toHaveLength(before); // the frame only posted the slice
      await next;
      expect(cy.edges()).toHaveLength(expected);
      before = expected;
    }
    expect(done).toBe(true);
    expect(frames.waiting).toBe(0);
  });
});

describe('a staged sync', () => {
  it('places the new nodes without adding them, then adds them where they were placed', () => {
    const cy = canvas();
    const boxes = new NodeBoxes(monospace);
    syncElements(cy, [hub]);
    const plan = planSync(cy, [hub, ...leaves(150)], { deferEdgesFrom: 120, boxes });
    expect(cy.nodes()).toHaveLength(1);
    expect(plan.nodes).toHaveLength(150);
    const planned = Object.fromEntries(plan.nodes.map((d) => [String(d.data.id), d.position]));
    const result = applySync(cy, plan);
    expect(result.addedNodes).toHaveLength(150);
    expect(result.pendingEdges).toHaveLength(150);
    expect(cy.nodes().not('#hub').nodes().map((n) => [n.id(), n.position()])).toEqual(Object.entries(planned));
    expect(cy.getElementById('hub').position()).toEqual({ x: 0, y: 0 });
    expect(countOverlaps(cy.nodes().map(layoutNode), cy.nodes().map((n) => n.position()))).toBe(0);
  });

  it('places a unit of new nodes per step, adding nothing, to the spots a plan in one go finds', () => {
    // a chain hub – c0 – c1 – … : each new node links to two others, so each is a unit of its own
    const chain: ElementDefinition[] = Array.from({ length: 12 }, (_, i) => [
      { group: 'nodes' as const, data: { id: `c${i}`, label: `Courier ${i}`, visualKind: 'person' } },
      { group: 'edges' as const, data: { id: `l${i}`, source: i === 0 ? 'hub' : `c${i - 1}`, target: `c${i}` } },
    ]).flat();
    const elements = [hub, ...chain, ...leaves(30)];
    const stepped = canvas();
    const whole = canvas();
    syncElements(stepped, [hub]);
    syncElements(whole, [hub]);
    const steps = planSyncInSteps(stepped, elements, { boxes: new NodeBoxes(monospace) });
    let step = steps.next();
    let count = 0;
    while (!step.done) {
      expect(stepped.nodes()).toHaveLength(1);
      count += 1;
      step = steps.next();
    }
    expect(count).toBeGreaterThanOrEqual(12);
    const plan = planSync(whole, elements, { boxes: new NodeBoxes(monospace) });
    expect(step.value.nodes).toEqual(plan.nodes);
  });

  it('adds nothing twice when another sync ran between placing and adding, and skips edges that lost an end', () => {
    const cy = canvas();
    const far: ElementDefinition = { group: 'nodes', data: { id: 'far', label: 'Harbour Authority', visualKind: 'organization' }, position: { x: 3000, y: 0 } };
    syncElements(cy, [hub, far]);
    const plan = planSync(cy, [hub, far, ...leaves(5), ...leaves(2, 'far')]);
    // a newer sync put three of the hub's in already, and then the far node left the canvas
    syncElements(cy, [hub, far, ...leaves(3)]);
    cy.getElementById('far').remove();
    const result = applySync(cy, plan);
    expect(result.addedNodes).toEqual(['hub-n3', 'hub-n4', 'far-n0', 'far-n1']);
    expect(new Set(cy.elements().map((e) => e.id())).size).toBe(cy.elements().length);
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['hub-x0', 'hub-x1', 'hub-x2', 'hub-x3', 'hub-x4']);
  });
});
