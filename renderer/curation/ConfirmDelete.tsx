// Delete confirmation that says what else changes. For an entity it asks `entity.usage` first:
// relations touching it are deleted, its roles in claims are removed, and claims it made keep their
// text but lose their claimant (they are what a source said, so they stay).
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/api/contract';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { Dialog } from '../app/Dialog';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function usageSentences(usage: Result<'entity.usage'>): string[] {
  const out: string[] = [];
  if (usage.relations > 0) out.push(`${plural(usage.relations, 'relation', 'relations')} to or from it will be deleted.`);
  if (usage.claimRoles > 0) out.push(`It will be removed as subject or object from ${plural(usage.claimRoles, 'claim', 'claims')} (the claims stay).`);
  if (usage.claimsBy > 0) out.push(`${plural(usage.claimsBy, 'claim it made keeps', 'claims it made keep')} the text but will show the claimant by name only.`);
  if (out.length === 0) out.push('Nothing else refers to it.');
  return out;
}

export function ConfirmDelete({ what, entityId, extra, onConfirm, onClose }: {
  /** e.g. 'person "Marta Quell"' */
  what: string;
  /** when deleting an entity: its id, to explain the consequences */
  entityId?: number;
  extra?: string;
  onConfirm(): Promise<boolean>;
  onClose(): void;
}) {
  const backend = useBackend();
  const [usage, setUsage] = useState<Result<'entity.usage'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (entityId === undefined) return;
    backend.invoke('entity.usage', { id: entityId }).then(setUsage, (e: unknown) => setError(errorMessage(e)));
  }, [backend, entityId]);
  const waiting = entityId !== undefined && !usage && !error;
  return (
    <Dialog title={`Delete ${what}?`} onClose={onClose} testId="confirm-delete">
      <div className="form">
        {waiting && <p className="muted">Checking what refers to it…</p>}
        {usage && <ul data-testid="delete-consequences">{usageSentences(usage).map((s) => <li key={s}>{s}</li>)}</ul>}
        {extra && <p>{extra}</p>}
        {error && <p role="alert" className="error-text">{error}</p>}
        <p className="muted">You can undo this (Ctrl+Z or the history panel).</p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" className="danger" data-testid="confirm-delete-button" disabled={waiting || busy}
            onClick={() => { setBusy(true); void onConfirm().then((ok) => { setBusy(false); if (ok) onClose(); }); }}>Delete</button>
        </div>
      </div>
    </Dialog>
  );
}
