// Record an established relation between two entities (what the analyst holds as fact, unlike a
// claim, which is what someone said).
import { useState } from 'react';
import { RELATION_KINDS, type RelationKind } from '../../shared/domain/model';
import { parseNodeId } from '../../shared/graph/ids';
import { useSkein } from '../state/store';
import type { Actions } from './actions';
import { Dialog } from './Dialog';
import { NodePicker, type PickedNode } from './NodePicker';

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function selectedEntity(): PickedNode | null {
  const { selectedId, nodes } = useSkein.getState();
  const parsed = selectedId ? parseNodeId(selectedId) : null;
  return parsed?.type === 'entity' && selectedId ? { id: parsed.id, label: nodes[selectedId]?.label ?? selectedId } : null;
}

export function RelationForm({ actions, onClose }: { actions: Actions; onClose(): void }) {
  const [from, setFrom] = useState<PickedNode | null>(selectedEntity);
  const [to, setTo] = useState<PickedNode | null>(null);
  const [kind, setKind] = useState<RelationKind>('member_of');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [busy, setBusy] = useState(false);
  const badDate = [start, end].some((d) => d && !DATE.test(d));
  const ready = from && to && !badDate && !busy;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!from || !to || !ready) return;
    setBusy(true);
    const ok = await actions.createRelation({ kind, fromId: from.id, toId: to.id, start: start || null, end: end || null });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Dialog title="New relation" onClose={onClose} testId="relation-dialog">
      <form className="form" onSubmit={submit}>
        <NodePicker label="From" value={from} onChange={setFrom} testId="relation-from" />
        <label>Relation
          <select data-testid="relation-kind" value={kind} onChange={(e) => setKind(e.target.value as RelationKind)}>
            {RELATION_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
          </select>
        </label>
        <NodePicker label="To" value={to} onChange={setTo} testId="relation-to" />
        <div className="row">
          <label className="grow">From date (optional)<input value={start} placeholder="1987 or 1987-05" onChange={(e) => setStart(e.target.value)} /></label>
          <label className="grow">To date (optional)<input value={end} placeholder="2001" onChange={(e) => setEnd(e.target.value)} /></label>
        </div>
        {badDate && <p className="error-text" role="alert">Dates look like 1987, 1987-05 or 1987-05-31.</p>}
        <div className="form-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="relation-submit" disabled={!ready}>Add relation</button>
        </div>
      </form>
    </Dialog>
  );
}
