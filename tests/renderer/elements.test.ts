// Element projection and styling rules, checked on a headless cytoscape with styles enabled: what the
// analyst reads at a glance (dashed allegations, red denials, claim colour by status) is asserted on
// the computed style, not on the stylesheet text.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { edgeElement, nodeLabel, toElements } from '../../renderer/graph/elements';
import { PALETTES } from '../../renderer/graph/palette';
import { graphStyle } from '../../renderer/graph/style';
import { syncElements } from '../../renderer/graph/sync';
import { mergeGraph } from '../../renderer/state/merge';
import { seedPayload } from './graphFixture';

function headless(theme: 'light' | 'dark' = 'light') {
  const graph = mergeGraph({ nodes: {}, edges: {} }, seedPayload);
  return cytoscape({ headless: true, styleEnabled: true, style: graphStyle(theme), elements: toElements(graph) });
}

/** cytoscape reports colours as rgb(); compare against the palette's hex. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

describe('canvas styling', () => {
  it.each(['light', 'dark'] as const)('draws the alleged edge dashed, never solid (%s)', (theme) => {
    const cy = headless(theme);
    const alleged = cy.getElementById('al:1:2:3');
    expect(alleged.style('line-style')).toBe('dashed');
    alleged.select();
    expect(alleged.style('line-style')).toBe('dashed');
    // an established relation between entities is solid
    expect(cy.getElementById('r:1').style('line-style')).toBe('solid');
  });

  it('draws denial edges red and assertion edges in the neutral colour', () => {
    const cy = headless();
    const red = rgb(PALETTES.light.denies);
    expect(cy.getElementById('cl:2').style('line-color')).toBe(red);
    expect(cy.getElementById('rt:2').style('line-color')).toBe(red);
    expect(cy.getElementById('cl:1').style('line-color')).not.toBe(red);
    expect(cy.getElementById('cl:1').style('label')).toBe('asserts');
    expect(cy.getElementById('cl:2').style('label')).toBe('denies');
  });

  it('colours claims by status', () => {
    const cy = headless();
    expect(cy.getElementById('c:1').style('background-color')).toBe(rgb(PALETTES.light.status.unverified));
    expect(cy.getElementById('c:2').style('background-color')).toBe(rgb(PALETTES.light.status.disputed));
    cy.getElementById('c:2').data('status', 'corroborated');
    expect(cy.getElementById('c:2').style('background-color')).toBe(rgb(PALETTES.light.status.corroborated));
  });

  it('gives each kind its own shape and colour', () => {
    const cy = headless();
    const look = (id: string) => `${cy.getElementById(id).style('shape')} ${cy.getElementById(id).style('background-color')}`;
    const looks = ['e:1', 'e:3', 'e:4', 'c:1', 's:1'].map(look);
    expect(new Set(looks).size).toBe(5);
    expect(cy.getElementById('e:1').style('shape')).toBe('ellipse');
    expect(look('e:1')).toBe(look('e:2'));
  });

  it('shows a source reliability grade in its label and border', () => {
    const cy = headless();
    const source = cy.getElementById('s:1');
    expect(String(source.style('label'))).toContain('reliability B');
    expect(source.style('border-color')).toBe(rgb(PALETTES.light.reliability.B));
    expect(nodeLabel({ ...seedPayload.nodes[6]!, reliability: null })).toContain('reliability ungraded');
  });

  it('wraps labels with a background so they stay legible', () => {
    const cy = headless();
    const node = cy.getElementById('c:1');
    expect(node.style('text-wrap')).toBe('wrap');
    expect(Number(node.style('text-background-opacity'))).toBeGreaterThan(0.5);
  });
});

describe('element projection', () => {
  it('marks only denials as denies', () => {
    const byId = Object.fromEntries(seedPayload.edges.map((e) => [e.id, edgeElement(e).data.denies]));
    expect(byId).toMatchObject({ 'cl:1': 0, 'cl:2': 1, 'rt:2': 1, 'al:1:2:3': 0, 'r:1': 0 });
  });

  it('leaves out edges whose ends are not both on the canvas', () => {
    const nodes = { 'e:1': seedPayload.nodes[0]! };
    const elements = toElements({ nodes, edges: { 'r:1': seedPayload.edges[0]! } });
    expect(elements.map((e) => e.data.id)).toEqual(['e:1']);
  });

  it('says how many neighbours an expanded node holds back', () => {
    const [el] = toElements({ nodes: { 'e:1': seedPayload.nodes[0]! }, edges: {}, more: { 'e:1': { count: 7 } } });
    expect(el!.data.label).toBe('Oleg Varnavin\n+7 more');
  });

  it('merging an overlapping neighbourhood does not duplicate nodes or edges on the canvas', () => {
    const cy = cytoscape({ headless: true });
    const first = mergeGraph({ nodes: {}, edges: {} }, { nodes: seedPayload.nodes.slice(0, 3), edges: seedPayload.edges.slice(0, 1) });
    expect(syncElements(cy, toElements(first)).addedNodes).toEqual(['e:1', 'e:2', 'e:3']);
    const second = mergeGraph(first, seedPayload);
    expect(second.added).toEqual(['e:4', 'c:1', 'c:2', 's:1']);
    expect(second.nodes['e:1']).toBe(first.nodes['e:1']);
    const result = syncElements(cy, toElements(second));
    expect(result.addedNodes).toEqual(['e:4', 'c:1', 'c:2', 's:1']);
    expect(cy.nodes().length).toBe(7);
    expect(cy.edges().length).toBe(8);
    expect(syncElements(cy, toElements(mergeGraph(second, seedPayload))).addedNodes).toEqual([]);
    expect(cy.nodes().length).toBe(7);
  });

  it('places new nodes around the node they were expanded from', () => {
    const cy = cytoscape({ headless: true });
    cy.add({ group: 'nodes', data: { id: 'e:3' }, position: { x: 500, y: 500 } });
    const graph = mergeGraph({ nodes: {}, edges: {} }, { nodes: seedPayload.nodes.slice(0, 3), edges: seedPayload.edges.slice(0, 1) });
    syncElements(cy, toElements(graph));
    const p = cy.getElementById('e:1').position();
    expect(Math.hypot(p.x - 500, p.y - 500)).toBeCloseTo(140, 0);
  });
});
