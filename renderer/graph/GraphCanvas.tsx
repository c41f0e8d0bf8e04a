// The one component that owns the cytoscape instance. It projects the store into elements
// (elements.ts), styles them (style.ts), lays new nodes out incrementally (layout.ts) and reports
// taps, double-taps and drags back to the store. Everything else in the app talks to the store.
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useSkein } from '../state/store';
import { toElements } from './elements';
import { freshLayout, incrementalLayout } from './layout';
import { graphStyle } from './style';
import { syncElements } from './sync';
import { CanvasNodeList, type RenderedNode } from './CanvasNodeList';

let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

export interface GraphCanvasProps {
  onExpand(id: string): void;
}

export function GraphCanvas({ onExpand }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const expandRef = useRef(onExpand);
  expandRef.current = onExpand;
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [rendered, setRendered] = useState<RenderedNode[]>([]);

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
    const cy = cytoscape({
      container: container.current,
      style: graphStyle(useSkein.getState().theme),
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    cyRef.current = cy;
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
        setRendered(cy.nodes().map((n) => ({ id: n.id(), label: String(n.data('label')), kind: String(n.data('visualKind')), ...n.renderedPosition() })));
      });
    };
    cy.on('viewport add remove data position resize', publish);
    // the inspector opening or closing changes the canvas size without a window resize event
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => cy.resize());
    if (container.current) observer?.observe(container.current);
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
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
    const hadNodes = cy.nodes().length > 0;
    const { positions } = useSkein.getState();
    const result = syncElements(cy, toElements({ nodes, edges, pinned, more, positions }));
    if (result.addedNodes.length === 0) return;
    const added = new Set(result.addedNodes);
    const fixed = cy.nodes().filter((n) => !added.has(n.id()) || pinned[n.id()] === true).nodes()
      .map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    const layout = cy.layout(hadNodes ? incrementalLayout(fixed, cy.nodes().length <= 80) : freshLayout());
    setLayoutRunning(true);
    layout.one('layoutstop', () => {
      setLayoutRunning(false);
      const positions: Record<string, { x: number; y: number }> = {};
      cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
      useSkein.getState().setPositions(positions);
    });
    layout.run();
  }, [nodes, edges, pinned, more]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').filter((e) => e.id() !== selectedId).unselect();
      if (selectedId) cy.getElementById(selectedId).select();
    });
  }, [selectedId, nodes]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !focus) return;
    const node = cy.getElementById(focus.id);
    if (node.empty()) return;
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  }, [focus]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && fitSeq > 0) cy.animate({ fit: { eles: cy.elements(), padding: 48 } }, { duration: 250 });
  }, [fitSeq]);

  return (
    <div className="canvas-wrap">
      <div
        ref={container}
        className="canvas"
        data-testid="graph-canvas"
        data-layout={layoutRunning ? 'running' : 'idle'}
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
      <CanvasNodeList nodes={rendered} />
    </div>
  );
}
