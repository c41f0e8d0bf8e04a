// Brings a cytoscape instance in line with a projected element list: removes what left, adds what is
// new, updates data in place for what changed. Works on a headless instance, so it is unit-tested.
import type { Core, ElementDefinition, NodeCollection, Position } from 'cytoscape';
import { ringAround, spiralAround } from './layout';

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
  cy.batch(() => {
    for (const def of elements) {
      const ele = cy.getElementById(String(def.data.id));
      if (ele.nonempty() && !sameData(ele.data() as Record<string, unknown>, def.data as Record<string, unknown>)) {
        ele.data(def.data);
      }
    }
    const added = cy.add(newNodes.map((d) => ({ ...d, position: d.position ?? { x: 0, y: 0 } })));
    cy.add(newEdges);
    placeNewNodes(cy, added.filter((n) => !newNodes.find((d) => d.data.id === n.id())?.position));
  });
  return { addedNodes: newNodes.map((n) => String(n.data.id)), removed, addedEdges: newEdges.length };
}

/**
 * New nodes without a saved position start on a ring around an already placed neighbour (the node
 * they were expanded from), so the incremental layout only has to settle them locally.
 */
function placeNewNodes(cy: Core, unplaced: NodeCollection): void {
  if (unplaced.length === 0) return;
  const anchors = new Map<string, Position>();
  const groups = new Map<string, string[]>();
  for (const node of unplaced) {
    const anchor = node.neighborhood().nodes().filter((n) => !unplaced.contains(n)).nodes().first();
    const key = anchor.nonempty() ? anchor.id() : '';
    if (anchor.nonempty()) anchors.set(key, { ...anchor.position() });
    groups.set(key, [...(groups.get(key) ?? []), node.id()]);
  }
  const extent = cy.nodes().not(unplaced).boundingBox({});
  for (const [key, ids] of groups) {
    const center = anchors.get(key) ?? (cy.nodes().not(unplaced).nonempty() ? { x: extent.x2 + 160, y: (extent.y1 + extent.y2) / 2 } : { x: 0, y: 0 });
    const spots = ids.length > 24 ? spiralAround(center, ids.length) : ringAround(center, ids.length, Math.max(160, ids.length * 28));
    spots.forEach((position, i) => cy.getElementById(ids[i]!).position(position));
  }
}
