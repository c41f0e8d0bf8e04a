// Element projection and styling rules, checked on a headless cytoscape with styles enabled: what the
// analyst reads at a glance (dashed allegations, red denials, claim colour by status) is asserted on
// the computed style, not on the stylesheet text.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CANVAS_TEXT_MAX, edgeElement, nodeLabel, shorten, toElements } from '../../renderer/graph/elements';
import { MAX_FIT_ZOOM, readableFit } from '../../renderer/graph/layout';
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

  it('curves edges that share their two nodes, so none hides another, and draws lone edges straight', () => {
    // a second link between Varnavin and the committee, the other way round
    const extra = { id: 'r:99', source: 'e:3', target: 'e:1', type: 'relation' as const, label: 'employs', relationKind: "employs" as never, relationId: 99 };
    const graph = mergeGraph({ nodes: {}, edges: {} }, { nodes: seedPayload.nodes, edges: [...seedPayload.edges, extra] });
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light'), elements: toElements(graph) });
    expect(cy.getElementById('r:99').style('curve-style')).toBe('bezier');
    expect(cy.getElementById('r:1').style('curve-style')).toBe('bezier');
    const lone = cy.edges().filter((e) => !['r:1', 'r:99'].includes(e.id()) && e.source().edgesWith(e.target()).length === 1);
    expect(lone.nonempty()).toBe(true);
    lone.forEach((e) => expect(e.style('curve-style')).toBe('straight'));
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

  it('shows a graded claim\'s credibility next to its status, and nothing for an ungraded one', () => {
    const claim = seedPayload.nodes.find((n) => n.type === 'claim')!;
    expect(nodeLabel({ ...claim, status: 'disputed', credibility: 5 })).toMatch(/\(disputed, credibility 5\)$/);
    expect(nodeLabel({ ...claim, status: 'disputed', credibility: null })).toMatch(/\(disputed\)$/);
  });

  it('keeps the many subject/object and source links unlabelled until selected', () => {
    const cy = headless();
    const role = cy.getElementById('ro:1:2:subject');
    expect(role.style('label')).toBe('');
    role.select();
    expect(role.style('label')).toBe('subject');
    expect(cy.getElementById('r:1').style('label')).toBe('member of');
  });

  it('wraps labels with a background so they stay legible', () => {
    const cy = headless();
    const node = cy.getElementById('c:1');
    expect(node.style('text-wrap')).toBe('wrap');
    expect(Number(node.style('text-background-opacity'))).toBeGreaterThan(0.5);
  });
});

describe('readability helpers', () => {
  it('shortens long claim text at a word boundary, entity names never', () => {
    const long = 'A retired intelligence officer, Ruslan Temirkhanov, alleges that senator Margaret Ellery was recruited';
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(CANVAS_TEXT_MAX + 1);
    expect(short).toBe('A retired intelligence officer, Ruslan…');
    expect(nodeLabel({ id: 'e:9', type: 'entity', kind: 'person', label: long, importance: 0 })).toBe(long);
    expect(shorten('Short claim.')).toBe('Short claim.');
  });

  it('fits a tiny graph without zooming in past the readable maximum', () => {
    const fit = readableFit({ x1: 0, y1: 0, w: 100, h: 50 }, { width: 1000, height: 800 });
    expect(fit.zoom).toBe(MAX_FIT_ZOOM);
    expect(fit.pan).toEqual({ x: 500 - MAX_FIT_ZOOM * 50, y: 400 - MAX_FIT_ZOOM * 25 });
    expect(readableFit({ x1: 0, y1: 0, w: 4000, h: 100 }, { width: 1000, height: 800 }).zoom).toBeCloseTo((1000 - 96) / 4000);
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

  it('places new nodes next to the node they were expanded from, not on it, and leaves it in place', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light') });
    const graph = mergeGraph({ nodes: {}, edges: {} }, { nodes: seedPayload.nodes.slice(0, 3), edges: seedPayload.edges.slice(0, 1) });
    const first = toElements(graph).find((e) => e.data.id === 'e:3')!;
    syncElements(cy, [{ ...first, position: { x: 500, y: 500 } }]);
    syncElements(cy, toElements(graph));
    expect(cy.getElementById('e:3').position()).toEqual({ x: 500, y: 500 });
    const a = cy.getElementById('e:1').boundingBox({ includeLabels: true });
    const b = cy.getElementById('e:3').boundingBox({ includeLabels: true });
    expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1).toBe(true);
    const p = cy.getElementById('e:1').position();
    expect(Math.hypot(p.x - 500, p.y - 500)).toBeLessThan(250);
  });
});

describe('overlap removal', () => {
  it('pushes a newly placed node off the node it landed on, leaving the old one where it was', async () => {
    const { resolveOverlaps } = await import('../../renderer/graph/overlap');
    const cy = cytoscape({
      headless: true, styleEnabled: true,
      style: [{ selector: 'node', style: { width: 40, height: 40, label: '' } }],
      elements: [
        { group: 'nodes', data: { id: 'old' }, position: { x: 0, y: 0 } },
        { group: 'nodes', data: { id: 'far' }, position: { x: 500, y: 0 } },
        { group: 'nodes', data: { id: 'new' }, position: { x: 5, y: 0 } },
      ],
    });
    expect(resolveOverlaps(cy, cy.getElementById('new'))).toBe(1);
    expect(cy.getElementById('old').position()).toEqual({ x: 0, y: 0 });
    const p = cy.getElementById('new').position();
    expect(p.x).toBeGreaterThanOrEqual(40);
    expect(p.y).toBe(0);
    expect(resolveOverlaps(cy, cy.getElementById('new'))).toBe(0);
  });
});
