// Merge two or more entities: the analyst picks which one survives (its id, history and node stay)
// and the surviving name (any of theirs, or typed). Aliases, mentions, claims and relations move to
// the survivor; the others stay redirected and can be unmerged later from the survivor's inspector.
import { useEffect, useState } from 'react';
import type { EntityDetail } from '../../shared/api/contract';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { Dialog } from '../app/Dialog';
import { useSkein } from '../state/store';
import { useCuration } from './actions';
import { NodePicker } from '../app/NodePicker';

type Candidate = Pick<EntityDetail['entity'], 'id' | 'name' | 'kind'>;

export function MergeDialog() {
  const ids = useSkein((s) => s.mergeIds);
  return ids ? <MergeForm key={ids.join(',')} ids={ids} /> : null;
}

function MergeForm({ ids }: { ids: number[] }) {
  const backend = useBackend();
  const curation = useCuration();
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [survivor, setSurvivor] = useState<number>(ids[0]!);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useSkein.getState().closeMerge();

  useEffect(() => {
    let cancelled = false;
    Promise.all(ids.map((id) => backend.invoke('entity.get', { id })))
      .then((details) => { if (!cancelled) setCandidates(details.map((d) => d.entity)); })
      .catch((e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [backend, ids]);

  const add = (picked: { id: number; label: string } | null) => {
    if (picked && !ids.includes(picked.id)) useSkein.getState().openMerge([...ids, picked.id]);
  };
  const survivorName = candidates.find((c) => c.id === survivor)?.name ?? '';
  const chosenName = (name ?? survivorName).trim();
  const names = [...new Set(candidates.map((c) => c.name))];
  const kinds = new Set(candidates.map((c) => c.kind));
  const ready = candidates.length >= 2 && chosenName.length > 0 && !busy;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const ok = await curation.merge(survivor, candidates.filter((c) => c.id !== survivor).map((c) => c.id), chosenName === survivorName ? null : chosenName);
    setBusy(false);
    if (ok) close();
  };

  return (
    <Dialog title="Merge entities" onClose={close} testId="merge-dialog">
      <form className="form" onSubmit={submit}>
        <fieldset>
          <legend>Which one survives?</legend>
          {candidates.map((c) => (
            <label key={c.id} className="choice">
              <input type="radio" name="survivor" data-testid={`merge-survivor-${c.id}`} checked={survivor === c.id} onChange={() => { setSurvivor(c.id); setName(null); }} />
              <span>{c.name} <span className="chip">{c.kind}</span> <span className="muted">#{c.id}</span></span>
            </label>
          ))}
          {candidates.length < ids.length && !error && <p className="muted">Loading…</p>}
        </fieldset>
        <NodePicker key={ids.length} label="Add another entity to merge" type="entity" value={null} onChange={add} testId="merge-add" />
        <label>Name of the merged entity
          <input data-testid="merge-name" list="merge-names" value={name ?? survivorName} onChange={(e) => setName(e.target.value)} />
          <datalist id="merge-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
        </label>
        <p className="muted">The other names become aliases. Claims, relations and mentions move to the survivor. You can unmerge any of them later from the survivor’s inspector.</p>
        {kinds.size > 1 && <p className="error-text">These entities are of different kinds ({[...kinds].join(', ')}); check they really are one.</p>}
        {candidates.length < 2 && ids.length < 2 && <p className="muted">Add at least one more entity to merge with.</p>}
        {error && <p role="alert" className="error-text">{error}</p>}
        <div className="form-actions">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="primary" data-testid="merge-submit" disabled={!ready}>Merge {candidates.length} into “{chosenName}”</button>
        </div>
      </form>
    </Dialog>
  );
}
