// Likely duplicates (entity.duplicates): each pair with why it was suggested, "Merge" (opens the
// merge dialog with both) and "Not the same" (remembered by the back end, never suggested again).
// Re-reads whenever the investigation changes (dataVersion), so a merge or undo updates the list.
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/api/contract';
import { nodeId } from '../../shared/graph/ids';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useActions } from '../app/actions';
import { useSkein } from '../state/store';
import { useCuration } from './actions';

type Pair = Result<'entity.duplicates'>['pairs'][number];

export function DuplicatesPanel() {
  const backend = useBackend();
  const shell = useActions();
  const curation = useCuration();
  const dataVersion = useSkein((s) => s.dataVersion);
  const [pairs, setPairs] = useState<Pair[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    backend.invoke('entity.duplicates', { limit: 50 })
      .then((r) => { if (!cancelled) { setPairs(r.pairs); setError(null); } })
      .catch((e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [backend, dataVersion]);

  const who = (e: Pair['a']) => (
    <button type="button" className="link" onClick={() => void shell.showNode(nodeId('entity', e.id))}>{e.name}</button>
  );
  return (
    <div data-testid="duplicates-panel">
      <p className="muted">Entities that are probably one: a shared name key, a transliteration, a surname, a shared codename.</p>
      {error && <p role="alert" className="error-text">{error}</p>}
      {pairs === null && !error && <p className="muted">Looking…</p>}
      {pairs?.length === 0 && <p className="muted" data-testid="no-duplicates">No likely duplicates.</p>}
      <ul className="plain">
        {pairs?.map((p) => (
          <li key={`${p.a.id}:${p.b.id}`} className="dup-pair" data-testid="duplicate-pair">
            <div>{who(p.a)} <span className="chip">{p.a.kind}</span> and {who(p.b)} <span className="chip">{p.b.kind}</span></div>
            <div className="muted dup-reason">{p.reason}</div>
            <div className="row">
              <button type="button" className="primary" data-testid="duplicate-merge" onClick={() => useSkein.getState().openMerge([p.a.id, p.b.id])}>Merge…</button>
              <button type="button" data-testid="duplicate-dismiss" onClick={() => void curation.notDuplicate(p.a.id, p.b.id)}>Not the same</button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
