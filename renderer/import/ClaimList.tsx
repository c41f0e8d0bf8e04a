// The proposed claims, each editable the way an analyst grades a statement: the text, who made it,
// whom it is about (subjects, objects), stance, status, when it was made and what time it is about,
// and the evidence offered; or deleted. The quote button flashes the claim's span in the text.
import type { ClaimInput } from '../../shared/api/import';
import { CLAIM_STATUSES, EVIDENCE_LEVELS, STANCES, type ClaimStatus, type Evidence, type Stance } from '../../shared/domain/model';
import { anchor } from './highlights';
import { blankToNull, PARTIAL_DATE, type EntityReview } from './review';

interface Props {
  claims: readonly ClaimInput[];
  entities: readonly EntityReview[];
  onChange(key: string, patch: Partial<ClaimInput>): void;
  onDelete(key: string): void;
  onLocate(anchorId: string): void;
}

function KeyChecks({ legend, keys, entities, onChange, testId }: {
  legend: string; keys: readonly string[]; entities: readonly EntityReview[]; onChange(keys: string[]): void; testId: string;
}) {
  return (
    <fieldset className="import-checks" data-testid={testId}>
      <legend>{legend}</legend>
      {entities.length === 0 && <span className="muted">no entities</span>}
      {entities.map((e) => (
        <label key={e.key}>
          <input type="checkbox" checked={keys.includes(e.key)}
            onChange={(event) => onChange(event.target.checked ? [...keys, e.key] : keys.filter((k) => k !== e.key))} />
          {e.name}
        </label>
      ))}
    </fieldset>
  );
}

function DateField({ label, value, hint, onChange }: { label: string; value: string | null; hint?: string | null; onChange(v: string | null): void }) {
  const bad = value !== null && !PARTIAL_DATE.test(value.trim());
  return (
    <label className={bad ? 'invalid' : undefined}>
      <span>{label}</span>
      <input value={value ?? ''} placeholder="YYYY[-MM[-DD]]" aria-invalid={bad} size={11}
        title={hint ? `In the text: “${hint}”` : undefined} onChange={(e) => onChange(blankToNull(e.target.value))} />
    </label>
  );
}

export function ClaimList({ claims, entities, onChange, onDelete, onLocate }: Props) {
  if (claims.length === 0) return <p className="muted">No claims were found (or all were deleted).</p>;
  // who made the claim: only entities that will be written, plus the current one if it is ignored
  return (
    <ol className="import-list" data-testid="import-claims">
      {claims.map((claim, index) => {
        const set = (patch: Partial<ClaimInput>) => onChange(claim.key, patch);
        const claimantGone = claim.claimantKey !== null && !entities.some((e) => e.key === claim.claimantKey);
        return (
          <li key={claim.key} className="import-item import-claim" data-testid={`claim-${claim.key}`} data-stance={claim.stance}>
            <div className="import-item-head">
              <button type="button" className="link" onClick={() => onLocate(anchor.claim(claim.key))} title="Show the quote in the text" aria-label={`Claim ${index + 1}: show in the text`}>
                Claim {index + 1}
              </button>
              <span className="muted">{claim.predicate ? claim.predicate.replace(/_/g, ' ') : ''}</span>
              <button type="button" className="danger-link" aria-label={`Delete claim ${index + 1}`} onClick={() => onDelete(claim.key)}>Delete</button>
            </div>
            <textarea aria-label={`Text of claim ${index + 1}`} value={claim.text} rows={3} maxLength={2000}
              aria-invalid={!claim.text.trim()} onChange={(e) => set({ text: e.target.value })} />
            <div className="import-controls">
              <label>
                <span>Claimant</span>
                <select value={claim.claimantKey ?? ''} data-testid={`claimant-${claim.key}`}
                  onChange={(e) => set({ claimantKey: e.target.value || null })}>
                  <option value="">{claim.claimantLabel ? `${claim.claimantLabel} (not an entity)` : '— none —'}</option>
                  {entities.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}
                  {claimantGone && <option value={claim.claimantKey!}>(ignored entity)</option>}
                </select>
              </label>
              <label>
                <span>Stance</span>
                <select value={claim.stance} data-testid={`stance-${claim.key}`} onChange={(e) => set({ stance: e.target.value as Stance })}>
                  {STANCES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              <label>
                <span>Status</span>
                <select value={claim.status} onChange={(e) => set({ status: e.target.value as ClaimStatus })}>
                  {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              <label>
                <span>Evidence offered</span>
                <select value={claim.evidenceOffered ?? ''} title={claim.evidenceCue ? `In the text: “${claim.evidenceCue}”` : undefined}
                  onChange={(e) => set({ evidenceOffered: (e.target.value || null) as Evidence | null })}>
                  <option value="">not stated</option>
                  {EVIDENCE_LEVELS.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </label>
              <DateField label="Made on" value={claim.madeOn} onChange={(madeOn) => set({ madeOn })} />
              <DateField label="About time" value={claim.aboutTime} hint={claim.dateText} onChange={(aboutTime) => set({ aboutTime })} />
            </div>
            <KeyChecks legend="Subjects" keys={claim.subjectKeys} entities={entities} testId={`subjects-${claim.key}`}
              onChange={(subjectKeys) => set({ subjectKeys })} />
            <KeyChecks legend="Objects" keys={claim.objectKeys} entities={entities} testId={`objects-${claim.key}`}
              onChange={(objectKeys) => set({ objectKeys })} />
          </li>
        );
      })}
    </ol>
  );
}
