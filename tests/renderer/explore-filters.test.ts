// Canvas filters as pure functions over the element list, and their effect on a headless cytoscape:
// what a filter hides, the chips naming it, the path-finder filter it becomes, the timeline brush.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { toElements } from '../../renderer/graph/elements';
import { graphStyle } from '../../renderer/graph/style';
import { applyClasses } from '../../renderer/explore/canvasEffects';
import { filterChips, hiddenIds, inDateRange, NO_FILTERS, parseFilters, toPathFilter, type Filters } from '../../renderer/explore/filterModel';
import { brushToRange, dateToYear, rangeToFractions, timelineExtent } from '../../renderer/explore/timelineModel';
import { collapsible } from '../../renderer/explore/canvasOps';
import { mergeGraph } from '../../renderer/state/merge';
import { seedPayload } from './graphFixture';

const graph = mergeGraph({ nodes: {}, edges: {} }, seedPayload);
const f = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('filters over the canvas elements', () => {
  it('hides nothing without filters', () => {
    expect(hiddenIds(graph.nodes, graph.edges, NO_FILTERS).size).toBe(0);
  });

  it('hides claims of a status, their edges, and the alleged edge drawn for them', () => {
    const facts = { 1: { status: 'unverified' as const, stance: 'asserts' as const, credibility: null, madeOn: null, aboutTime: null } };
    const hidden = hiddenIds(graph.nodes, graph.edges, f({ statuses: ['unverified'] }), facts);
    expect([...hidden].filter((id) => graph.nodes[id])).toEqual(['c:1']);
    // claimant, roles, report and the response edge touch c:1; the alleged edge is drawn for claim 1
    expect(hidden).toEqual(new Set(['c:1', 'cl:1', 'ro:1:2:subject', 'ro:1:3:object', 'al:1:2:3', 'rt:2', 'src:1:1']));
    expect(hidden.has('c:2')).toBe(false);
    expect(hidden.has('r:1')).toBe(false);
  });

  it('hides by kind, stance, source reliability and claim credibility thresholds; ungraded items stay', () => {
    expect([...hiddenIds(graph.nodes, graph.edges, f({ kinds: ['place'] }))].filter((id) => graph.nodes[id])).toEqual(['e:4']);
    expect(hiddenIds(graph.nodes, graph.edges, f({ stances: ['denies'] })).has('c:2')).toBe(true);
    expect(hiddenIds(graph.nodes, graph.edges, f({ minReliability: 'A' })).has('s:1')).toBe(true); // B is below A
    expect(hiddenIds(graph.nodes, graph.edges, f({ minReliability: 'C' })).has('s:1')).toBe(false);
    const cred = hiddenIds(graph.nodes, graph.edges, f({ maxCredibility: 2 }));
    expect(cred.has('c:2')).toBe(true); // graded 3, worse than 2
    expect(cred.has('c:1')).toBe(false); // ungraded
  });

  it('keeps dated claims inside the range and undated ones', () => {
    expect(inDateRange({ madeOn: '1991-05-03', aboutTime: null }, '1991', '1991')).toBe(true);
    expect(inDateRange({ madeOn: '1992', aboutTime: '1989' }, '1988-01', '1990-12')).toBe(true); // about time matches
    expect(inDateRange({ madeOn: '1992', aboutTime: null }, '1988', '1990')).toBe(false);
    expect(inDateRange({ madeOn: null, aboutTime: null }, '1988', '1990')).toBe(true);
    const facts = { 1: { status: 'unverified' as const, stance: 'asserts' as const, credibility: null, madeOn: '2024-03', aboutTime: '1989' }, 2: { status: 'disputed' as const, stance: 'denies' as const, credibility: 3, madeOn: '2024-04', aboutTime: null } };
    const hidden = hiddenIds(graph.nodes, graph.edges, f({ dateFrom: '1988', dateTo: '1990' }), facts);
    expect(hidden.has('c:1')).toBe(false);
    expect(hidden.has('c:2')).toBe(true);
  });

  it('names each active filter in a chip that removes only itself', () => {
    const filters = f({ statuses: ['refuted', 'disputed'], minReliability: 'C', maxCredibility: 3, dateFrom: '1989' });
    const chips = filterChips(filters);
    expect(chips.map((c) => c.label)).toEqual(['Hide refuted', 'Hide disputed', 'Sources ≥ C', 'Claims ≥ 3', 'Dates 1989 – …']);
    expect(chips[0]!.clear(filters)).toEqual({ ...filters, statuses: ['disputed'] });
    expect(chips[2]!.clear(filters).minReliability).toBeNull();
    expect(filterChips(NO_FILTERS)).toEqual([]);
  });

  it('translates into the path finder filter and back from a saved view', () => {
    expect(toPathFilter(f({ stances: ['denies'], minReliability: 'C', maxCredibility: 3 }))).toEqual({
      excludeStances: ['denies'], excludeStatuses: [], maxCredibility: 3, minReliability: 'C', requireGraded: false,
    });
    expect(parseFilters({ statuses: ['refuted', 4], minReliability: 'Z', maxCredibility: 2 })).toEqual(f({ statuses: ['refuted'], maxCredibility: 2 }));
  });
});

