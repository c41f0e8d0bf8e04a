// Brings a cytoscape instance in line with a projected element list: removes what left, adds what is
// new, updates data in place for what changed. Works on a headless instance, so it is unit-tested.
import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutEdge, LayoutNode, Point } from './boxes';
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
  /** set when the new nodes were left to be placed (`placeLaterFrom`): apply the answer with placeNodes */
  placement: PendingPlacement | null;
}

export interface SyncOptions {
  /** leave the new edges out when at least this many arrive (none are deferred by default) */
  deferEdgesFrom?: number;
  /**
   * When at least this many new nodes need a place next to placed ones, leave the placement to the
   * caller (`placement`, for the layout worker): they wait hidden, and every new edge waits with them.
   */
  placeLaterFrom?: number;
}

/** Nodes measured and waiting, hidden, for a place computed elsewhere (placeAdded's arguments). */
export interface PendingPlacement {
  fixed: (LayoutNode & Point)[];
  added: LayoutNode[];
  edges: LayoutEdge[];
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
  });
  // nodes an earlier sync left waiting for a place that never came (that sync was superseded)
  const stale = cy.nodes().filter((n) => n.scratch(UNPLACED) === true).nodes();
  const toPlace = newNodes.filter((d) => !d.position).length + stale.length;
  const later = options.placeLaterFrom !== undefined && toPlace >= options.placeLaterFrom && cy.nodes().length + newNodes.length > toPlace;
  // nodes that wait for a place elsewhere are hidden from the start (hiding them afterwards would
  // style them twice); hidden, they are still measured with their labels
  cy.batch(() => {
    added = cy.add(newNodes.map((d) => ({ ...d, position: d.position ?? { x: 0, y: 0 }, ...(later && !d.position ? { style: { visibility: 'hidden' } } : {}) })));
  });
  // measured outside the batch: inside it the new nodes' labels are not styled yet
  const saved = new Set(newNodes.filter((d) => d.position).map((d) => String(d.data.id)));
  const unplaced = added.nodes().filter((n) => !saved.has(n.id())).nodes().union(stale).nodes();
  const edges = edgesTouching(unplaced, newEdges);
  const placed = cy.nodes().not(unplaced).nodes();
  const defer = later || (options.deferEdgesFrom !== undefined && newEdges.length >= options.deferEdgesFrom);
  if (!defer && newEdges.length > 0) cy.add(newEdges);
  let placement: PendingPlacement | null = null;
  if (later) {
    placement = { fixed: placed.map((n) => ({ ...layoutNode(n), ...n.position() })), added: unplaced.map(layoutNode), edges };
    unplaced.forEach((n) => { n.scratch(UNPLACED, true); });
  } else {
    placeNewNodes(cy, unplaced, edges);
  }
  return { addedNodes: newNodes.map((n) => String(n.data.id)), removed, addedEdges: defer ? 0 : newEdges.length, pendingEdges: defer ? newEdges : [], placement };
}

const UNPLACED = '_skeinUnplaced';

/**
 * Puts nodes left waiting by syncElements (`placement`) where `spots` says and shows them; nodes
 * that left the canvas, or that a later sync has placed already, are skipped. Returns how many moved.
 */
export function placeNodes(cy: Core, spots: Record<string, Point>): number {
  let moved = 0;
  cy.batch(() => {
    for (const [id, spot] of Object.entries(spots)) {
      const node = cy.getElementById(id);
      if (node.empty() || node.scratch(UNPLACED) !== true) continue;
      node.position(spot);
      node.removeScratch(UNPLACED);
      node.removeStyle('visibility');
      moved += 1;
    }
  });
  return moved;
}

/**
 * The edges at the nodes to place: the new ones, and any already on the canvas (a node left waiting
 * by a superseded sync may have had its edges added since).
 */
function edgesTouching(nodes: NodeCollection, newEdges: readonly ElementDefinition[]): LayoutEdge[] {
  if (nodes.empty()) return [];
  const ids = new Set(nodes.map((n) => n.id()));
  const fresh = newEdges
    .filter((e) => ids.has(String(e.data.source)) || ids.has(String(e.data.target)))
    .map((e) => ({ source: String(e.data.source), target: String(e.data.target) }));
  return [...fresh, ...nodes.connectedEdges().map((e) => ({ source: e.source().id(), target: e.target().id() }))];
}

/**
 * New nodes without a saved position go into free space next to the placed nodes they link to
 * (scaleLayout.ts placeAdded), so nothing already on the canvas moves and nothing overlaps. On an
 * empty canvas they start on a compact spiral until the fresh layout replaces it.
 */
function placeNewNodes(cy: Core, unplaced: NodeCollection, edges: LayoutEdge[]): void {
  if (unplaced.length === 0) return;
  const placed = cy.nodes().not(unplaced).nodes();
  const show = (n: NodeSingular) => { if (n.scratch(UNPLACED) === true) { n.removeScratch(UNPLACED); n.removeStyle('visibility'); } };
  if (placed.empty()) {
    const spots = spiralAround({ x: 0, y: 0 }, unplaced.length);
    cy.batch(() => unplaced.forEach((n, i) => { n.position(spots[i]!); show(n); }));
    return;
  }
  const fixed = placed.map((n) => ({ ...layoutNode(n), ...n.position() }));
  const spots = placeAdded(fixed, unplaced.map(layoutNode), edges);
  cy.batch(() => unplaced.forEach((n) => { const spot = spots[n.id()]; if (spot) n.position(spot); show(n); }));
}
