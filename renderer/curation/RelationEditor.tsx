// Edit one relation in place (from its entity's edit mode): kind, either end, dates and the claim
// that supports it; delete after confirmation. Notes on the relation live here too, since a relation
// has no inspector of its own (it is an edge, not a node).
import { useState } from 'react';
import type { EntityDetail } from '../../shared/api/contract';
import { RELATION_KINDS, type RelationKind } from '../../shared/domain/model';
import { useCuration } from './actions';
import { ConfirmDelete } from './ConfirmDelete';
import { NodePicker, type PickedNode } from '../app/NodePicker';
import { NotesSection } from './Notes';

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const badDate = (d: string) => d !== '' && !PARTIAL_DATE.test(d);

type RelationRow = EntityDetail['relations'][number];

export function RelationEditor({ relation, entityName, onDone }: { relation: RelationRow; entityName: string; onDone(): void }) {
  const curation = useCuration();
  const [base] = useState(relation);
  const here = { id: relation.direction === 'out' ? relation.fromId : relation.toId, label: entityName };
  const there = { id: relation.direction === 'out' ? relation.toId : relation.fromId, label: relation.otherName };
  const [kind, setKind] = useState<RelationKind>(base.kind);
  const [from, setFrom] = useState<PickedNode | null>(relation.direction === 'out' ? here : there);
  const [to, setTo] = useState<PickedNode | null>(relation.direction === 'out' ? there : here);
  const [start, setStart] = useState(base.start ?? '');
  const [end, setEnd] = useState(base.end ?? '');
  const [claim, setClaim] = useState<PickedNode | null>(base.claimId === null ? null : { id: base.claimId, label: `Claim ${base.claimId}` });
  const [confirming, setConfirming] = useState(false);
  const invalid = !from || !to || badDate(start) || badDate(end);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const patch = {
      ...(kind !== base.kind ? { kind } : {}),
      ...(from.id !== base.fromId ? { fromId: from.id } : {}),
      ...(to.id !== base.toId ? { toId: to.id } : {}),
      ...((start || null) !== base.start ? { start: start || null } : {}),
      ...((end || null) !== base.end ? { end: end || null } : {}),
      ...((claim?.id ?? null) !== base.claimId ? { claimId: claim?.id ?? null } : {}),
    };
    if (Object.keys(patch).length === 0) { onDone(); return; }
    if (await curation.updateRelation({ id: base.id, version: base.version, patch })) onDone();
  };

  return (
    <div className="relation-editor" data-testid="relation-editor">
      <form className="form" onSubmit={save} aria-label="Edit relation">
        <NodePicker label="From" type="entity" value={from} onChange={setFrom} testId="edit-relation-from" />
        <label>Relation
          <select data-testid="edit-relation-kind" value={kind} onChange={(e) => setKind(e.target.value as RelationKind)}>
            {RELATION_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
          </select>
        </label>
        <NodePicker label="To" type="entity" value={to} onChange={setTo} testId="edit-relation-to" />
        <div className="row">
          <label className="grow">From date<input value={start} placeholder="1987" onChange={(e) => setStart(e.target.value)} /></label>
          <label className="grow">To date<input value={end} placeholder="2001-05" onChange={(e) => setEnd(e.target.value)} /></label>
        </div>
        {(badDate(start) || badDate(end)) && <p className="error-text" role="alert">Dates look like 1987, 1987-05 or 1987-05-31.</p>}
        <NodePicker label="Supporting claim" type="claim" value={claim} onChange={setClaim} testId="edit-relation-claim" placeholder="Search claim text (optional)" />
        <div className="form-actions">
          <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete…</button>
          <button type="button" onClick={onDone}>Cancel</button>
          <button type="submit" className="primary" data-testid="save-relation" disabled={invalid}>Save relation</button>
        </div>
      </form>
      <NotesSection target="relation" targetId={base.id} />
      {confirming && (
        <ConfirmDelete what={`the relation “${base.kind.replace(/_/g, ' ')}” with ${relation.otherName}`} onClose={() => setConfirming(false)}
          extra="The two entities stay; only this relation goes."
          onConfirm={async () => { const ok = await curation.deleteRelation(base.id, base.version); if (ok) onDone(); return ok; }} />
      )}
    </div>
  );
}
