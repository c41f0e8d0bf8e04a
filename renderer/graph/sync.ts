// Brings a cytoscape instance in line with a projected element list: removes what left, adds what is
// new, updates data in place for what changed. Works on a headless instance, so it is unit-tested.
import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import { spiralAround } from './layout';
import { layoutEdges, layoutNode } from './measure';
import { placeAdded } from './scaleLayout';

export interface SyncResult {
  addedNodes: string[];
  removed: number;
  addedEdges: number;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(b);
  return keys.every((k) => a[k] === b[k]);
}

export function syncElements(cy: Core, elements: ElementDefinition[]): SyncResult {
  const wanted = new Map(elements.map((e) => [String(e.data.id), e]));
  let removed = 0;
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    removed = gone.length;
    gone.remove();
  });
  const newNodes = elements.filter((e) => e.group === 'nodes' && cy.getElementById(String(e.data.id)).empty());
  const newEdges = elements.filter((e) => e.group === 'edges' && cy.getElementById(String(e.data.id)).empty());
  let added = cy.collection();
  cy.batch(() => {
    for (const def of elements) {
      const ele = cy.getElementById(String(def.data.id));
      if (ele.nonempty() && !sameData(ele.data() as Record<string, unknown>, def.data as Record<string, unknown>)) {
        ele.data(def.data);
      }
    }
    added = cy.add(newNodes.map((d) => ({ ...d, position: d.position ?? { x: 0, y: 0 } })));
    cy.add(newEdges);
  });
  // measured outside the batch: inside it the new nodes' labels are not styled yet
  const saved = new Set(newNodes.filter((d) => d.position).map((d) => String(d.data.id)));
  placeNewNodes(cy, added.nodes().filter((n) => !saved.has(n.id())).nodes());
  return { addedNodes: newNodes.map((n) => String(n.data.id)), removed, addedEdges: newEdges.length };
}

/**
 * New nodes without a saved position go into free space next to the placed nodes they link to
 * (scaleLayout.ts placeAdded), so nothing already on the canvas moves and nothing overlaps. On an
 * empty canvas they start on a compact spiral until the fresh layout replaces it.
 */
function placeNewNodes(cy: Core, unplaced: NodeCollection): void {
  if (unplaced.length === 0) return;
  const placed = cy.nodes().not(unplaced).nodes();
  if (placed.empty()) {
    const spots = spiralAround({ x: 0, y: 0 }, unplaced.length);
    cy.batch(() => unplaced.forEach((n, i) => { n.position(spots[i]!); }));
    return;
  }
  const fixed = placed.map((n) => ({ ...layoutNode(n), ...n.position() }));
  const spots = placeAdded(fixed, unplaced.map(layoutNode), layoutEdges(unplaced.connectedEdges()));
  cy.batch(() => unplaced.forEach((n) => { const spot = spots[n.id()]; if (spot) n.position(spot); }));
}
