// The layouts for large canvases (scaleLayout.ts) on plain boxes, as the worker runs them: a hub's
// leaves spread around it with no two boxes touching, linked nodes stay near each other, loose parts
// are packed beside each other, and an incremental placement never moves or covers what is there.
import { describe, expect, it } from 'vitest';
import { boxAt, countOverlaps, intersects, type LayoutEdge, type LayoutNode } from '../../renderer/graph/boxes';
import { layoutFresh, placeAdded } from '../../renderer/graph/scaleLayout';

// a node 38 px across with a one-line label below it, as the canvas measures them
const box = (id: string, w = 120): LayoutNode => ({ id, w, h: 62, oy: 12 });
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** Two hubs with hundreds of leaves each, a few nodes they share, and some loose pairs. */
function investigation() {
  const nodes: LayoutNode[] = [box('a'), box('b')];
  const edges: LayoutEdge[] = [];
  for (let i = 0; i < 450; i++) { nodes.push(box(`a${i}`, 60 + (i % 7) * 20)); edges.push({ source: 'a', target: `a${i}` }); }
  for (let i = 0; i < 300; i++) { nodes.push(box(`b${i}`)); edges.push({ source: `b${i}`, target: 'b' }); }
  for (let i = 0; i < 40; i++) {
    nodes.push(box(`s${i}`));
    edges.push({ source: 'a', target: `s${i}` }, { source: 'b', target: `s${i}` });
  }
  for (let i = 0; i < 20; i++) { nodes.push(box(`p${i}`), box(`q${i}`)); edges.push({ source: `p${i}`, target: `q${i}` }); }
  nodes.push(box('alone'));
  return { nodes, edges };
}

describe('fresh layout of a large canvas', () => {
  const { nodes, edges } = investigation();
  const at = layoutFresh(nodes, edges);
  const points = nodes.map((n) => at[n.id]!);

  it('places every node, with no two boxes (labels included) overlapping', () => {
    expect(Object.keys(at)).toHaveLength(nodes.length);
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(countOverlaps(nodes, points)).toBe(0);
  });

  it('spreads a hub\'s leaves around it instead of piling them up', () => {
    const leaves = nodes.filter((n) => /^a\d/.test(n.id)).map((n) => at[n.id]!);
    let closest = Infinity;
    for (let i = 0; i < leaves.length; i++) for (let j = i + 1; j < leaves.length; j++) closest = Math.min(closest, dist(leaves[i]!, leaves[j]!));
    // never closer than a label's height: two boxes cannot share a spot
    expect(closest).toBeGreaterThan(60);
    // around the hub, on every side
    const hub = at.a!;
    const sides = new Set(leaves.map((p) => `${Math.sign(Math.round((p.x - hub.x) / 100))},${Math.sign(Math.round((p.y - hub.y) / 100))}`));
    expect(sides.size).toBeGreaterThanOrEqual(8);
    // and compact: the 450 leaves fill a disc not much larger than their own area
    const reach = Math.max(...leaves.map((p) => dist(p, hub)));
    const area = nodes.filter((n) => /^a\d/.test(n.id)).reduce((s, n) => s + n.w * n.h, 0);
    expect(Math.PI * reach * reach).toBeLessThan(area * 6);
  });

  it('keeps linked nodes nearer each other than unrelated ones', () => {
    const shared = nodes.filter((n) => n.id.startsWith('s')).map((n) => at[n.id]!);
    const toA = shared.reduce((s, p) => s + dist(p, at.a!), 0) / shared.length;
    const pairs = Array.from({ length: 20 }, (_, i) => dist(at[`p${i}`]!, at[`q${i}`]!));
    expect(Math.max(...pairs)).toBeLessThan(400);
    // a node shared by both hubs sits just outside a hub's fan, not across the canvas
    expect(toA).toBeLessThan(dist(at.a!, at.b!) + 1500);
  });

  it('gives the same picture for the same graph', () => {
    expect(layoutFresh(nodes, edges)).toEqual(at);
  });
});

describe('incremental placement', () => {
  it('puts new nodes in free space by the nodes they link to, moving nothing and covering nothing', () => {
    const { nodes, edges } = investigation();
    const at = layoutFresh(nodes, edges);
    const fixed = nodes.map((n) => ({ ...n, ...at[n.id]! }));
    // 120 new leaves of one shared node, a new hub linked to both old hubs with 60 leaves of its own
    const added: LayoutNode[] = [box('c')];
    const more: LayoutEdge[] = [{ source: 'c', target: 'a' }, { source: 'c', target: 'b' }];
    for (let i = 0; i < 120; i++) { added.push(box(`t${i}`)); more.push({ source: 's5', target: `t${i}` }); }
    for (let i = 0; i < 60; i++) { added.push(box(`c${i}`)); more.push({ source: 'c', target: `c${i}` }); }
    const spots = placeAdded(fixed, added, [...edges, ...more]);
    expect(Object.keys(spots)).toHaveLength(added.length);
    const all = [...nodes, ...added];
    const positions = { ...at, ...spots };
    expect(countOverlaps(all, all.map((n) => positions[n.id]!))).toBe(0);
    // nothing new covers an old node
    const covered = added.filter((n) => fixed.some((f) => intersects(boxAt(n, spots[n.id]!), boxAt(f, f))));
    expect(covered).toEqual([]);
    // the new leaves stay together, next to the node they belong to
    const leaves = added.filter((n) => n.id.startsWith('t')).map((n) => spots[n.id]!);
    const centre = { x: leaves.reduce((s, p) => s + p.x, 0) / leaves.length, y: leaves.reduce((s, p) => s + p.y, 0) / leaves.length };
    expect(Math.max(...leaves.map((p) => dist(p, centre)))).toBeLessThan(1200);
    expect(dist(centre, at.s5!)).toBeLessThan(2500);
  });
});
