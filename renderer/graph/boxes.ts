// Node footprints for the layouts that run without cytoscape (scaleLayout.ts, in the layout worker and
// for large expansions): each node is a box around its position, label included, and a grid over
// those boxes answers "is this spot free?" and pushes overlapping boxes apart in linear time, where
// comparing every pair would cost seconds at a few thousand nodes.

/** A node to lay out: its box (label included) is `w` × `h`, centred `oy` below its position. */
export interface LayoutNode { id: string; w: number; h: number; oy: number }
export interface LayoutEdge { source: string; target: string }
export interface Point { x: number; y: number }
export interface Rect { x1: number; y1: number; x2: number; y2: number }

/** Space kept between two boxes so labels never touch. */
export const GAP = 8;

export function boxAt(node: LayoutNode, at: Point): Rect {
  const cy = at.y + node.oy;
  return { x1: at.x - node.w / 2, y1: cy - node.h / 2, x2: at.x + node.w / 2, y2: cy + node.h / 2 };
}

export function intersects(a: Rect, b: Rect, gap = 0): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/** Boxes hashed into square cells; a box is listed in every cell it touches. */
export class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  readonly rects: Rect[] = [];

  constructor(private readonly size: number) {}

  private cellRange(r: Rect): [number, number, number, number] {
    const s = this.size;
    return [Math.floor(r.x1 / s), Math.floor(r.y1 / s), Math.floor(r.x2 / s), Math.floor(r.y2 / s)];
  }

  private static key(cx: number, cy: number): number {
    // a small integer for any canvas (|cx|, |cy| < 2^14 cells): V8 hashes those far faster than the
    // doubles beyond 2^31; negative and exact for |cx|, |cy| < 2^20 cells, far beyond any canvas
    if (cx > -16384 && cx < 16384 && cy > -16384 && cy < 16384) return (cx + 16384) * 32768 + (cy + 16384);
    return -((cx + 1048576) * 2097152 + (cy + 1048576)) - 1;
  }

  add(rect: Rect): number {
    const index = this.rects.push(rect) - 1;
    const [a, b, c, d] = this.cellRange(rect);
    for (let i = a; i <= c; i++) {
      for (let j = b; j <= d; j++) {
        const key = BoxGrid.key(i, j);
        const list = this.cells.get(key);
        if (list) list.push(index);
        else this.cells.set(key, [index]);
      }
    }
    return index;
  }

  /** Does `rect` come closer than `gap` to any box in the grid? */
  hits(rect: Rect, gap = GAP): boolean {
    return this.hitIndex(rect.x1, rect.y1, rect.x2, rect.y2, gap) >= 0;
  }

  /**
   * The index of a box that comes closer than `gap` to the box x1..x2 × y1..y2, or -1 if none does;
   * no rectangle is built: placing a few hundred new nodes on a full canvas asks this ~300,000 times.
   */
  hitIndex(x1: number, y1: number, x2: number, y2: number, gap = GAP): number {
    const s = this.size;
    const a = Math.floor((x1 - gap) / s);
    const b = Math.floor((y1 - gap) / s);
    const c = Math.floor((x2 + gap) / s);
    const d = Math.floor((y2 + gap) / s);
    for (let i = a; i <= c; i++) {
      for (let j = b; j <= d; j++) {
        const list = this.cells.get(BoxGrid.key(i, j));
        if (!list) continue;
        for (const index of list) {
          const r = this.rects[index]!;
          if (x1 < r.x2 + gap && r.x1 < x2 + gap && y1 < r.y2 + gap && r.y1 < y2 + gap) return index;
        }
      }
    }
    return -1;
  }

  /** Indexes of the boxes that come closer than `gap` to `rect`. */
  near(rect: Rect, gap = GAP): Set<number> {
    const grown = { x1: rect.x1 - gap, y1: rect.y1 - gap, x2: rect.x2 + gap, y2: rect.y2 + gap };
    const found = new Set<number>();
    const [a, b, c, d] = this.cellRange(grown);
    for (let i = a; i <= c; i++) {
      for (let j = b; j <= d; j++) {
        for (const index of this.cells.get(BoxGrid.key(i, j)) ?? []) {
          if (intersects(rect, this.rects[index]!, gap)) found.add(index);
        }
      }
    }
    return found;
  }
}

/** A cell size that keeps most boxes in one or a few cells. */
export function cellSizeFor(nodes: readonly LayoutNode[]): number {
  if (nodes.length === 0) return 100;
  const sides = nodes.map((n) => Math.max(n.w, n.h)).sort((a, b) => a - b);
  return Math.max(40, sides[Math.floor(sides.length * 0.9)]! + GAP);
}

/**
 * Pushes overlapping boxes apart along the axis where they overlap least, sharing the move between
 * two movable boxes; a fixed box never moves. Repeats until nothing overlaps or `rounds` run out;
 * returns how many overlapping pairs were left.
 */
export function separateBoxes(nodes: readonly LayoutNode[], at: Point[], movable: (i: number) => boolean, rounds = 60, gap = GAP): number {
  const size = cellSizeFor(nodes);
  let left = 0;
  for (let round = 0; round < rounds; round++) {
    const grid = new BoxGrid(size);
    for (let i = 0; i < nodes.length; i++) grid.add(boxAt(nodes[i]!, at[i]!));
    left = 0;
    for (let i = 0; i < nodes.length; i++) {
      const mine = boxAt(nodes[i]!, at[i]!);
      for (const j of grid.near(mine, gap)) {
        if (j <= i) continue;
        const a = movable(i);
        const b = movable(j);
        if (!a && !b) continue;
        const theirs = boxAt(nodes[j]!, at[j]!);
        const current = boxAt(nodes[i]!, at[i]!);
        if (!intersects(current, theirs, gap)) continue;
        left += 1;
        const px = Math.min(current.x2, theirs.x2) - Math.max(current.x1, theirs.x1) + gap;
        const py = Math.min(current.y2, theirs.y2) - Math.max(current.y1, theirs.y1) + gap;
        const dx = (current.x1 + current.x2 - theirs.x1 - theirs.x2) / 2;
        const dy = (current.y1 + current.y2 - theirs.y1 - theirs.y2) / 2;
        // exactly on top of each other: the index decides, so two stacked boxes fan out
        const sx = dx > 0 || (dx === 0 && i % 2 === 0) ? 1 : -1;
        const sy = dy > 0 || (dy === 0 && j % 2 === 0) ? 1 : -1;
        const share = a && b ? 0.5 : 1;
        const move = px <= py ? { x: sx * px * share, y: 0 } : { x: 0, y: sy * py * share };
        if (a) { at[i] = { x: at[i]!.x + move.x, y: at[i]!.y + move.y }; }
        if (b) { at[j] = { x: at[j]!.x - move.x, y: at[j]!.y - move.y }; }
      }
    }
    if (left === 0) break;
  }
  return left;
}

/** How many pairs of boxes come closer than `gap` (0 means a readable, overlap-free placement). */
export function countOverlaps(nodes: readonly LayoutNode[], at: readonly Point[], gap = 0): number {
  const grid = new BoxGrid(cellSizeFor(nodes));
  for (let i = 0; i < nodes.length; i++) grid.add(boxAt(nodes[i]!, at[i]!));
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (const j of grid.near(boxAt(nodes[i]!, at[i]!), gap)) if (j > i) count += 1;
  }
  return count;
}
