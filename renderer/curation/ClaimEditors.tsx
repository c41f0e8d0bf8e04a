// The claim form in its two places: inline in the inspector (claim.update with the version loaded
// when editing began, and delete) and in a dialog for a new claim (claim.create), opened from the
// toolbar or from an entity ("+ Claim about this").
import { useState } from 'react';
import type { ClaimDetail } from '../../shared/api/contract';
import { Dialog } from '../app/Dialog';
import { useSkein } from '../state/store';
import { useCuration } from './actions';
import { ClaimForm, type ClaimValues, type RoleRow } from './ClaimForm';
import { ConfirmDelete } from './ConfirmDelete';

export function ClaimEditor({ detail }: { detail: ClaimDetail }) {
  const curation = useCuration();
  const [base] = useState(detail.claim);
  const [confirming, setConfirming] = useState(false);
  const done = () => useSkein.getState().setEditing(null);
  const save = async (values: ClaimValues) => {
    if (await curation.updateClaim({ id: base.id, version: base.version, patch: values })) done();
  };
  return (
    <div className="detail editor" data-testid="claim-editor">
      {detail.claim.version !== base.version && <p role="status" className="error-text">This claim was changed elsewhere since you started editing; saving will be refused.</p>}
      <ClaimForm claim={base} names={detail.names} respondsToLabel={detail.respondsTo?.text} submitLabel="Save claim" onSubmit={save} onCancel={done} />
      <div className="danger-zone">
        <button type="button" className="danger" data-testid="delete-claim" onClick={() => setConfirming(true)}>Delete claim…</button>
      </div>
      {confirming && (
        <ConfirmDelete what="this claim" onClose={() => setConfirming(false)}
          extra={`Its quotes, roles and the alleged edges drawn from it go with it; ${detail.responses.length} response(s) to it stay but no longer point at it.`}
          onConfirm={() => curation.deleteClaim(base.id, base.version)} />
      )}
    </div>
  );
}

export function NewClaimDialog() {
  const curation = useCuration();
  const prefill = useSkein((s) => s.claimDialog);
  const names = useSkein((s) => s.nodes);
  if (!prefill) return null;
  const close = () => useSkein.getState().openClaimDialog(null);
  const label = (id: number) => names[`e:${id}`]?.label ?? `Entity ${id}`;
  const roles: RoleRow[] = prefill.subjectId ? [{ entityId: prefill.subjectId, role: 'subject', label: label(prefill.subjectId) }] : [];
  const claimantNames: Record<string, string> = prefill.claimantId ? { [prefill.claimantId]: label(prefill.claimantId) } : {};
  const submit = async (values: ClaimValues) => {
    if (await curation.createClaim(values)) close();
  };
  return (
    <Dialog title="New claim" onClose={close} testId="claim-dialog">
      <p className="muted">A claim is what someone said, not an established fact; record facts as relations.</p>
      <ClaimForm
        claim={prefill.claimantId ? { ...BLANK, claimantId: prefill.claimantId } : null}
        names={claimantNames} initialRoles={roles} submitLabel="Add claim" onSubmit={submit} onCancel={close} />
    </Dialog>
  );
}

// the form reads an existing claim's fields; a new claim with a preset claimant starts from these
const BLANK = {
  id: 0, uid: '', text: '', claimantId: null, claimantLabel: null, stance: 'asserts', predicate: null, madeOn: null, aboutTime: null,
  status: 'unverified', credibility: null, evidenceOffered: null, respondsTo: null, origin: 'manual', roles: [], createdAt: 0, updatedAt: 0, version: 1,
} as const satisfies ClaimDetail['claim'];
