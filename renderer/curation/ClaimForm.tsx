// The claim form, shared by "edit claim" (inspector) and "new claim" (dialog): text, claimant (an
// entity, or a free label such as "reports say"), stance, predicate, dates, status, credibility,
// evidence offered, the claim it responds to, and subjects/objects. It reports a complete set of
// values; the caller decides between claim.create and claim.update.
import { useState } from 'react';
import { CLAIM_STATUSES, EVIDENCE_LEVELS, PREDICATES, STANCES, type Claim, type ClaimStatus, type Evidence, type Role, type Stance } from '../../shared/domain/model';
import { CredibilityPicker } from './grades';
import { NodePicker, type PickedNode } from '../app/NodePicker';
import { badDate } from './RelationEditor';

export interface ClaimValues {
  text: string;
  claimantId: number | null;
  claimantLabel: string | null;
  stance: Stance;
  predicate: string | null;
  madeOn: string | null;
  aboutTime: string | null;
  status: ClaimStatus;
  credibility: number | null;
  evidenceOffered: Evidence | null;
  respondsTo: number | null;
  roles: { entityId: number; role: Role }[];
}

export interface RoleRow { entityId: number; role: Role; label: string }

export function ClaimForm({ claim, names, initialRoles, respondsToLabel, submitLabel, onSubmit, onCancel }: {
  claim: Claim | null;
  /** the text of the claim it responds to, when known */
  respondsToLabel?: string;
  /** entity names by id (claim.get's `names`), for labels */
  names: Record<string, string>;
  initialRoles?: RoleRow[];
  submitLabel: string;
  onSubmit(values: ClaimValues): Promise<unknown>;
  onCancel(): void;
}) {
  const name = (id: number) => names[String(id)] ?? `Entity ${id}`;
  const [text, setText] = useState(claim?.text ?? '');
  const [claimant, setClaimant] = useState<PickedNode | null>(claim?.claimantId ? { id: claim.claimantId, label: name(claim.claimantId) } : null);
  const [claimantLabel, setClaimantLabel] = useState(claim?.claimantLabel ?? '');
  const [stance, setStance] = useState<Stance>(claim?.stance ?? 'asserts');
  const [predicate, setPredicate] = useState(claim?.predicate ?? '');
  const [madeOn, setMadeOn] = useState(claim?.madeOn ?? '');
  const [aboutTime, setAboutTime] = useState(claim?.aboutTime ?? '');
  const [status, setStatus] = useState<ClaimStatus>(claim?.status ?? 'unverified');
  const [credibility, setCredibility] = useState<number | null>(claim?.credibility ?? null);
  const [evidence, setEvidence] = useState<Evidence | null>(claim?.evidenceOffered ?? null);
  const [respondsTo, setRespondsTo] = useState<PickedNode | null>(claim?.respondsTo ? { id: claim.respondsTo, label: respondsToLabel ?? `Claim ${claim.respondsTo}` } : null);
  const [roles, setRoles] = useState<RoleRow[]>(claim ? claim.roles.map((r) => ({ ...r, label: name(r.entityId) })) : (initialRoles ?? []));
  const [newRole, setNewRole] = useState<Role>('subject');
  const [pickerKey, setPickerKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const invalidDate = badDate(madeOn) || badDate(aboutTime);

  const addRole = (picked: PickedNode | null) => {
    if (!picked) return;
    setRoles((rows) => (rows.some((r) => r.entityId === picked.id && r.role === newRole) ? rows : [...rows, { entityId: picked.id, role: newRole, label: picked.label }]));
    setPickerKey((k) => k + 1); // a fresh picker, empty, for the next one
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim() || invalidDate || busy) return;
    setBusy(true);
    await onSubmit({
      text: text.trim(),
      claimantId: claimant?.id ?? null,
      claimantLabel: claimantLabel.trim() || null,
      stance, predicate: predicate.trim() || null, madeOn: madeOn || null, aboutTime: aboutTime || null,
      status, credibility, evidenceOffered: evidence, respondsTo: respondsTo?.id ?? null,
      roles: roles.map(({ entityId, role }) => ({ entityId, role })),
    });
    setBusy(false);
  };

  return (
    <form className="form claim-form" onSubmit={submit} aria-label={submitLabel} data-testid="claim-form">
      <label>Claim (one sentence)
        <textarea data-testid="claim-text" required rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <NodePicker label="Claimant" type="entity" value={claimant} onChange={setClaimant} testId="claim-claimant" placeholder="Who says it (search)" />
      <label>Claimant as written (when not an entity, e.g. “officials”)
        <input data-testid="claim-claimant-label" maxLength={200} value={claimantLabel} onChange={(e) => setClaimantLabel(e.target.value)} />
      </label>
      <div className="row">
        <label className="grow">Stance
          <select data-testid="claim-stance" value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
            {STANCES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="grow">Predicate
          <input data-testid="claim-predicate" list="claim-predicates" maxLength={200} value={predicate} onChange={(e) => setPredicate(e.target.value)} />
          <datalist id="claim-predicates">{PREDICATES.map((p) => <option key={p} value={p} />)}</datalist>
        </label>
      </div>
      <fieldset>
        <legend>Subjects and objects</legend>
        <ul className="plain">
          {roles.map((r) => (
            <li key={`${r.entityId}:${r.role}`} className="row">
              <span className="grow">{r.label} <span className="chip">{r.role}</span></span>
              <button type="button" aria-label={`Remove ${r.label} as ${r.role}`} onClick={() => setRoles((rows) => rows.filter((x) => x !== r))}>Remove</button>
            </li>
          ))}
        </ul>
        <div className="row">
          <label>Add as
            <select data-testid="claim-new-role" value={newRole} onChange={(e) => setNewRole(e.target.value as Role)}>
              <option value="subject">subject</option>
              <option value="object">object</option>
            </select>
          </label>
          <div className="grow"><NodePicker key={pickerKey} label="Entity" type="entity" value={null} onChange={addRole} testId="claim-role-picker" /></div>
        </div>
      </fieldset>
      <div className="row">
        <label className="grow">Made on<input data-testid="claim-made-on" value={madeOn} placeholder="2025-03-03" onChange={(e) => setMadeOn(e.target.value)} /></label>
        <label className="grow">About the time<input data-testid="claim-about-time" value={aboutTime} placeholder="1987" onChange={(e) => setAboutTime(e.target.value)} /></label>
      </div>
      {invalidDate && <p className="error-text" role="alert">Dates look like 1987, 1987-05 or 1987-05-31.</p>}
      <div className="row">
        <label className="grow">Status
          <select data-testid="claim-status" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus)}>
            {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="grow">Evidence offered
          <select data-testid="claim-evidence" value={evidence ?? ''} onChange={(e) => setEvidence(e.target.value === '' ? null : e.target.value as Evidence)}>
            <option value="">not assessed</option>
            {EVIDENCE_LEVELS.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <CredibilityPicker value={credibility} onChange={setCredibility} />
      <NodePicker label="Responds to (the claim it answers or denies)" type="claim" value={respondsTo} onChange={setRespondsTo} testId="claim-responds-to" placeholder="Search claim text (optional)" />
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" data-testid="claim-submit" disabled={!text.trim() || invalidDate || busy}>{submitLabel}</button>
      </div>
    </form>
  );
}
