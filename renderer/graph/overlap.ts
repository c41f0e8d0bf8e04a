// A last pass after each layout: a node that was just placed and still overlaps another (its label
// included) is pushed outward, away from what it overlaps, until it is clear. fCoSE with the old
// nodes held fixed tends to drop a new hub (a source reporting every claim) onto the centre of the
// star it joins, right over an existing node; this keeps labels from colliding there.
import type { BoundingBox12, Core, NodeCollection, NodeSingular } from 'cytoscape';

const GAP = 6;

function overlaps(a: BoundingBox12, b: BoundingBox12): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}

function box(node: NodeSingular): BoundingBox12 {
  return node.boundingBox({ includeLabels: true, includeOverlays: false });
}

/** Moves each of `movable` away from the nodes it overlaps; returns how many nodes moved. */
export function resolveOverlaps(cy: Core, movable: NodeCollection, step = 24, maxSteps = 60): number {
  let moved = 0;
  movable.forEach((node, index) => {
    let steps = 0;
    for (; steps < maxSteps; steps++) {
      const mine = box(node);
      const hit = cy.nodes().filter((other) => other.id() !== node.id() && overlaps(mine, box(other))).nodes().first();
      if (hit.empty()) break;
      const p = node.position();
      const q = hit.position();
      let dx = p.x - q.x;
      let dy = p.y - q.y;
      // exactly on top of each other: pick a direction that differs per node so they fan out
      if (Math.hypot(dx, dy) < 0.5) { dx = Math.cos(index * 2.4); dy = Math.sin(index * 2.4); }
      const length = Math.hypot(dx, dy);
      node.position({ x: p.x + (dx / length) * step, y: p.y + (dy / length) * step });
    }
    if (steps > 0) moved += 1;
  });
  return moved;
}
