// The one component that owns the cytoscape instance. It projects the store into elements
// (elements.ts), styles them (style.ts), lays new nodes out incrementally (layout.ts) and reports
// taps, double-taps and drags back to the store. Everything else in the app talks to the store.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core, type LayoutOptions, type NodeCollection } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useSkein } from '../state/store';
import { toElements } from './elements';
import { FCOSE_MAX_NODES, freshLayout, keepPlacement, readableFit } from './layout';
import { freshPositions, warmLayoutWorker } from './offThread';
import { graphStyle } from './style';
import { applySync, planSyncInSteps, syncElements, type SyncPlan, type SyncResult } from './sync';
import { styleAhead } from './styleAhead';
import { inNextTask } from './tasks';
import { canvasBoxSource, NodeBoxes } from './measure';
import { DEFER_EDGES_FROM, feedEdges, type EdgeFeed } from './progressive';
import { tuneViewport } from './viewportMode';
import { skipTinyArrowheads } from './arrowDetail';
import { resolveOverlaps } from './overlap';
import { CanvasNodeList, type RenderedEdge, type RenderedNode } from './CanvasNodeList';
import { attachCanvas, canvasSynced } from '../explore/canvasBridge';
import { registerExportCanvas } from '../export/canvasHandle';

const flat = (label: unknown) => String(label).split('\n')[0];

let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/** Brings a node into view (keeping the zoom unless it is too far out to read labels). */
function centreOn(cy: Core, id: string, done: () => void): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250, complete: done });
}

/** Shows the whole graph, but never zoomed in so far that labels become posters. */
function fitReadable(cy: Core, done: () => void): void {
  if (cy.nodes().empty()) return;
  // the nodes' box: with the edges included cytoscape would first compute every edge's geometry
  const target = readableFit(cy.nodes().boundingBox({}), { width: cy.width(), height: cy.height() });
  cy.animate(target, { duration: 250, complete: done });
}

/** Selects `selectedId` on the canvas (once it is there) and nothing else. */
function showSelection(cy: Core, selectedId: string | null): void {
  cy.batch(() => {
    cy.$(':selected').filter((e) => e.id() !== selectedId).unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  });
}

/** Placing new nodes goes on to the next task after about this long (one unit, a node and its fan, at least). */
const PLAN_MS = 40;

export interface GraphCanvasProps {
  onExpand(id: string): void;
}

