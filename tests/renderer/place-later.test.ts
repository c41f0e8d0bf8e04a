// Many new nodes next to placed ones are measured on the canvas and placed in the layout worker:
// they wait hidden (with every new edge) until their spots arrive, land exactly where the placement
// on the main thread puts them, and a sync that comes first takes them into its own placement.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { countOverlaps } from '../../renderer/graph/boxes';
import { layoutNode } from '../../renderer/graph/measure';
import { answerLayout } from '../../renderer/graph/scaleLayout';
import { graphStyle } from '../../renderer/graph/style';
import { placeNodes, syncElements } from '../../renderer/graph/sync';

function canvas(): Core {
  return cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light') });
}

const placed: ElementDefinition[] = [
  { group: 'nodes', data: { id: 'hub', label: 'Meridian Holdings', visualKind: 'organization' }, position: { x: 0, y: 0 } },
  { group: 'nodes', data: { id: 'far', label: 'Harbour Authority', visualKind: 'organization' }, position: { x: 2500, y: 0 } },
];
function around(of: string, count: number): ElementDefinition[] {
  return Array.from({ length: count }, (_, i) => [
    { group: 'nodes' as const, data: { id: `${of}-n${i}`, label: `Employee ${of} ${i}`, visualKind: 'person' } },
    { group: 'edges' as const, data: { id: `${of}-x${i}`, source: of, target: `${of}-n${i}` } },
  ]).flat();
}
const positions = (cy: Core) => Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));

describe('placing many new nodes elsewhere', () => {
  it('keeps them hidden with their edges until placed, then puts them where the main thread would', () => {
    const here = canvas();
    const there = canvas();
    for (const cy of [here, there]) syncElements(cy, placed);
    const elements = [...placed, ...around('hub', 30), ...around('far', 20)];
    syncElements(here, elements);
    const result = syncElements(there, elements, { placeLaterFrom: 40 });
    expect(result.placement).not.toBeNull();
    expect(result.placement!.added).toHaveLength(50);
    expect(result.pendingEdges).toHaveLength(50);
    expect(there.edges()).toHaveLength(0);
    expect(there.nodes().filter((n) => n.id().includes('-n')).map((n) => n.visible()).every((shown) => !shown)).toBe(true);
    // old nodes never move
    expect(there.getElementById('hub').position()).toEqual({ x: 0, y: 0 });

    expect(placeNodes(there, answerLayout({ kind: 'add', ...result.placement! }))).toBe(50);
    expect(positions(there)).toEqual(positions(here));
    expect(there.nodes().map((n) => n.visible()).every(Boolean)).toBe(true);
    expect(countOverlaps(there.nodes().map(layoutNode), there.nodes().map((n) => n.position()))).toBe(0);
  });

  it('places a few at once, and lets a sync that comes first place the ones still waiting', () => {
    const cy = canvas();
    syncElements(cy, placed);
    const few = syncElements(cy, [...placed, ...around('hub', 5)], { placeLaterFrom: 40 });
    expect(few.placement).toBeNull();
    expect(cy.edges()).toHaveLength(5);

    const first = syncElements(cy, [...placed, ...around('hub', 5), ...around('far', 45)], { placeLaterFrom: 40 });
    expect(first.placement!.added).toHaveLength(45);
    // the next sync (a few more nodes) comes before the answer: it places all 47 itself
    const second = syncElements(cy, [...placed, ...around('hub', 7), ...around('far', 45)], { placeLaterFrom: 40 });
    expect(second.placement!.added.map((n) => n.id).sort()).toEqual([...cy.nodes().filter((n) => !n.visible()).map((n) => n.id())].sort());
    expect(second.placement!.added).toHaveLength(47);
    // the waiting nodes' leaves link them to 'far' in the new placement's edges
    expect(second.placement!.edges.filter((e) => e.source === 'far')).toHaveLength(45);
    placeNodes(cy, answerLayout({ kind: 'add', ...second.placement! }));
    // an answer to the superseded request places nothing twice
    expect(placeNodes(cy, answerLayout({ kind: 'add', ...first.placement! }))).toBe(0);
    expect(cy.nodes().map((n) => n.visible()).every(Boolean)).toBe(true);
    expect(countOverlaps(cy.nodes().map(layoutNode), cy.nodes().map((n) => n.position()))).toBe(0);
    // the far leaves sit around 'far', not around the hub
    for (let i = 0; i < 45; i++) expect(cy.getElementById(`far-n${i}`).position().x).toBeGreaterThan(1250);
  });
});
