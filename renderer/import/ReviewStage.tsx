// The review screen of one proposal: the highlighted text on the left; entities, claims, relations
// and source metadata on the right; Commit (or Skip, in a one-by-one batch) at the bottom. All state
// lives in the parent; this component only lays it out and turns gestures into review updates.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimInput, ImportProposal, RelationInput } from '../../shared/api/import';
import { ClaimList } from './ClaimList';
import { EntityList } from './EntityList';
import { claimFromSelection, deleteClaim, liveEntities, reviewProblems, type EntityReview, type Review } from './review';
import { MetadataForm, RelationList } from './SourceFields';
import { flashAnchor, HighlightLegend, selectedRange, SourceText } from './SourceText';

interface Props {
  proposal: ImportProposal;
  review: Review;
  setReview(update: (review: Review) => Review): void;
  busy: boolean;
  /** "2 of 5" when reviewing several files one by one */
  position: string | null;
  onCommit(): void;
  onSkip: (() => void) | null;
  onCancel(): void;
  onOpenSource(id: number): void;
}

export function ReviewStage({ proposal, review, setReview, busy, position, onCommit, onSkip, onCancel, onOpenSource }: Props) {
  const textRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // the button that led here (Review, Commit of the previous file) is gone: keep focus in the screen
  useEffect(() => { headingRef.current?.focus(); }, []);
  const locate = useCallback((id: string) => flashAnchor(textRef.current, id), []);
  // the passage selected in the text, kept on mouse/key up because clicking a button may clear it
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const trackSelection = () => setSelection(selectedRange(textRef.current));
  const addClaim = () => {
    if (!selection) return;
    setReview((r) => ({ ...r, claims: [...r.claims, claimFromSelection(proposal.text, selection, r.claims)] }));
    setSelection(null);
  };
  const live = liveEntities(review);
  const problems = reviewProblems(review);
  const counts = {
    entities: live.length,
    claims: review.claims.length,
  };

  const updateEntity = (key: string, patch: Partial<EntityReview>) =>
    setReview((r) => ({ ...r, entities: r.entities.map((e) => (e.key === key ? { ...e, ...patch } : e)) }));
  const updateClaim = (key: string, patch: Partial<ClaimInput>) =>
    setReview((r) => ({ ...r, claims: r.claims.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  const updateRelation = (key: string, patch: Partial<RelationInput>) =>
    setReview((r) => ({ ...r, relations: r.relations.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));

  const title = review.metadata.title?.trim() || proposal.fileName || 'Pasted text';
  return (
    <div className="import-review" data-testid="import-review">
      <div className="import-review-head">
        <h3 ref={headingRef} tabIndex={-1}>{title}{position && <span className="muted"> · file {position}</span>}</h3>
        {proposal.duplicateOf !== null && (
          <div className="import-banner" role="status" data-testid="duplicate-banner">
            This text was already imported.
            <button type="button" onClick={() => onOpenSource(proposal.duplicateOf!)}>Open the existing source</button>
            <span className="muted">Committing again makes a second copy.</span>
          </div>
        )}
      </div>
      <div className="import-review-body">
        <div className="import-text-pane" ref={textRef} onMouseUp={trackSelection} onKeyUp={trackSelection}>
          <HighlightLegend />
          <SourceText proposal={proposal} review={review} label={`Text of ${title}`} />
        </div>
        <div className="import-side">
          <section aria-labelledby="import-entities-h">
            <h4 id="import-entities-h">Entities <span className="muted">({live.length} of {review.entities.length} kept)</span></h4>
            <EntityList proposed={proposal.entities} entities={review.entities} onChange={updateEntity} onLocate={locate} />
          </section>
          <section aria-labelledby="import-claims-h">
            <div className="import-section-head">
              <h4 id="import-claims-h">Claims <span className="muted">({review.claims.length})</span></h4>
              <button type="button" disabled={!selection} onClick={addClaim} data-testid="add-claim"
                title={selection ? undefined : 'Select the passage in the text first'}>
                {selection ? `Add claim from selection (${selection.end - selection.start} characters)` : 'Add claim: select a passage'}
              </button>
            </div>
            <ClaimList claims={review.claims} entities={live} onLocate={locate}
              onChange={updateClaim} onDelete={(key) => setReview((r) => ({ ...r, claims: deleteClaim(r.claims, key) }))} />
          </section>
          <section aria-labelledby="import-relations-h">
            <h4 id="import-relations-h">Relations <span className="muted">({review.relations.length})</span></h4>
            <RelationList relations={review.relations} entities={live} onLocate={locate} onChange={updateRelation}
              onDelete={(key) => setReview((r) => ({ ...r, relations: r.relations.filter((x) => x.key !== key) }))} />
          </section>
          <section aria-labelledby="import-source-h">
            <h4 id="import-source-h">Source</h4>
            <MetadataForm metadata={review.metadata} onChange={(patch) => setReview((r) => ({ ...r, metadata: { ...r.metadata, ...patch } }))} />
          </section>
        </div>
      </div>
      <div className="import-actions">
        {problems.length > 0 && <p className="error-text" role="alert" data-testid="import-problems">{problems[0]}</p>}
        <span className="muted import-summary">Will write {counts.entities} entities and {counts.claims} claims.</span>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
        {onSkip && <button type="button" onClick={onSkip} disabled={busy}>Skip this file</button>}
        <button type="button" className="primary" data-testid="import-commit" onClick={onCommit} disabled={busy || problems.length > 0}>
          {busy ? 'Importing…' : 'Commit'}
        </button>
      </div>
    </div>
  );
}
