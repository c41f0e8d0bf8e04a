// The history view: every change, newest first, with its time, what it did, whether it was undone
// and how many items it touched; the items button puts them on the canvas. Undo and Redo here are
// the same as Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z; every change (here, a shortcut, another window)
// bumps dataVersion, which re-reads this list.
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../shared/domain/model';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useActions } from '../app/actions';
import { useSkein } from '../state/store';
import { useCuration } from './actions';

export function HistoryPanel() {
  const backend = useBackend();
  const shell = useActions();
  const curation = useCuration();
  const dataVersion = useSkein((s) => s.dataVersion);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    backend.invoke('history.list', { limit: 200 })
      .then((r) => { if (!cancelled) { setEntries(r.entries); setError(null); } })
      .catch((e: unknown) => { if (!cancelled) setError(errorMessage(e)); });
    return () => { cancelled = true; };
  }, [backend, dataVersion]);

  return (
    <div data-testid="history-panel">
      <div className="row">
        <button type="button" data-testid="history-undo" onClick={() => void shell.undo()} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" data-testid="history-redo" onClick={() => void shell.undo(true)} title="Redo (Ctrl+Shift+Z)">Redo</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      {entries?.length === 0 && <p className="muted">No changes yet.</p>}
      <ol className="plain history-list">
        {entries?.map((e) => (
          <li key={e.id} className="history-entry" data-testid="history-entry" data-undone={e.undone} data-action={e.action}>
            <div className="row">
              <time className="muted" dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString()}</time>
              {e.undone && <span className="chip" data-testid="undone-chip">undone</span>}
              {e.undoes !== null && <span className="chip">undo of #{e.undoes}</span>}
            </div>
            <div className="history-summary">{e.summary}</div>
            <div className="muted history-meta">
              {e.actor} · {e.changeCount} change{e.changeCount === 1 ? '' : 's'} ·{' '}
              {e.items.length > 0
                ? <button type="button" className="link" data-testid="history-items" onClick={() => void curation.jumpTo(e.items)}>show {e.items.length} item{e.items.length === 1 ? '' : 's'} on the canvas</button>
                : 'no items'}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
