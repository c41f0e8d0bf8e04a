// The source reader: the article as React text with entity and claim highlights in the canvas
// colours, opened at a quote (scrolled to it, flashing) from the inspector, a path hop or a menu.
// Selecting text offers to create an entity, an alias, a claim or a relation from it
// (SelectionActions). Imported text is only ever rendered as text nodes, never as HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceDetail } from '../../shared/api/contract';
import type { GraphNode } from '../../shared/graph/model';
import { nodeId } from '../../shared/graph/ids';
import type { Actions } from '../app/actions';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { visualKind } from '../graph/palette';
import { useSkein } from '../state/store';
import { innermost, segmentText, textOffset, trimRange, type Segment } from './segments';
import { SelectionActions, type TextSelection } from './SelectionActions';

function Run({ segment, info }: { segment: Segment; info: Record<string, GraphNode> }) {
  const entity = innermost(segment.marks, 'entity');
  const claim = innermost(segment.marks, 'claim');
  if (!entity && !claim && !segment.focus) return <span data-start={segment.start}>{segment.text}</span>;
  const entityNode = entity ? info[nodeId('entity', entity.targetId)] : undefined;
  const claimNode = claim ? info[nodeId('claim', claim.targetId)] : undefined;
  const classes = [entity && 'hl-entity', claim && 'hl-claim', segment.focus && 'hl-focus'].filter(Boolean).join(' ');
  return (
    <mark
      className={classes}
      data-start={segment.start}
      data-kind={entityNode ? visualKind(entityNode.type, entityNode.kind) : undefined}
      data-status={claim ? (claimNode?.status ?? 'unverified') : undefined}
      data-focus={segment.focus || undefined}
      title={[entityNode?.label, claimNode && `claim: ${claimNode.label}`].filter(Boolean).join(' · ') || undefined}
    >{segment.text}</mark>
  );
}

export function SourceReader({ actions }: { actions: Actions }) {
  const backend = useBackend();
  const request = useSkein((s) => s.reader);
  const dataVersion = useSkein((s) => s.dataVersion);
  const [detail, setDetail] = useState<SourceDetail | null>(null);
  const [info, setInfo] = useState<Record<string, GraphNode>>({});
  const [error, setError] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const sourceId = request?.sourceId;

  useEffect(() => {
    if (sourceId === undefined) return;
    let cancelled = false;
    setError(null);
    (async () => {
      const d = await backend.invoke('source.get', { id: sourceId });
      // the highlights' colours need each item's kind and status: one batched read for all of them
      const ids = [...new Set(d.spans.filter((s) => s.target !== 'relation').map((s) => nodeId(s.target as 'entity' | 'claim', s.targetId)))];
      const nodes = ids.length > 0 ? (await backend.invoke('graph.nodes', { ids: ids.slice(0, 5000) })).nodes : [];
      if (cancelled) return;
      setDetail(d);
      setInfo(Object.fromEntries(nodes.map((n) => [n.id, n])));
    })().catch((e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [backend, sourceId, dataVersion]);

  const focus = useMemo(() => {
    if (!request || !detail || detail.source.id !== request.sourceId) return null;
    if (request.start !== undefined && request.end !== undefined) return { start: request.start, end: request.end };
    const t = request.target;
    const span = t ? detail.spans.filter((s) => s.target === t.type && s.targetId === t.id).sort((a, b) => a.start - b.start)[0] : undefined;
    return span ? { start: span.start, end: span.end } : null;
  }, [request, detail]);

  const segments = useMemo(() => (detail ? segmentText(detail.text, detail.spans, focus) : []), [detail, focus]);

  // scroll the quote into view each time the reader is asked to show it (seq), flash restarts too
  useEffect(() => {
    const el = textRef.current?.querySelector<HTMLElement>('[data-focus="true"]');
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    textRef.current?.querySelectorAll('[data-focus="true"]').forEach((m) => {
      m.classList.remove('flash');
      void (m as HTMLElement).offsetWidth; // restart the animation
      m.classList.add('flash');
    });
  }, [segments, request?.seq]);

  useEffect(() => setSelection(null), [sourceId]);

  if (!request) return null;
  const close = () => useSkein.getState().closeReader();
  const readSelection = () => {
    const sel = window.getSelection();
    const root = textRef.current;
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root || !detail) return;
    const range = sel.getRangeAt(0);
    const a = textOffset(root, range.startContainer, range.startOffset, detail.text.length);
    const b = textOffset(root, range.endContainer, range.endOffset, detail.text.length);
    if (a === null || b === null) return;
    const { start, end } = trimRange(detail.text, a, b);
    if (end > start) setSelection({ start, end, text: detail.text.slice(start, end) });
  };

  return (
    <section className="reader explore-panel" data-testid="source-reader" aria-label="Source reader"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); if (selection) setSelection(null); else close(); } }}>
      <header className="panel-head">
        <h2>{detail ? detail.source.title || `Source ${detail.source.id}` : 'Source'}</h2>
        <button type="button" className="icon-button" aria-label="Close reader" onClick={close}>×</button>
      </header>
      {detail && (
        <p className="muted reader-meta">
          {[detail.source.publisher, detail.source.publishedAt, `reliability ${detail.source.reliability ?? 'ungraded'}`].filter(Boolean).join(' · ')}
          {' · '}<span className="hl-entity sample">entity</span> <span className="hl-claim sample">claim</span>
          {' · '}select text to add it
        </p>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
      {selection && detail && (
        <SelectionActions actions={actions} sourceId={detail.source.id} selection={selection} sourceText={detail.text} spans={detail.spans} info={info}
          onDone={() => { setSelection(null); window.getSelection()?.removeAllRanges(); }} />
      )}
      <div ref={textRef} className="reader-text" data-testid="reader-text" tabIndex={0}
        onMouseUp={readSelection} onKeyUp={(e) => { if (e.shiftKey) readSelection(); }}>
        {segments.map((s) => <Run key={s.start} segment={s} info={info} />)}
      </div>
    </section>
  );
}
