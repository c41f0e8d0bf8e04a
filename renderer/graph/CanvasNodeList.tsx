// A visually hidden list mirroring what the canvas shows, with each node's on-screen position. It
// gives screen readers the canvas content (a <canvas> has none) and gives end-to-end tests a DOM
// state to wait on instead of timers.
import { useSkein } from '../state/store';

export interface RenderedNode { id: string; label: string; kind: string; x: number; y: number }
export interface RenderedEdge { id: string; type: string; text: string }

/** `settled`: no layout or viewport animation is running, so positions are final. */
export function CanvasNodeList({ nodes, edges, settled }: { nodes: RenderedNode[]; edges: RenderedEdge[]; settled: boolean }) {
  const select = useSkein((s) => s.select);
  return (
    <>
    <ul className="sr-only" data-testid="canvas-nodes" data-settled={settled} aria-label="Nodes on the canvas">
      {nodes.map((n) => (
        <li key={n.id} data-node-id={n.id} data-kind={n.kind} data-x={Math.round(n.x)} data-y={Math.round(n.y)}>
          <button type="button" tabIndex={-1} onClick={() => select(n.id)}>{`${n.kind}: ${n.label.replace(/\n/g, ' ')}`}</button>
        </li>
      ))}
    </ul>
    <ul className="sr-only" data-testid="canvas-edges" aria-label="Links on the canvas">
      {edges.map((e) => <li key={e.id} data-edge-id={e.id} data-edge-type={e.type}>{e.text}</li>)}
    </ul>
    </>
  );
}
