// The fresh layout of a large canvas, computed off the main thread (PERFORMANCE.md R3): a headless
// cytoscape with fCoSE gets the nodes with the sizes the canvas measured (labels included) and the
// edges, and answers with positions. Nothing here touches the DOM.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutRequest {
  seq: number;
  nodes: { id: string; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
  options: Record<string, unknown>;
}

export interface LayoutReply {
  seq: number;
  positions: Record<string, { x: number; y: number }>;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, nodes, edges, options } = event.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: n })),
      ...edges.map((e) => ({ group: 'edges' as const, data: e })),
    ],
  });
  // the sizes already include the labels, measured where text can be measured
  cy.layout({ ...options, animate: false, fit: false, nodeDimensionsIncludeLabels: false } as cytoscape.LayoutOptions).run();
  const positions: LayoutReply['positions'] = {};
  cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
  cy.destroy();
  (self as unknown as { postMessage(reply: LayoutReply): void }).postMessage({ seq, positions });
};
