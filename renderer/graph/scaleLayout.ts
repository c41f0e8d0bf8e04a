// Layouts for canvases too large for fCoSE to settle interactively (PERFORMANCE.md R2, R3). Both
// work on plain boxes (boxes.ts), so they run in the layout worker and in unit tests alike.
// - A fresh layout sets each node's leaves (neighbours that link to nothing else) in a fan around it
//   (fans.ts), lays the remaining nodes out as discs that hold their fans (stress.ts), then packs the
//   connected components side by side and pushes any boxes that still touch apart.
// - An incremental layout keeps every node already on the canvas where it is and puts each new node,
//   with its new leaves around it, in the nearest free space next to the nodes it links to.
import { BoxGrid, boxAt, cellSizeFor, GAP, separateBoxes, type LayoutEdge, type LayoutNode, type Point, type Rect } from './boxes';
import { fanAround } from './fans';
import { stressLayout } from './stress';

/** Space between two linked discs in the stress pass. */
const EDGE_GAP = 90;
/**
 * Room kept between an added node (or fan) and what is already on the canvas: enough for an edge
 * and its label to show between them (at the plain label gap the new nodes sat box to box and edge
 * labels ran over them).
 */
const ADDED_CLEARANCE = 56;

interface Indexed { nodes: readonly LayoutNode[]; adjacency: number[][] }

function indexGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Indexed {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const sets = nodes.map(() => new Set<number>());
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    sets[a]!.add(b);
    sets[b]!.add(a);
  }
  return { nodes, adjacency: sets.map((s) => [...s]) };
}

function components(adjacency: readonly number[][]): number[][] {
  const seen = new Uint8Array(adjacency.length);
  const found: number[][] = [];
  for (let s = 0; s < adjacency.length; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    const members = [s];
    for (let k = 0; k < members.length; k++) {
      for (const v of adjacency[members[k]!]!) if (!seen[v]) { seen[v] = 1; members.push(v); }
    }
    found.push(members);
  }
  return found;
}

/** Leaves of a component: nodes with a single neighbour that itself has others (a pair keeps both). */
function leafParents(members: readonly number[], adjacency: readonly number[][]): Map<number, number> {
  const parent = new Map<number, number>();
  for (const i of members) {
    const list = adjacency[i]!;
    if (list.length === 1 && adjacency[list[0]!]!.length > 1) parent.set(i, list[0]!);
  }
  return parent;
}

/** One connected component laid out around (0, 0). */
function layoutComponent(graph: Indexed, members: readonly number[], at: Point[], seed: number): void {
  const { nodes, adjacency } = graph;
  const parentOf = leafParents(members, adjacency);
  const core = members.filter((i) => !parentOf.has(i));
  const local = new Map(core.map((i, k) => [i, k]));
  const leavesOf = new Map<number, number[]>();
  for (const [leaf, parent] of parentOf) {
    const list = leavesOf.get(parent);
    if (list) list.push(leaf); else leavesOf.set(parent, [leaf]);
  }
  const fans = core.map((i) => fanAround(nodes[i]!, (leavesOf.get(i) ?? []).map((l) => nodes[l]!)));
  const placed = stressLayout({
    adjacency: core.map((i) => adjacency[i]!.filter((j) => local.has(j)).map((j) => local.get(j)!)),
    radius: fans.map((f) => f.radius),
    edgeGap: EDGE_GAP,
  }, seed, 40, GAP * 2);
  core.forEach((i, k) => {
    at[i] = placed[k]!;
    (leavesOf.get(i) ?? []).forEach((leaf, l) => {
      const offset = fans[k]!.offsets[l]!;
      at[leaf] = { x: placed[k]!.x + offset.x, y: placed[k]!.y + offset.y };
    });
  });
}

function extentOf(graph: Indexed, members: readonly number[], at: readonly Point[]) {
  let x1 = Infinity; let y1 = Infinity; let x2 = -Infinity; let y2 = -Infinity;
  for (const i of members) {
    const r = boxAt(graph.nodes[i]!, at[i]!);
    x1 = Math.min(x1, r.x1); y1 = Math.min(y1, r.y1); x2 = Math.max(x2, r.x2); y2 = Math.max(y2, r.y2);
  }
  return { x1, y1, w: x2 - x1, h: y2 - y1 };
}