describe('filter classes on the canvas', () => {
  it('takes filtered elements out of the drawing and puts them back', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light'), elements: toElements(graph) });
    applyClasses(cy, hiddenIds(graph.nodes, graph.edges, f({ kinds: ['place', 'source'] })), []);
    expect(cy.getElementById('e:4').visible()).toBe(false);
    expect(cy.getElementById('s:1').visible()).toBe(false);
    expect(cy.getElementById('src:1:1').visible()).toBe(false);
    expect(cy.getElementById('e:1').visible()).toBe(true);
    applyClasses(cy, new Set(), ['e:1', 'r:1', 'e:3']);
    expect(cy.getElementById('e:4').visible()).toBe(true);
    expect(cy.getElementById('r:1').hasClass('path')).toBe(true);
    expect(cy.getElementById('e:2').hasClass('faded')).toBe(true);
    expect(cy.getElementById('al:1:2:3').style('line-style')).toBe('dashed');
  });
});

describe('timeline brush', () => {
  it('places partial dates and brushes a month range that filters claims', () => {
    expect(dateToYear('1991')).toBeCloseTo(1991.5, 1);
    expect(dateToYear('1991-01-01')).toBeCloseTo(1991, 1);
    const extent = timelineExtent(['1989', '2024-03'])!;
    expect(extent).toEqual({ from: 1989, to: 2025 });
    const x1 = 1000 * (3 / 36) - 1; // just short of the end of the first three years
    const range = brushToRange(0, x1, 1000, extent);
    expect(range).toEqual({ dateFrom: '1989-01', dateTo: '1991-12' });
    // drawn back where it was brushed
    const [a, b] = rangeToFractions(range.dateFrom, range.dateTo, extent);
    expect(a).toBeCloseTo(0, 2);
    expect(b).toBeCloseTo(3 / 36, 2);
    const facts = { 1: { status: 'unverified' as const, stance: 'asserts' as const, credibility: null, madeOn: '2024-03', aboutTime: '1989' }, 2: { status: 'disputed' as const, stance: 'denies' as const, credibility: 3, madeOn: '2024-04', aboutTime: null } };
    const hidden = hiddenIds(graph.nodes, graph.edges, f(range), facts);
    expect([...hidden].filter((id) => graph.nodes[id])).toEqual(['c:2']);
    // brushing right to left is the same range
    expect(brushToRange(x1, 0, 1000, extent)).toEqual(range);
  });
});

describe('collapse', () => {
  it('hides only the leaves hanging off a node, never pinned ones', () => {
    expect(collapsible('e:1', graph.edges, {})).toEqual([]);
    expect(collapsible('c:1', graph.edges, {})).toEqual(['s:1']);
    expect(collapsible('c:1', graph.edges, { 's:1': true })).toEqual([]);
  });
});
