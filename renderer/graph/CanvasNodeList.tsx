// A visually hidden list mirroring what the canvas shows, with each node's on-screen position. It
// gives screen readers the canvas content (a <canvas> has none) and gives end-to-end tests a DOM
// state to wait on instead of timers.
import { useSkein } from '../state/store';

export interface RenderedNode { id: string; label: string; kind: string; x: number; y: number }

export function CanvasNodeList({ nodes }: { nodes: RenderedNode[] }) {
  const select = useSkein((s) => s.select);
  return (
    <ul className="sr-only" data-testid="canvas-nodes" aria-label="Nodes on the canvas">
      {nodes.map((n) => (
        <li key={n.id} data-node-id={n.id} data-kind={n.kind} data-x={Math.round(n.x)} data-y={Math.round(n.y)}>
          <button type="button" tabIndex={-1} onClick={() => select(n.id)}>{`${n.kind}: ${n.label.replace(/\n/g, ' ')}`}</button>
        </li>
      ))}
    </ul>
  );
}