/**
 * Positions for a whole graph. Components are packed in rows, largest first, in a block about as
 * wide as a screen is for its area, so a few big clusters and many loose nodes share one view.
 */
export function layoutFresh(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Record<string, Point> {
  const graph = indexGraph(nodes, edges);
  const at: Point[] = nodes.map(() => ({ x: 0, y: 0 }));
  const parts = components(graph.adjacency).sort((a, b) => b.length - a.length);
  const boxes = parts.map((members, c) => {
    if (members.length > 1) layoutComponent(graph, members, at, c + 1);
    return extentOf(graph, members, at);
  });
  const area = boxes.reduce((s, b) => s + (b.w + GAP * 4) * (b.h + GAP * 4), 0);
  const rowWidth = Math.max(Math.sqrt(area * 1.6), ...boxes.map((b) => b.w));
  let x = 0; let y = 0; let rowHeight = 0;
  parts.forEach((members, c) => {
    const box = boxes[c]!;
    if (x > 0 && x + box.w > rowWidth) { x = 0; y += rowHeight + GAP * 4; rowHeight = 0; }
    const dx = x - box.x1;
    const dy = y - box.y1;
    for (const i of members) at[i] = { x: at[i]!.x + dx, y: at[i]!.y + dy };
    x += box.w + GAP * 4;
    rowHeight = Math.max(rowHeight, box.h);
  });
  separateBoxes(nodes, at, () => true, 30);
  return Object.fromEntries(nodes.map((n, i) => [n.id, at[i]!]));
}

/**
 * The first of the candidate spots around `target` (target itself, then rings `step` apart, nearest
 * first) where `fits` holds, or the last one tried. A loop rather than a generator of points: a few
 * hundred new nodes on a full canvas try hundreds of thousands of spots.
 */
function firstSpotAround(target: Point, step: number, fits: (x: number, y: number) => boolean, maxRings = 400): Point {
  if (fits(target.x, target.y)) return target;
  let x = target.x;
  let y = target.y;
  for (let ring = 1; ring <= maxRings; ring++) {
    const r = ring * step;
    const count = Math.max(6, Math.round((2 * Math.PI * r) / step));
    // start each ring at a different angle so successive rings do not line up
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * k) / count + ring * 0.7;
      x = target.x + r * Math.cos(angle);
      y = target.y + r * Math.sin(angle);
      if (fits(x, y)) return { x, y };
    }
  }
  return { x, y };
}

/**
 * Positions for `added` nodes on a canvas whose `fixed` nodes stay where they are: each new node
 * that links to others goes, with its new leaves in a fan around it, to the nearest free spot by the
 * nodes it links to; new leaves of a node already on the canvas go, as one block, to the nearest
 * free spot beside it. Nothing new overlaps anything.
 */
export function placeAdded(fixed: readonly (LayoutNode & Point)[], added: readonly LayoutNode[], edges: readonly LayoutEdge[]): Record<string, Point> {
  return finish(placeAddedInSteps(fixed, added, edges));
}

