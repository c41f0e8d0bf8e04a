// Brings a cytoscape instance in line with a projected element list: removes what left, adds what is
// new, updates data in place for what changed. Works on a headless instance, so it is unit-tested.
import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { LayoutEdge } from './boxes';
import { spiralAround } from './layout';
import { layoutNode } from './measure';
import { placeAdded } from './scaleLayout';

export interface SyncResult {
  addedNodes: string[];
  removed: number;
  addedEdges: number;
  /**
   * New edges left for later (`deferEdges`): cytoscape styles, routes and draws each new element in
   * the next frame, and for hundreds of edges that frame is what keeps the analyst waiting, so the
   * nodes are drawn first and the edges follow (progressive.ts).
   */
  pendingEdges: ElementDefinition[];
}

export interface SyncOptions {
  /** leave the new edges out when at least this many arrive (none are deferred by default) */
  deferEdgesFrom?: number;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(b);
  return keys.every((k) => a[k] === b[k]);
}

export function syncElements(cy: Core, elements: ElementDefinition[], options: SyncOptions = {}): SyncResult {
  const wanted = new Set(elements.map((e) => String(e.data.id)));
  let removed = 0;
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    removed = gone.length;
    gone.remove();
  });
  const newNodes: ElementDefinition[] = [];
  const newEdges: ElementDefinition[] = [];
  let added = cy.collection();
  cy.batch(() => {
    for (const def of elements) {
      const ele = cy.getElementById(String(def.data.id));
      if (ele.empty()) (def.group === 'nodes' ? newNodes : newEdges).push(def);
      else if (!sameData(ele.data() as Record<string, unknown>, def.data as Record<string, unknown>)) ele.data(def.data);
    }
    added = cy.add(newNodes.map((d) => ({ ...d, position: d.position ?? { x: 0, y: 0 } })));
  });
  const defer = options.deferEdgesFrom !== undefined && newEdges.length >= options.deferEdgesFrom;
  if (!defer && newEdges.length > 0) cy.add(newEdges);
  // measured outside the batch: inside it the new nodes' labels are not styled yet
  const saved = new Set(newNodes.filter((d) => d.position).map((d) => String(d.data.id)));
  const unplaced = added.nodes().filter((n) => !saved.has(n.id())).nodes();
  placeNewNodes(cy, unplaced, edgesTouching(unplaced, newEdges));
  return { addedNodes: newNodes.map((n) => String(n.data.id)), removed, addedEdges: defer ? 0 : newEdges.length, pendingEdges: defer ? newEdges : [] };
}

/** The new edges at the new nodes (an edge at a node that just arrived is new itself). */
function edgesTouching(nodes: NodeCollection, newEdges: readonly ElementDefinition[]): LayoutEdge[] {
  if (nodes.empty()) return [];
  const ids = new Set(nodes.map((n) => n.id()));
  return newEdges
    .filter((e) => ids.has(String(e.data.source)) || ids.has(String(e.data.target)))
    .map((e) => ({ source: String(e.data.source), target: String(e.data.target) }));
}

/**
 * New nodes without a saved position go into free space next to the placed nodes they link to
 * (scaleLayout.ts placeAdded), so nothing already on the canvas moves and nothing overlaps. On an
 * empty canvas they start on a compact spiral until the fresh layout replaces it.
 */
function placeNewNodes(cy: Core, unplaced: NodeCollection, edges: LayoutEdge[]): void {
  if (unplaced.length === 0) return;
  const placed = cy.nodes().not(unplaced).nodes();
  if (placed.empty()) {
    const spots = spiralAround({ x: 0, y: 0 }, unplaced.length);
    cy.batch(() => unplaced.forEach((n, i) => { n.position(spots[i]!); }));
    return;
  }
  const fixed = placed.map((n) => ({ ...layoutNode(n), ...n.position() }));
  const spots = placeAdded(fixed, unplaced.map(layoutNode), edges);
  cy.batch(() => unplaced.forEach((n) => { const spot = spots[n.id()]; if (spot) n.position(spot); }));
}
