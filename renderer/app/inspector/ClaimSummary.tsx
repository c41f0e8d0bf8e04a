// One claim in a list (claims by / about an entity, responses): its text, who said it and how, and
// its grading at a glance. A click puts the claim on the canvas.
import type { Claim } from '../../../shared/domain/model';
import { nodeId } from '../../../shared/graph/ids';

export function claimantName(claim: Claim, names: Record<string, string>): string {
  if (claim.claimantId !== null) return names[String(claim.claimantId)] ?? `entity ${claim.claimantId}`;
  return claim.claimantLabel ?? 'unattributed';
}

export function ClaimSummary({ claim, names, onShow }: { claim: Claim; names: Record<string, string>; onShow(id: string): void }) {
  return (
    <li className="claim-summary" data-status={claim.status}>
      <button type="button" className="link" onClick={() => onShow(nodeId('claim', claim.id))}>{claim.text}</button>
      <div className="claim-meta">
        <span>{claimantName(claim, names)}</span>{' '}
        <span className="chip" data-stance={claim.stance}>{claim.stance}</span>{' '}
        <span className="chip status" data-status={claim.status}>{claim.status}</span>
        {claim.credibility !== null && <span className="chip">credibility {claim.credibility}</span>}
      </div>
    </li>
  );
}