/** Runs a stepwise computation to its end. */
export function finish<T>(steps: Iterator<void, T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * placeAdded one unit (a new node with its fan, or an old node's new leaves) per step, so the main
 * thread can spread 200 new nodes over several tasks (GraphCanvas.tsx).
 */
export function* placeAddedInSteps(fixed: readonly (LayoutNode & Point)[], added: readonly LayoutNode[], edges: readonly LayoutEdge[]): Generator<void, Record<string, Point>> {
  const all = [...fixed, ...added];
  const graph = indexGraph(all, edges);
  const isNew = (i: number) => i >= fixed.length;
  const at: (Point | null)[] = [...fixed.map((n) => ({ x: n.x, y: n.y })), ...added.map(() => null)];
  const grid = new BoxGrid(cellSizeFor(all));
  fixed.forEach((n) => grid.add(boxAt(n, n)));
  // new nodes with a single neighbour (old or new) travel with it as its fan
  const leavesOf = new Map<number, number[]>();
  for (let i = fixed.length; i < all.length; i++) {
    const list = graph.adjacency[i]!;
    if (list.length === 1 && (!isNew(list[0]!) || graph.adjacency[list[0]!]!.length > 1)) {
      const leaves = leavesOf.get(list[0]!);
      if (leaves) leaves.push(i); else leavesOf.set(list[0]!, [i]);
    }
  }
  const leafSet = new Set([...leavesOf.values()].flat());
  const centres = all.map((_, i) => i).filter((i) => isNew(i) && !leafSet.has(i));
  const anchors = [...leavesOf.keys()].filter((p) => !isNew(p));
  const extent = fixed.length > 0 ? extentOf(graph, fixed.map((_, i) => i), at as Point[]) : { x1: 0, y1: 0, w: 0, h: 0 };
  const placeUnit = (centre: number | null, leaves: readonly number[], target: Point) => {
    const fan = fanAround(centre === null ? null : all[centre]!, leaves.map((l) => all[l]!));
    const parts = [...(centre === null ? [] : [{ node: all[centre]!, offset: { x: 0, y: 0 } }]), ...leaves.map((l, k) => ({ node: all[l]!, offset: fan.offsets[k]! }))];
    const step = Math.max(24, Math.min(fan.radius / 3, 120));
    // every part must be clear. The next spot on a ring is usually blocked by the same part and the
    // same box as the last one, so that part and that box are tried first (a fan of 60 leaves
    // otherwise checks dozens of clear parts, each through the grid, at each of thousands of spots).
    let lastHit = 0;
    let blocker: Rect | null = null;
    const g = ADDED_CLEARANCE;
    const hits = (k: number, x: number, y: number) => {
      const { node, offset } = parts[k]!;
      const cx = x + offset.x;
      const cy = y + offset.y + node.oy;
      const x1 = cx - node.w / 2; const y1 = cy - node.h / 2; const x2 = cx + node.w / 2; const y2 = cy + node.h / 2;
      const r = blocker;
      if (r !== null && x1 < r.x2 + g && r.x1 < x2 + g && y1 < r.y2 + g && r.y1 < y2 + g) return true;
      const index = grid.hitIndex(x1, y1, x2, y2, g);
      if (index < 0) return false;
      blocker = grid.rects[index]!;
      return true;
    };
    const fits = (x: number, y: number) => {
      if (hits(lastHit, x, y)) return false;
      for (let k = 0; k < parts.length; k++) {
        if (k !== lastHit && hits(k, x, y)) { lastHit = k; return false; }
      }
      return true;
    };
    const spot = firstSpotAround(target, step, fits);
    if (centre !== null) at[centre] = spot;
    leaves.forEach((l, k) => { at[l] = { x: spot.x + fan.offsets[k]!.x, y: spot.y + fan.offsets[k]!.y }; });
    for (const p of parts) grid.add(boxAt(p.node, { x: spot.x + p.offset.x, y: spot.y + p.offset.y }));
  };
  // new leaves of old nodes first, next to their node, then new nodes, those with most placed
  // neighbours first, each at the middle of the placed nodes it links to
  for (const p of anchors) {
    placeUnit(null, leavesOf.get(p)!, at[p]!);
    yield;
  }
  const waiting = new Set(centres);
  while (waiting.size > 0) {
    let best = -1;
    let bestCount = -1;
    for (const i of waiting) {
      const count = graph.adjacency[i]!.reduce((s, j) => s + (at[j] ? 1 : 0), 0);
      if (count > bestCount) { best = i; bestCount = count; }
    }
    waiting.delete(best);
    const linked = graph.adjacency[best]!.filter((j) => at[j]).map((j) => at[j]!);
    const target = linked.length > 0
      ? { x: linked.reduce((s, p) => s + p.x, 0) / linked.length, y: linked.reduce((s, p) => s + p.y, 0) / linked.length }
      : { x: extent.x1 + extent.w + 200, y: extent.y1 + extent.h / 2 };
    placeUnit(best, leavesOf.get(best) ?? [], target);
    yield;
  }
  const placed: Record<string, Point> = {};
  for (let i = fixed.length; i < all.length; i++) placed[all[i]!.id] = at[i] ?? { x: extent.x1 + extent.w + 200, y: extent.y1 };
  return placed;
}
