// The article as the analyst reviews it: text runs rendered as React text nodes (never HTML), entity
// mentions tinted in their kind's canvas colour, claim quotes underlined by stance. Each run carries
// the anchors of what covers it, so a click in the side lists can scroll to and flash its quote.
import { memo, useMemo, useRef } from 'react';
import type { ImportProposal } from '../../shared/api/import';
import type { Stance } from '../../shared/domain/model';
import { PALETTES, kindColor, type Palette } from '../graph/palette';
import { useSkein } from '../state/store';
import { anchor, buildRuns } from './highlights';
import type { Review } from './review';

export function stanceColor(palette: Palette, stance: Stance): string {
  switch (stance) {
    case 'asserts': return palette.alleged;
    case 'denies': return palette.denies;
    case 'questions': return palette.status.disputed;
    default: return palette.muted;
  }
}

/** Scrolls to the first run carrying `id` and flashes every run that does. */
export function flashAnchor(container: HTMLElement | null, id: string): void {
  // inside a quoted attribute value only " and \ need escaping (keys come from the proposal)
  const quoted = id.replace(/["\\]/g, '\\$&');
  const runs = container ? [...container.querySelectorAll<HTMLElement>(`[data-anchors~="${quoted}"]`)] : [];
  runs[0]?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  // the class stays until the next flash (the animation runs once), so what was located stays findable
  container?.querySelectorAll('.flash').forEach((el) => el.classList.remove('flash'));
  void container?.offsetWidth; // restart the animation when the same item is clicked twice
  for (const run of runs) run.classList.add('flash');
}

/** Text offset of a selection boundary: every run carries its start offset and holds one text node. */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest<HTMLElement>('[data-start]');
  if (!run) return null;
  const inRun = node.nodeType === Node.TEXT_NODE ? offset : offset > 0 ? (run.textContent ?? '').length : 0;
  return Number(run.dataset.start) + inRun;
}

/** The part of the source text the analyst selected inside `container`, as offsets; null if none. */
export function selectedRange(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

/** What the tints and underlines mean, in the same colours as the text. */
export function HighlightLegend() {
  const palette = PALETTES[useSkein((s) => s.theme)];
  const kinds = ['person', 'organization', 'place', 'event'] as const;
  const stances: Stance[] = ['asserts', 'denies', 'questions', 'reports'];
  return (
    <p className="import-legend" aria-label="Highlight legend">
      {kinds.map((k) => <mark key={k} className="hl-entity" style={{ '--hl': kindColor(palette, k) } as React.CSSProperties}>{k}</mark>)}
      <span className="muted">claims:</span>
      {stances.map((st) => <span key={st} className="hl-claim" data-stance={st} style={{ '--claim': stanceColor(palette, st) } as React.CSSProperties}>{st}</span>)}
    </p>
  );
}

export const SourceText = memo(function SourceText({ proposal, review, label }: { proposal: ImportProposal; review: Review; label: string }) {
  const theme = useSkein((s) => s.theme);
  const palette = PALETTES[theme];
  // typing in a claim's text must not re-cut a long article: only what the highlights show is a dependency
  const signature = JSON.stringify([
    review.entities.map((e) => [e.key, e.action, e.kind]),
    review.claims.map((c) => [c.key, c.span.start, c.span.end]),
    review.relations.map((r) => [r.key, r.span.start, r.span.end]),
  ]);
  const reviewRef = useRef(review);
  reviewRef.current = review;
  const runs = useMemo(() => buildRuns(proposal, reviewRef.current), [proposal, signature]);
  const stances = useMemo(() => new Map(review.claims.map((c) => [c.key, c.stance])), [review.claims]);
  const names = useMemo(() => new Map(review.entities.map((e) => [e.key, e.name])), [review.entities]);

  return (
    <div className="import-text" data-testid="import-text" role="document" aria-label={label} tabIndex={0}>
      {runs.map((run) => {
        const anchors = [
          ...(run.entity ? [anchor.mention(run.entity.key, run.entity.mention)] : []),
          ...run.claims.map(anchor.claim), ...run.relations.map(anchor.relation),
        ];
        if (anchors.length === 0) return <span key={run.start} data-start={run.start}>{run.text}</span>;
        const stance = run.claims.length > 0 ? stances.get(run.claims[run.claims.length - 1]!) ?? 'asserts' : null;
        const style = {
          ...(run.entity ? { '--hl': kindColor(palette, run.entity.kind) } : {}),
          ...(stance ? { '--claim': stanceColor(palette, stance) } : {}),
        } as React.CSSProperties;
        const className = [run.entity && 'hl-entity', stance && 'hl-claim', run.relations.length > 0 && 'hl-relation'].filter(Boolean).join(' ');
        const title = run.entity ? `${run.entity.kind}: ${names.get(run.entity.key) ?? ''}` : stance ? `claim (${stance})` : undefined;
        const Tag = run.entity ? 'mark' : 'span';
        return (
          <Tag key={run.start} data-start={run.start} className={className} style={style} title={title} data-anchors={anchors.join(' ')}
            data-entity-key={run.entity?.key} data-kind={run.entity?.kind} data-stance={stance ?? undefined}>{run.text}</Tag>
        );
      })}
    </div>
  );
});
