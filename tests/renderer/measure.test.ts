// New nodes are measured from their data, without cytoscape, and placed before they are added: the
// label wraps where cytoscape wraps it, each label is measured once, and a node goes onto the canvas
// already in its place, clear of the others, with nothing already there moved. (That the boxes equal
// cytoscape's own is checked in Chromium by the render bench: headless cytoscape measures no text.)
// Arrowheads too small to read are not drawn; exports at full size keep them.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { skipTinyArrowheads } from '../../renderer/graph/arrowDetail';
import { boxAt, intersects } from '../../renderer/graph/boxes';
import { lookOf, NodeBoxes, type BoxSource } from '../../renderer/graph/measure';
import { graphStyle, NODE_LABEL } from '../../renderer/graph/style';
import { syncElements } from '../../renderer/graph/sync';

/** Every character 7 px wide; every body a 40 × 40 square (42 with its border), labels hanging from 20 below the centre. */
function monospace() {
  const measured: string[] = [];
  const source: BoxSource = {
    textWidth: (_font, text) => { measured.push(text); return text.length * 7; },
    body: () => ({ box: { x1: -21, y1: -21, x2: 21, y2: 21 }, height: 40 }),
  };
  return { source, measured };
}

const person = (label: string) => ({ label, visualKind: 'person', pinned: false, selected: false });

describe('node boxes from data', () => {
  it('wraps a long label at the stylesheet width as cytoscape does, trailing space included', () => {
    const { source } = monospace();
    const boxes = new NodeBoxes(source);
    // 21 characters fit in 150 px; each wrapped line keeps the space that ended it
    const box = boxes.box('a', person('Western Logistics Company of the Northern Coast'));
    const lines = ['Western Logistics ', 'Company of the ', 'Northern Coast'];
    const width = Math.max(...lines.map((l) => l.length * 7));
    const slack = NODE_LABEL.backgroundPadding + 2;
    expect(box.w).toBe(width + 2 * slack);
    const top = -21;
    const bottom = 20 + NODE_LABEL.marginY + lines.length * NODE_LABEL.size + slack;
    expect(box.h).toBe(bottom - top);
    expect(box.oy).toBe((top + bottom) / 2);
  });

  it('keeps explicit lines, never breaks a single long word, and a short label leaves the body wider', () => {
    const { source } = monospace();
    const boxes = new NodeBoxes(source);
    const twoLines = boxes.box('s', { ...person('Harbour report\n[reliability B]'), visualKind: 'source' });
    const oneLine = boxes.box('p', person('Harbour report'));
    expect(twoLines.h - oneLine.h).toBe(NODE_LABEL.size);
    const word = 'Supercalifragilisticexpialidocious'; // 238 px, wider than 150: stays whole
    expect(boxes.box('w', person(word)).w).toBe(word.length * 7 + 2 * (NODE_LABEL.backgroundPadding + 2));
    expect(boxes.box('x', person('Al')).w).toBe(42);
    expect(boxes.box('y', person('')).h).toBe(42);
  });

  it('measures each label once however many nodes carry it', () => {
    const { source, measured } = monospace();
    const boxes = new NodeBoxes(source);
    boxes.box('a', person('+12 more'));
    const once = measured.length;
    for (let i = 0; i < 50; i++) boxes.box(`n${i}`, person('+12 more'));
    expect(measured.length).toBe(once);
    // the selected (bold) label is another font: measured again
    boxes.box('b', { ...person('+12 more'), selected: true });
    expect(measured.length).toBeGreaterThan(once);
  });
});

describe('new nodes placed before they are added', () => {
  const hub: ElementDefinition = { group: 'nodes', data: { id: 'hub', label: 'Meridian Holdings', visualKind: 'organization' }, position: { x: 0, y: 0 } };
  const leaves = (count: number, prefix = 'n') => Array.from({ length: count }, (_, i) => [
    { group: 'nodes' as const, data: { id: `${prefix}${i}`, label: `Employee number ${i} of the holding`, visualKind: 'person' } },
    { group: 'edges' as const, data: { id: `${prefix}x${i}`, source: 'hub', target: `${prefix}${i}` } },
  ]).flat();

  function canvas(): Core {
    return cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light') });
  }

  /** Pairs of boxes that touch where one of the two is a node whose id starts with `prefix`. */
  function overlapsOf(cy: Core, boxes: NodeBoxes, prefix: string): string[] {
    const placed = cy.nodes().map((n) => ({ id: n.id(), rect: boxAt(boxes.box(n.id(), lookOf(n.data() as Record<string, unknown>)), n.position()) }));
    const found: string[] = [];
    for (const a of placed) {
      if (!a.id.startsWith(prefix)) continue;
      for (const b of placed) if (b.id !== a.id && (!b.id.startsWith(prefix) || a.id < b.id) && intersects(a.rect, b.rect)) found.push(`${a.id}/${b.id}`);
    }
    return found;
  }

  it('adds each new node at its final spot, clear of every other label, and moves nothing already there', () => {
    const cy = canvas();
    const boxes = new NodeBoxes(monospace().source);
    syncElements(cy, [hub, ...leaves(40)], { boxes });
    const before = Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const moved: string[] = [];
    cy.on('position', 'node', (event) => { moved.push(event.target.id()); });
    const result = syncElements(cy, [hub, ...leaves(40), ...leaves(150, 'm')], { boxes, deferEdgesFrom: 120 });
    expect(result.addedNodes).toHaveLength(150);
    expect(result.pendingEdges).toHaveLength(150);
    expect(moved).toEqual([]);
    for (const [id, at] of Object.entries(before)) expect(cy.getElementById(id).position()).toEqual(at);
    expect(overlapsOf(cy, boxes, 'm')).toEqual([]);
    const far = Math.max(...cy.nodes('[id ^= "m"]').map((n) => Math.hypot(n.position().x, n.position().y)));
    expect(far).toBeLessThan(3000);
  });
});

describe('arrowheads by drawing scale', () => {
  function drawnAt(scale: number | null): number {
    let drawn = 0;
    type Draw = (context: unknown, edge: unknown, opacity: number) => void;
    const renderer: { drawArrowheads: Draw } = { drawArrowheads: () => { drawn += 1; } };
    const cy = { renderer: () => renderer } as unknown as Core;
    skipTinyArrowheads(cy);
    const context = scale === null ? {} : { getTransform: () => ({ a: scale, b: 0 }) };
    renderer.drawArrowheads(context, {}, 1);
    return drawn;
  }

  it('skips them on a zoomed-out canvas and draws them at reading zoom and in SVG exports', () => {
    expect(drawnAt(0.15)).toBe(0);
    expect(drawnAt(0.5)).toBe(1);
    expect(drawnAt(2)).toBe(1);
    expect(drawnAt(null)).toBe(1);
  });
});
