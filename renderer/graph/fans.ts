// Where the leaves of a node go (scaleLayout.ts): a node's neighbours that link to nothing else are
// set around it on a brick pattern of cells, nearest first, each cell as large as the largest label
// among them, so hundreds of leaves form a compact disc with no two labels touching. A force layout
// left to itself piles them onto one spot (fCoSE's spectral draft) or needs seconds to untangle them.
import { GAP, type LayoutNode, type Point } from './boxes';

export interface Fan {
  /** each leaf's position relative to the parent's position, in the order given */
  offsets: Point[];
  /** distance from the parent's position to the farthest corner of the fan (the parent's own box included) */
  radius: number;
}

function halfDiagonal(node: LayoutNode | null): number {
  if (!node) return 0;
  return Math.hypot(node.w / 2, node.h / 2 + Math.abs(node.oy));
}

/** Cells around `parent` (may be null: a fan without a node in the middle) for `leaves`, nearest first. */
export function fanAround(parent: LayoutNode | null, leaves: readonly LayoutNode[]): Fan {
  if (leaves.length === 0) return { offsets: [], radius: halfDiagonal(parent) };
  const cw = Math.max(...leaves.map((l) => l.w)) + GAP;
  const ch = Math.max(...leaves.map((l) => l.h)) + GAP;
  // the fan is centred on the parent's box (its label hangs below the node)
  const oy = parent?.oy ?? 0;
  const hw = parent ? parent.w / 2 + GAP : -1;
  const hh = parent ? parent.h / 2 + GAP : -1;
  let reach = Math.sqrt((leaves.length * cw * ch + (parent ? parent.w * parent.h : 0)) / Math.PI) + Math.max(cw, ch);
  for (;;) {
    const cells: { x: number; y: number; d: number }[] = [];
    const rows = Math.ceil(reach / ch) + 1;
    const cols = Math.ceil(reach / cw) + 1;
    for (let j = -rows; j <= rows; j++) {
      // every other row shifted by half a cell: edges from the middle pass between labels, not along columns
      const shift = (j & 1) === 0 ? 0 : cw / 2;
      for (let i = -cols; i <= cols; i++) {
        const x = i * cw + shift;
        const y = j * ch;
        // a cell that would cover the parent's own box is left empty
        if (Math.abs(x) < hw + cw / 2 && Math.abs(y) < hh + ch / 2) continue;
        const d = Math.hypot(x, y);
        if (d <= reach) cells.push({ x, y, d });
      }
    }
    if (cells.length >= leaves.length) {
      cells.sort((a, b) => a.d - b.d || Math.atan2(a.y, a.x) - Math.atan2(b.y, b.x));
      let radius = halfDiagonal(parent);
      const offsets = leaves.map((leaf, k) => {
        const cell = cells[k]!;
        radius = Math.max(radius, Math.hypot(Math.abs(cell.x) + cw / 2, Math.abs(cell.y + oy) + ch / 2));
        return { x: cell.x, y: cell.y + oy - leaf.oy };
      });
      return { offsets, radius };
    }
    reach *= 1.4;
  }
}
