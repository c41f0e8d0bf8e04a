// The side panel for the selected node: loads its detail (entity.get / claim.get / source.get) and
// shows it. Every imported string is rendered as React text, never as HTML. Escape or × closes it.
import { useEffect, useState } from 'react';
import type { ClaimDetail, EntityDetail, SourceDetail } from '../../../shared/api/contract';
import { parseNodeId } from '../../../shared/graph/ids';
import { useBackend } from '../../backend/context';
import { errorMessage } from '../../backend/types';
import { InspectorCuration } from '../../curation/InspectorCuration';
import { useSkein } from '../../state/store';
import { ClaimView } from './ClaimView';
import { EntityView } from './EntityView';
import { SourceView } from './SourceView';

type Detail =
  | { type: 'entity'; data: EntityDetail }
  | { type: 'claim'; data: ClaimDetail }
  | { type: 'source'; data: SourceDetail };

export interface InspectorProps {
  /** puts a node on the canvas and selects it (links inside the panel) */
  onShow(nodeId: string): void;
  onExpand(nodeId: string): void;
}

export function Inspector({ onShow, onExpand }: InspectorProps) {
  const backend = useBackend();
  const selectedId = useSkein((s) => s.selectedId);
  const dataVersion = useSkein((s) => s.dataVersion);
  const more = useSkein((s) => (selectedId ? s.more[selectedId] : undefined));
  const onCanvas = useSkein((s) => (selectedId ? Boolean(s.nodes[selectedId]) : false));
  const pinned = useSkein((s) => (selectedId ? Boolean(s.pinned[selectedId]) : false));
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const parsed = selectedId ? parseNodeId(selectedId) : null;
    setError(null);
    if (!parsed) { setDetail(null); return; }
    let cancelled = false;
    const load = async (): Promise<Detail> => {
      if (parsed.type === 'entity') return { type: 'entity', data: await backend.invoke('entity.get', { id: parsed.id }) };
      if (parsed.type === 'claim') return { type: 'claim', data: await backend.invoke('claim.get', { id: parsed.id }) };
      return { type: 'source', data: await backend.invoke('source.get', { id: parsed.id }) };
    };
    load()
      .then((d) => { if (!cancelled) setDetail(d); })
      .catch((e: unknown) => { if (!cancelled) { setDetail(null); setError(errorMessage(e)); } });
    return () => { cancelled = true; };
  }, [backend, selectedId, dataVersion]);

  if (!selectedId) return null;
  const close = () => useSkein.getState().select(null);
  return (
    <aside
      className="inspector"
      data-testid="inspector"
      aria-label="Inspector"
      onKeyDown={(event) => { if (event.key === 'Escape') { event.stopPropagation(); close(); } }}
    >
      <div className="inspector-head">
        <h2 className="sr-only">Inspector</h2>
        <div className="inspector-actions">
          {onCanvas && <button type="button" onClick={() => onExpand(selectedId)} data-testid="expand-button">Expand</button>}
          {more && (
            <button type="button" onClick={() => onExpand(selectedId)} data-testid="show-more">
              Show {more.count} more
            </button>
          )}
          {onCanvas && (
            <button type="button" aria-pressed={pinned} onClick={() => useSkein.getState().togglePin(selectedId)}>
              {pinned ? 'Unpin' : 'Pin'}
            </button>
          )}
          {onCanvas && <button type="button" onClick={() => useSkein.getState().hideNodes([selectedId])}>Hide</button>}
        </div>
        <button type="button" className="icon-button" aria-label="Close inspector" onClick={close}>×</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      {!error && !detail && <p className="muted">Loading…</p>}
      {detail && (
        <InspectorCuration detail={detail}>
          {detail.type === 'entity' && <EntityView detail={detail.data} onShow={onShow} />}
          {detail.type === 'claim' && <ClaimView detail={detail.data} onShow={onShow} />}
          {detail.type === 'source' && <SourceView detail={detail.data} />}
        </InspectorCuration>
      )}
    </aside>
  );
}
