// "How is A connected to B?": two ends (the selection, the canvas, or a search), options, and
// path.find over the whole investigation in the main process. The paths found join the canvas,
// highlighted, and are listed hop by hop with each link's evidence; a claim on the way opens its quote.
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/api/contract';
import { parseNodeId } from '../../shared/graph/ids';
import type { GraphNode } from '../../shared/graph/model';
import { NodePicker, type PickedNode } from '../app/NodePicker';
import { KindBadge } from '../app/KindBadge';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useSkein } from '../state/store';
import { openQuote } from './quotes';
import { NO_FILTERS, toPathFilter } from './filterModel';

type Found = Result<'path.find'>;

function End({ label, id, onPick, testId }: { label: string; id: string | null; onPick(id: string | null): void; testId: string }) {
  const node = useSkein((s) => (id ? s.nodes[id] : undefined));
  const selectedId = useSkein((s) => s.selectedId);
  const picked: PickedNode | null = id && node ? { id: parseNodeId(id)?.id ?? 0, label: node.label } : null;
  return (
    <div className="path-end" data-testid={testId} data-node-id={id ?? ''}>
      {id && node?.type !== 'entity' ? (
        <p><span className="muted">{label}: </span>{node?.label ?? id} <button type="button" className="link" onClick={() => onPick(null)}>change</button></p>
      ) : (
        <NodePicker key={id ?? 'none'} label={label} value={picked} onChange={(p) => onPick(p ? `e:${p.id}` : null)} testId={`${testId}-picker`} />
      )}
      <button type="button" disabled={!selectedId || selectedId === id} onClick={() => onPick(selectedId)}>Use selected</button>
    </div>
  );
}

export function PathsPanel() {
  const backend = useBackend();
  const open = useSkein((s) => s.pathsOpen);
  const ends = useSkein((s) => s.pathEnds);
  const [maxHops, setMaxHops] = useState(4);
  const [maxPaths, setMaxPaths] = useState(3);
  const [noDenials, setNoDenials] = useState(false);
  const [noRefuted, setNoRefuted] = useState(false);
  const [noDenied, setNoDenied] = useState(false);
  const [useFilters, setUseFilters] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => { setFound(null); }, [ends.from, ends.to]);
  if (!open) return null;

  const setEnds = (next: Partial<typeof ends>) => useSkein.setState({ pathEnds: { ...useSkein.getState().pathEnds, ...next } });
  const find = async () => {
    if (!ends.from || !ends.to) return;
    setBusy(true); setError(null);
    try {
      const base = toPathFilter(useFilters ? useSkein.getState().filters : NO_FILTERS);
      const filter = {
        ...base,
        excludeStances: [...new Set([...(base.excludeStances ?? []), ...(noDenials ? ['denies' as const] : [])])],
        excludeStatuses: [...new Set([...(base.excludeStatuses ?? []), ...(noRefuted ? ['refuted' as const] : [])])],
        excludeDenied: noDenied,
      };
      const result = await backend.invoke('path.find', { from: ends.from, to: ends.to, maxHops, maxPaths, filter });
      setFound(result);
      const s = useSkein.getState();
      const edges = result.paths.flatMap((p) => p.edges);
      s.addGraph({ nodes: result.nodes, edges });
      s.setHighlighted([...new Set([...result.paths.flatMap((p) => p.nodes), ...edges.map((e) => e.id)])]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const byId = new Map<string, GraphNode>((found?.nodes ?? []).map((n) => [n.id, n]));
  const name = (id: string) => byId.get(id)?.label ?? useSkein.getState().nodes[id]?.label ?? id;

  return (
    <section className="paths-panel explore-panel" data-testid="paths-panel" aria-label="Paths"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); useSkein.getState().closePaths(); } }}>
      <header className="panel-head">
        <h2>How are they connected?</h2>
        <button type="button" className="icon-button" aria-label="Close paths" onClick={() => useSkein.getState().closePaths()}>×</button>
      </header>
      <End label="From" id={ends.from} onPick={(from) => setEnds({ from })} testId="path-from" />
      <End label="To" id={ends.to} onPick={(to) => setEnds({ to })} testId="path-to" />
      <div className="row">
        <label>Max steps<input type="number" min={1} max={8} value={maxHops} onChange={(e) => setMaxHops(Math.min(8, Math.max(1, Number(e.target.value) || 1)))} /></label>
        <label>Paths<input type="number" min={1} max={20} value={maxPaths} onChange={(e) => setMaxPaths(Math.min(20, Math.max(1, Number(e.target.value) || 1)))} /></label>
      </div>
      <label className="check"><input type="checkbox" data-testid="path-no-denials" checked={noDenials} onChange={(e) => setNoDenials(e.target.checked)} />Exclude denials</label>
      <label className="check"><input type="checkbox" data-testid="path-no-denied" checked={noDenied} onChange={(e) => setNoDenied(e.target.checked)} />Exclude claims someone denied</label>
      <label className="check"><input type="checkbox" checked={noRefuted} onChange={(e) => setNoRefuted(e.target.checked)} />Exclude refuted claims</label>
      <label className="check"><input type="checkbox" checked={useFilters} onChange={(e) => setUseFilters(e.target.checked)} />Only through what the current filters show (sources, grades, status, stance)</label>
      <button type="button" className="primary" data-testid="path-find" disabled={!ends.from || !ends.to || busy} onClick={() => void find()}>
        {busy ? 'Searching…' : 'Find paths'}
      </button>
      {error && <p role="alert" className="error-text">{error}</p>}
      {found && (
        <div data-testid="path-results" aria-live="polite">
          {found.paths.length === 0 ? <p className="muted" data-testid="path-none">No connection within {maxHops} steps with these options.</p> : (
            <ol className="paths">
              {found.paths.map((path, i) => (
                <li key={i} className="path" data-testid="path">
                  <h3>Path {i + 1} · {path.edges.length} step{path.edges.length === 1 ? '' : 's'}</h3>
                  <ol className="hops">
                    {path.nodes.map((id, j) => {
                      const node = byId.get(id);
                      const edge = path.edges[j];
                      const claim = node?.type === 'claim' ? parseNodeId(id)?.id : undefined;
                      return (
                        <li key={`${id}-${j}`} className="hop" data-node-id={id}>
                          <button type="button" className="link" onClick={() => useSkein.getState().focusNode(id)}>
                            {node && <KindBadge type={node.type} kind={node.kind} status={node.status} />} {name(id)}
                          </button>
                          {claim !== undefined && <button type="button" className="quote-link" onClick={() => void openQuote(backend, claim)}>quote</button>}
                          {edge && <div className="hop-edge" data-edge-type={edge.type}>{edge.source === id ? '↓' : '↑'} {edge.label}</div>}
                        </li>
                      );
                    })}
                  </ol>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