export function GraphCanvas({ onExpand }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const expandRef = useRef(onExpand);
  expandRef.current = onExpand;
  // a layout in flight, and a focus request waiting for it to finish (centring during a layout
  // would fight the layout's own fit)
  const layoutRunning = useRef(false);
  const pendingFocus = useRef<string | null>(null);
  const publishRef = useRef<() => void>(() => {});
  // edges still being added a slice per frame (progressive.ts); each sync starts afresh
  const feed = useRef<EdgeFeed | null>(null);
  // cancels a sync whose placing or adding waits for a task of its own
  const staged = useRef<(() => void) | null>(null);
  // node boxes measured from their data (measure.ts): new nodes are placed before they are added
  const boxes = useRef<NodeBoxes | null>(null);
  const [view, setView] = useState<{ nodes: RenderedNode[]; edges: RenderedEdge[]; settled: boolean }>({ nodes: [], edges: [], settled: true });

  const nodes = useSkein((s) => s.nodes);
  const edges = useSkein((s) => s.edges);
  const pinned = useSkein((s) => s.pinned);
  const more = useSkein((s) => s.more);
  const selectedId = useSkein((s) => s.selectedId);
  const focus = useSkein((s) => s.focus);
  const fitSeq = useSkein((s) => s.fitSeq);
  const theme = useSkein((s) => s.theme);

  // create once; the store drives everything afterwards
  useEffect(() => {
    registerExtensions();
    warmLayoutWorker();
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(useSkein.getState().theme),
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    cyRef.current = cy;
    skipTinyArrowheads(cy);
    const source = canvasBoxSource(graphStyle(useSkein.getState().theme));
    boxes.current = source ? new NodeBoxes(source) : null;
    const store = useSkein.getState;
    cy.on('tap', 'node', (event) => store().select(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) store().select(null);
    });
    cy.on('dbltap', 'node', (event) => expandRef.current(event.target.id()));
    // a node the analyst dragged stays where it was put: it is pinned and its position is kept
    cy.on('dragfree', 'node', (event) => {
      const node = event.target;
      store().setPositions({ [node.id()]: { ...node.position() } });
      if (!store().pinned[node.id()]) store().togglePin(node.id());
    });
    let frame = 0;
    const publish = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // while edges are still being fed, re-listing the whole canvas every frame made each of those
        // frames far longer (the feed's end publishes)
        if (feed.current !== null) return;
        setView({
          nodes: cy.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')), kind: String(n.data('visualKind')), ...n.renderedPosition() })),
          edges: cy.edges().map((e) => ({
            id: e.id(), type: String(e.data('type')),
            text: `${flat(e.source().data('label'))} — ${String(e.data('label'))} → ${flat(e.target().data('label'))}`,
          })),
          settled: !layoutRunning.current && feed.current === null && staged.current === null && !cy.animated(),
        });
      });
    };
    publishRef.current = publish;
    cy.on('add remove data position resize', publish);
    // while the analyst pans or zooms, re-listing every node's screen position each frame costs more
    // than drawing a large canvas: the list follows once the viewport has been still for a moment
    let still: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(still);
      still = setTimeout(publish, 120);
    });
    attachCanvas(cy);
    registerExportCanvas(cy);
    // the inspector opening or closing changes the canvas size without a window resize event
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => cy.resize());
    if (container.current) observer?.observe(container.current);
    return () => {
      staged.current?.();
      staged.current = null;
      observer?.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(still);
      attachCanvas(null);
      registerExportCanvas(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(graphStyle(theme));
  }, [theme]);

  // store → canvas; a layout runs only when nodes were added
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // a sync still feeding edges, or still waiting to place or add, stops here: this one adds
    // whatever of it is still missing
    feed.current?.cancel();
    feed.current = null;
    staged.current?.();
    staged.current = null;
    const { positions } = useSkein.getState();
    const elements = toElements({ nodes, edges, pinned, more, positions });
    // new nodes go in next to nodes that stay; with none staying (an empty or cleared canvas) the
    // canvas is laid out afresh. Counting the nodes still there would miss a clear whose staged
    // removal has not run yet.
    const ids = new Set(elements.map((e) => String(e.data.id)));
    const hadNodes = cy.nodes().filter((n) => ids.has(n.id())).nonempty();
    const options = { deferEdgesFrom: DEFER_EDGES_FROM, boxes: boxes.current };
    const synced = () => { tuneViewport(cy); canvasSynced(); };
    const focusWaiting = () => {
      const id = pendingFocus.current;
      pendingFocus.current = null;
      if (id) centreOn(cy, id, publishRef.current);
    };
    // hundreds of new edges come back pending and are added over the next frames, so the nodes show
    // without waiting for them
    const show = (result: SyncResult) => {
      const pending = result.pendingEdges;
      synced();
      const feedPending = (done?: () => void): EdgeFeed | null => {
        if (pending.length === 0) { done?.(); return null; }
        const current = feedEdges(cy, pending, { onSlice: synced, done: () => { if (feed.current === current) feed.current = null; done?.(); } });
        feed.current = current;
        return current;
      };
      if (result.addedNodes.length === 0) { feedPending(); focusWaiting(); return; }
      // nodes coming back with a known position (a restored view, back/forward) go where they were
      if (result.addedNodes.every((id) => positions[id])) { feedPending(); focusWaiting(); return; }
      const byFcose = !hadNodes && cy.nodes().length <= FCOSE_MAX_NODES;
      // fCoSE lays out by the edges, so they must be there first
      if (byFcose && pending.length > 0) { cy.add(pending); synced(); }
      // small canvases are shown whole after each expansion; large ones keep the analyst's viewport
      const fitAfter = !hadNodes || cy.nodes().length <= 80;
      layoutRunning.current = true;
      const onStop = () => {
        layoutRunning.current = false;
        // fCoSE can leave a label over a node; the other placements never overlap
        if (byFcose) resolveOverlaps(cy, cy.nodes().filter((n) => !useSkein.getState().pinned[n.id()]));
        const positions: Record<string, { x: number; y: number }> = {};
        cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
        useSkein.getState().setPositions(positions);
        if (fitAfter) fitReadable(cy, publishRef.current);
        else if (pendingFocus.current) centreOn(cy, pendingFocus.current, publishRef.current);
        pendingFocus.current = null;
        publishRef.current();
      };
      const start = (layoutOptions: LayoutOptions, only?: NodeCollection) => {
        if (cyRef.current !== cy || cy.destroyed()) return;
        const layout = (only ?? cy).layout(layoutOptions);
        layout.one('layoutstop', onStop);
        layout.run();
      };
      const added = new Set(result.addedNodes);
      if (hadNodes) {
        // the new nodes are already where they go (old ones never move), so the layout that ends the
        // addition moves nothing: setting every new node's position again cost 10–15% of this task,
        // and over the whole canvas cytoscape re-routed every edge in the next frame; their edges follow
        start(keepPlacement(), cy.collection());
        styleAhead(cy, cy.nodes().filter((n) => added.has(n.id())));
        feedPending(publishRef.current);
      } else if (byFcose) {
        // draw the new nodes where they were placed first, then lay out: the analyst sees them in the
        // next frame instead of after the layout's computation
        requestAnimationFrame(() => start(freshLayout()));
      } else {
        // a large fresh canvas is laid out in a worker; the nodes are drawn meanwhile, and the edges
        // are added while it computes (whatever is left when it answers goes in at once)
        const layoutEdges = pending.map((e) => ({ source: String(e.data.source), target: String(e.data.target) }));
        const positionsFound = freshPositions(cy, layoutEdges, boxes.current);
        const own = feedPending();
        void positionsFound.then((found) => {
          if (own !== null && feed.current === own) own.flush();
          start({ name: 'preset', positions: (n: { id(): string; position(): { x: number; y: number } }) => found[n.id()] ?? n.position(), fit: false, animate: false } as LayoutOptions);
        });
      }
    };
    if (!hadNodes) { show(syncElements(cy, elements, options)); return; }
    // on a canvas with nodes, new ones are placed in free space next to what they link to (nothing
    // already there moves) over tasks of their own of about PLAN_MS each, then added and styled in
    // one more: in one task with the store's update and the first frame's styling, 200 nodes took
    // 150–250 ms (PERFORMANCE.md R2). Adding them in parts as well made no task shorter (the frames
    // that draw them are as long) and each part cost a frame more. Until they are added focus
    // requests wait; the selection is shown after.
    const planning = planSyncInSteps(cy, elements, options);
    const addPlanned = (plan: SyncPlan) => {
      staged.current = inNextTask(() => {
        staged.current = null;
        if (cy.destroyed()) return;
        const result = applySync(cy, plan);
        showSelection(cy, useSkein.getState().selectedId);
        show(result);
        // the node list says whether the canvas has settled, and a staged sync had not
        publishRef.current();
      });
    };
    const place = () => {
      staged.current = inNextTask(() => {
        if (cy.destroyed()) return;
        const until = performance.now() + PLAN_MS;
        let step = planning.next();
        while (!step.done && performance.now() < until) step = planning.next();
        if (step.done) addPlanned(step.value);
        else place();
      });
    };
    place();
  }, [nodes, edges, pinned, more]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) showSelection(cy, selectedId);
  }, [selectedId, nodes]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !focus) return;
    if (layoutRunning.current || staged.current) pendingFocus.current = focus.id;
    else centreOn(cy, focus.id, publishRef.current);
  }, [focus]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && fitSeq > 0) fitReadable(cy, publishRef.current);
  }, [fitSeq]);

  return (
    <div className="canvas-wrap">
      <div
        ref={container}
        className="canvas"
        data-testid="graph-canvas"
        role="application"
        aria-label="Graph canvas: double-click a node or press Enter to expand it"
        aria-describedby="canvas-keys"
        tabIndex={0}
        onKeyDown={(event) => {
          const id = useSkein.getState().selectedId;
          if (event.key === 'Enter' && id) { event.preventDefault(); expandRef.current(id); }
          else if ((event.key === 'Delete' || event.key === 'Backspace') && id) useSkein.getState().hideNodes([id]);
          else if (event.key.toLowerCase() === 'p' && id && !event.ctrlKey && !event.metaKey) useSkein.getState().togglePin(id);
        }}
      />
      <p id="canvas-keys" className="sr-only">Enter expands the selected node, Delete hides it, P pins it.</p>
      <CanvasNodeList nodes={view.nodes} edges={view.edges} settled={view.settled} />
    </div>
  );
}
