// Canvas operations the explore toolbar, menus and shortcuts share: put a remembered canvas back
// (saved view, back/forward), switch layouts without moving pinned nodes, collapse, act on the
// box selection, zoom to the selection.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../shared/graph/model';
import type { Backend } from '../backend/types';
import { FCOSE_DEFAULTS, readableFit } from '../graph/layout';
import type { Position } from '../state/graphSlice';
import type { LayoutName, Snapshot } from '../state/exploreSlice';
import { useSkein } from '../state/store';
import { getCanvas } from './canvasBridge';

const NODES_PER_CALL = 5000;

/**
 * Makes the canvas hold exactly `snapshot.nodeIds`, at their remembered positions: nodes already
 * shown are kept as they are, the others are read again (graph.nodes), edges among them re-read.
 */
export async function restoreCanvas(backend: Backend, snapshot: Snapshot): Promise<void> {
  const current = useSkein.getState().nodes;
  const missing = snapshot.nodeIds.filter((id) => !current[id]);
  const fetched: GraphNode[] = [];
  for (let i = 0; i < missing.length; i += NODES_PER_CALL) {
    fetched.push(...(await backend.invoke('graph.nodes', { ids: missing.slice(i, i + NODES_PER_CALL) })).nodes);
  }
  const nodes: Record<string, GraphNode> = {};
  for (const id of snapshot.nodeIds) if (current[id]) nodes[id] = current[id];
  for (const node of fetched) nodes[node.id] = node;
  const ids = Object.keys(nodes);
  const edges: Record<string, GraphEdge> = {};
  if (ids.length > 0) {
    for (const edge of (await backend.invoke('graph.edgesAmong', { ids: ids.slice(0, 20_000) })).edges) edges[edge.id] = edge;
  }
  const s = useSkein.getState();
  const keep = <T,>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).filter(([id]) => nodes[id]));
  useSkein.setState({
    nodes, edges,
    positions: { ...keep(s.positions), ...keep(snapshot.positions) },
    pinned: Object.fromEntries(snapshot.pinned.filter((id) => nodes[id]).map((id) => [id, true as const])),
    more: keep(s.more),
    selectedId: s.selectedId && nodes[s.selectedId] ? s.selectedId : null,
  });
}

export const LAYOUTS: { name: LayoutName; label: string }[] = [
  { name: 'fcose', label: 'Force-directed (fCoSE)' },
  { name: 'concentric', label: 'Concentric (by importance)' },
  { name: 'breadthfirst', label: 'Tree (breadth-first)' },
  { name: 'grid', label: 'Grid' },
  { name: 'saved', label: 'Saved positions' },
];

function layoutOptions(name: Exclude<LayoutName, 'saved'>, fixed: { nodeId: string; position: Position }[], roots: string[]): LayoutOptions {
  const common = { animate: true, animationDuration: 300, fit: false, padding: 48, nodeDimensionsIncludeLabels: true };
  switch (name) {
    case 'fcose': return { ...FCOSE_DEFAULTS, fixedNodeConstraint: fixed.length > 0 ? fixed : undefined } as unknown as LayoutOptions;
    // importance puts the most connected items in the middle
    case 'concentric': return { ...common, name, minNodeSpacing: 40, concentric: (n: NodeSingular) => Number(n.data('importance')) || 0, levelWidth: () => 2 } as unknown as LayoutOptions;
    case 'breadthfirst': return { ...common, name, directed: false, spacingFactor: 1.3, roots: roots.length > 0 ? roots : undefined } as unknown as LayoutOptions;
    case 'grid': return { ...common, name, avoidOverlapPadding: 24, condense: false } as unknown as LayoutOptions;
  }
}

/**
 * Lays the canvas out again. Pinned nodes do not move: they are locked for the layout (and given to
 * fCoSE as fixed constraints), then unlocked. "saved" puts nodes at the positions given.
 */
export function runLayout(name: LayoutName, saved: Record<string, Position> = {}): Promise<void> {
  const cy = getCanvas();
  if (!cy || cy.nodes().empty()) return Promise.resolve();
  const { pinned, selectedId } = useSkein.getState();
  return new Promise((resolve) => {
    const done = () => {
      const positions: Record<string, Position> = {};
      cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
      useSkein.getState().setPositions(positions);
      fitAll(cy);
      resolve();
    };
    if (name === 'saved') {
      cy.batch(() => cy.nodes().forEach((n) => { const p = saved[n.id()]; if (p && !pinned[n.id()]) n.position(p); }));
      done();
      return;
    }
    const locked = cy.nodes().filter((n) => pinned[n.id()] === true).nodes();
    const fixed = locked.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    locked.lock();
    const layout = cy.layout(layoutOptions(name, fixed, selectedId ? [selectedId] : []));
    layout.one('layoutstop', () => { locked.unlock(); done(); });
    layout.run();
  });
}

export function fitAll(cy: Core): void {
  const eles = cy.elements(':visible');
  if (eles.empty()) return;
  cy.animate(readableFit(eles.boundingBox({}), { width: cy.width(), height: cy.height() }), { duration: 250 });
}

/** Node ids in the canvas selection (box select adds to it), else the selected node. */
export function selectedNodeIds(): string[] {
  const cy = getCanvas();
  const boxed = cy ? cy.nodes(':selected').map((n) => n.id()) : [];
  const single = useSkein.getState().selectedId;
  return boxed.length > 0 ? boxed : single ? [single] : [];
}

export function zoomToSelection(): void {
  const cy = getCanvas();
  const ids = selectedNodeIds();
  if (!cy || ids.length === 0) return;
  const eles = cy.nodes().filter((n) => ids.includes(n.id()));
  cy.animate(readableFit(eles.boundingBox({}), { width: cy.width(), height: cy.height() }, 80), { duration: 250 });
}

/** The neighbours that only hang off `id` (nothing else holds them on the canvas) and are not pinned. */
export function collapsible(id: string, edges: Record<string, GraphEdge>, pinned: Record<string, true>): string[] {
  const degree = new Map<string, Set<string>>();
  for (const e of Object.values(edges)) {
    if (e.source === e.target) continue;
    degree.set(e.source, (degree.get(e.source) ?? new Set()).add(e.target));
    degree.set(e.target, (degree.get(e.target) ?? new Set()).add(e.source));
  }
  return [...(degree.get(id) ?? [])].filter((n) => !pinned[n] && degree.get(n)?.size === 1);
}

export function collapse(id: string): number {
  const s = useSkein.getState();
  const leaves = collapsible(id, s.edges, s.pinned);
  if (leaves.length > 0) s.hideNodes(leaves);
  return leaves.length;
}

export function hideSelected(): void {
  const ids = selectedNodeIds();
  if (ids.length > 0) useSkein.getState().hideNodes(ids);
}

export function pinSelected(): void {
  const ids = selectedNodeIds();
  const s = useSkein.getState();
  // pin all unless all are pinned already, then unpin all (one toggle for a mixed selection)
  const allPinned = ids.every((id) => s.pinned[id]);
  const pinned = { ...s.pinned };
  for (const id of ids) { if (allPinned) delete pinned[id]; else pinned[id] = true; }
  useSkein.setState({ pinned });
}
