// Auto-accept import of several files: a progress bar (done/total and the current file), Cancel,
// "Continue in the background" (the screen hides, the batch goes on, BatchIndicator shows it), and
// at the end a summary that lists every failure (a failure never stops the batch).
export interface BatchOutcome { name: string; status: 'imported' | 'skipped' | 'failed'; detail: string; sourceId?: number }

export interface BatchState {
  total: number;
  done: number;
  current: string | null;
  outcomes: BatchOutcome[];
  finished: boolean;
  cancelled: boolean;
}

export function BatchStage({ batch, onCancel, onHide, onClose }: { batch: BatchState; onCancel(): void; onHide(): void; onClose(): void }) {
  const failed = batch.outcomes.filter((o) => o.status === 'failed');
  const imported = batch.outcomes.filter((o) => o.status === 'imported');
  const skipped = batch.outcomes.filter((o) => o.status === 'skipped');
  return (
    <div className="import-batch" data-testid="import-batch">
      <label className="import-field">
        <span>{batch.finished ? (batch.cancelled ? 'Cancelled' : 'Finished') : 'Importing'}: {batch.done} of {batch.total} files</span>
        <progress max={batch.total} value={batch.done} data-testid="import-progress" />
      </label>
      {!batch.finished && <p aria-live="polite" className="muted">{batch.current ? `Reading ${batch.current}…` : 'Starting…'}</p>}
      {batch.finished && (
        <div role="status" data-testid="import-batch-summary">
          <p>
            {imported.length} imported, {skipped.length} skipped (already imported), {failed.length} failed
            {batch.cancelled && `, ${batch.total - batch.done} not started`}.
          </p>
          {failed.length > 0 && (
            <ul className="import-file-list">
              {failed.map((f, i) => <li key={i}><strong>{f.name}</strong> <span className="error-text">— {f.detail}</span></li>)}
            </ul>
          )}
        </div>
      )}
      <div className="import-actions">
        {batch.finished
          ? <button type="button" className="primary" onClick={onClose}>Close</button>
          : (
            <>
              <button type="button" className="primary" onClick={onHide} data-testid="import-batch-hide">Continue in the background</button>
              <button type="button" onClick={onCancel} data-testid="import-batch-cancel">Cancel</button>
            </>
          )}
      </div>
    </div>
  );
}

/** The batch while the import screen is hidden: progress and Cancel, then the result, and a way back to the screen. */
export function BatchIndicator({ batch, onShow, onCancel }: { batch: BatchState; onShow(): void; onCancel(): void }) {
  const failed = batch.outcomes.filter((o) => o.status === 'failed').length;
  const imported = batch.outcomes.filter((o) => o.status === 'imported').length;
  return (
    <div className="import-indicator" role="status" aria-live="polite" data-testid="import-indicator">
      {batch.finished
        ? <span>Import {batch.cancelled ? 'cancelled' : 'finished'}: {imported} imported{failed > 0 ? `, ${failed} failed` : ''}</span>
        : (
          <>
            <span>Importing {batch.done} of {batch.total} files</span>
            <progress max={batch.total} value={batch.done} />
          </>
        )}
      <button type="button" onClick={onShow} data-testid="import-indicator-show">{batch.finished ? 'Summary' : 'Show'}</button>
      {!batch.finished && <button type="button" onClick={onCancel} data-testid="import-indicator-cancel">Cancel</button>}
    </div>
  );
}
