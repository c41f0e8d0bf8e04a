// Brings a cytoscape instance in line with a projected element list: removes what left, adds what is
// new, updates data in place for what changed. Works on a headless instance, so it is unit-tested.
import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { LayoutEdge, Point } from './boxes';
import { spiralAround } from './layout';
import { layoutNode, lookOf, nodeBox, type NodeBoxes } from './measure';
import { finish, placeAdded, placeAddedInSteps } from './scaleLayout';

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
  /**
   * measures nodes from their data (measure.ts), so new nodes are placed before they are added and
   * go onto the canvas in their places; without it they are added first and cytoscape measures them
   */
  boxes?: NodeBoxes | null;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(b);
  return keys.every((k) => a[k] === b[k]);
}

/**
 * A sync worked out but not yet added (planSync): what left is already removed and changed data is
 * set, new nodes have their places when they could be measured from their data.
 */
export interface SyncPlan {
  removed: number;
  /** new nodes, placed unless `boxes` was missing (then placed once cytoscape has measured them) */
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
  /** the new edges wait for progressive.ts */
  defer: boolean;
  /** new nodes without a position of their own, and the new edges at them, for placing after adding */
  unplaced: { ids: Set<string>; edges: LayoutEdge[]; measured: boolean };
}

/** The sync in one go: planSync, then applySync. */
export function syncElements(cy: Core, elements: ElementDefinition[], options: SyncOptions = {}): SyncResult {
  return applySync(cy, planSync(cy, elements, options));
}

/**
 * The first half of a sync: removes what left, updates data in place, and places the new nodes
 * without adding them. Placing is most of a large addition's work, so the canvas can add them (and
 * have cytoscape style them) in a task of its own.
 */
export function planSync(cy: Core, elements: ElementDefinition[], options: SyncOptions = {}): SyncPlan {
  return finish(planSyncInSteps(cy, elements, options));
}

/**
 * planSync in steps: removing and updating data is the first, then each placed unit of new nodes
 * (scaleLayout.ts placeAddedInSteps), so the placing can be spread over several tasks. Nothing is
 * added; a step left unrun changes nothing more.
 */
export function* planSyncInSteps(cy: Core, elements: ElementDefinition[], options: SyncOptions = {}): Generator<void, SyncPlan> {
  const wanted = new Set(elements.map((e) => String(e.data.id)));
  let removed = 0;
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    removed = gone.length;
    gone.remove();
  });
  const newNodes: ElementDefinition[] = [];
  const newEdges: ElementDefinition[] = [];
  // data first: a node whose label changed ("+12 more") takes a new box for the placement below
  cy.batch(() => {
    for (const def of elements) {
      const ele = cy.getElementById(String(def.data.id));
      if (ele.empty()) (def.group === 'nodes' ? newNodes : newEdges).push(def);
      else if (!sameData(ele.data() as Record<string, unknown>, def.data as Record<string, unknown>)) ele.data(def.data);
    }
  });
  yield;
  const unplacedIds = new Set(newNodes.filter((d) => !d.position).map((d) => String(d.data.id)));
  const edges = edgesTouching(unplacedIds, newEdges);
  const boxes = options.boxes;
  const spots = boxes ? yield* placeBeforeAdding(cy, newNodes.filter((d) => !d.position), edges, boxes) : {};
  return {
    removed,
    nodes: newNodes.map((d) => ({ ...d, position: d.position ?? spots[String(d.data.id)] ?? { x: 0, y: 0 } })),
    edges: newEdges,
    defer: options.deferEdgesFrom !== undefined && newEdges.length >= options.deferEdgesFrom,
    unplaced: { ids: unplacedIds, edges, measured: Boolean(boxes) },
  };
}

const isNew = (cy: Core, def: ElementDefinition) => cy.getElementById(String(def.data.id)).empty();

/**
 * The second half: adds the planned nodes (and their edges, unless deferred). Nodes or edges added
 * since the plan are not added twice, and edges whose ends left since are skipped.
 */
export function applySync(cy: Core, plan: SyncPlan): SyncResult {
  const bothEnds = (def: ElementDefinition) => cy.getElementById(String(def.data.source)).nonempty() && cy.getElementById(String(def.data.target)).nonempty();
  let added = cy.collection();
  cy.batch(() => {
    added = cy.add(plan.nodes.filter((def) => isNew(cy, def)));
  });
  const edges = plan.edges.filter((def) => isNew(cy, def) && bothEnds(def));
  if (!plan.defer && edges.length > 0) cy.add(edges);
  // measured outside the batch: inside it the new nodes' labels are not styled yet
  if (!plan.unplaced.measured) placeNewNodes(cy, added.nodes().filter((n) => plan.unplaced.ids.has(n.id())).nodes(), plan.unplaced.edges);
  return {
    addedNodes: added.map((n) => n.id()),
    removed: plan.removed,
    addedEdges: plan.defer ? 0 : edges.length,
    pendingEdges: plan.defer ? edges : [],
  };
}

/** The new edges at the new nodes (an edge at a node that just arrived is new itself). */
function edgesTouching(ids: ReadonlySet<string>, newEdges: readonly ElementDefinition[]): LayoutEdge[] {
  if (ids.size === 0) return [];
  return newEdges
    .filter((e) => ids.has(String(e.data.source)) || ids.has(String(e.data.target)))
    .map((e) => ({ source: String(e.data.source), target: String(e.data.target) }));
}

/**
 * Spots for new nodes, measured from their data before they are added: next to the placed nodes they
 * link to (scaleLayout.ts placeAdded), so nothing already on the canvas moves and nothing overlaps; on
 * an empty canvas a compact spiral until the fresh layout replaces it.
 */
function* placeBeforeAdding(cy: Core, unplaced: readonly ElementDefinition[], edges: LayoutEdge[], boxes: NodeBoxes): Generator<void, Record<string, Point>> {
  if (unplaced.length === 0) return {};
  const placed = cy.nodes();
  if (placed.empty()) {
    const spots = spiralAround({ x: 0, y: 0 }, unplaced.length);
    return Object.fromEntries(unplaced.map((d, i) => [String(d.data.id), spots[i]!]));
  }
  const fixed = placed.map((n) => ({ ...nodeBox(n, boxes), ...n.position() }));
  return yield* placeAddedInSteps(fixed, unplaced.map((d) => boxes.box(String(d.data.id), lookOf(d.data as Record<string, unknown>))), edges);
}

/** As placeBeforeAdding, for nodes already added, measured by cytoscape (no NodeBoxes: no canvas to measure text on). */
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
