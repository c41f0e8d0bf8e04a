// Inspector body for a claim: text, claimant and stance, subjects and objects, dates, grading,
// what it responds to, the responses and denials it drew, and its quotes with their source titles.
import type { ClaimDetail } from '../../../shared/api/contract';
import { nodeId } from '../../../shared/graph/ids';
import { useSkein } from '../../state/store';
import { KindBadge } from '../KindBadge';
import { ClaimSummary, claimantName } from './ClaimSummary';

const CREDIBILITY = ['', 'confirmed', 'probably true', 'possibly true', 'doubtful', 'improbable', 'cannot be judged'];

export function ClaimView({ detail, onShow }: { detail: ClaimDetail; onShow(id: string): void }) {
  const { claim, responses, respondsTo, spans, names } = detail;
  const role = (r: 'subject' | 'object') => claim.roles.filter((x) => x.role === r);
  const fields: [string, string][] = [
    ['Claimant', claimantName(claim, names)],
    ['Stance', claim.stance],
    ['Status', claim.status],
    ['Credibility', claim.credibility === null ? 'ungraded' : `${claim.credibility} – ${CREDIBILITY[claim.credibility]}`],
    ['Evidence offered', claim.evidenceOffered ?? 'not assessed'],
    ['Made on', claim.madeOn ?? 'unknown'],
    ['About time', claim.aboutTime ?? 'unknown'],
  ];
  if (claim.predicate) fields.push(['Predicate', claim.predicate.replace(/_/g, ' ')]);
  return (
    <div className="detail" data-testid="claim-detail">
      <KindBadge type="claim" kind="claim" status={claim.status} />
      <h3 className="detail-title claim-text">{claim.text}</h3>
      <dl className="fields">
        {fields.map(([k, v]) => (
          <div key={k} className="field"><dt>{k}</dt><dd data-field={k}>{v}</dd></div>
        ))}
      </dl>
      {(['subject', 'object'] as const).map((r) => role(r).length > 0 && (
        <section key={r} aria-label={`${r}s`}>
          <h4>{r === 'subject' ? 'About (subjects)' : 'Objects'}</h4>
          <ul className="plain">
            {role(r).map((x) => (
              <li key={x.entityId}>
                <button type="button" className="link" onClick={() => onShow(nodeId('entity', x.entityId))}>{names[String(x.entityId)] ?? `entity ${x.entityId}`}</button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {respondsTo && (
        <section aria-label="Responds to">
          <h4>{claim.stance === 'denies' ? 'Denies' : 'Responds to'}</h4>
          <ul className="plain"><ClaimSummary claim={respondsTo} names={names} onShow={onShow} /></ul>
        </section>
      )}
      <section aria-label="Responses and denials">
        <h4>Responses and denials ({responses.length})</h4>
        {responses.length === 0 ? <p className="muted">None recorded</p> : (
          <ul className="plain">{responses.map((c) => <ClaimSummary key={c.id} claim={c} names={names} onShow={onShow} />)}</ul>
        )}
      </section>
      <section aria-label="Quotes">
        <h4>Quotes ({spans.length})</h4>
        {spans.length === 0 ? <p className="muted">Not anchored to a source</p> : (
          <ul className="plain">
            {spans.map((s) => (
              <li key={s.id} className="quote">
                {/* every quote opens the source reader at that sentence (renderer/explore) */}
                <blockquote>
                  <button type="button" className="link quote-open" data-testid="quote-link" title="Open the source at this quote"
                    onClick={() => useSkein.getState().openReader({ sourceId: s.sourceId, start: s.start, end: s.end })}>{s.exact}</button>
                </blockquote>
                <button type="button" className="link" onClick={() => onShow(nodeId('source', s.sourceId))}>{s.sourceTitle || `Source ${s.sourceId}`}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
