// The bottom line: what is in the investigation (app.info counts), what is on the canvas, the last
// undo/redo, and transient notices (errors are announced to screen readers).
import { useEffect } from 'react';
import { useSkein } from '../state/store';

export const NOTICE_MS = 5000;

export function StatusBar() {
  const counts = useSkein((s) => s.counts);
  const nodeCount = useSkein((s) => Object.keys(s.nodes).length);
  const undoStatus = useSkein((s) => s.undoStatus);
  const notice = useSkein((s) => s.notice);
  const dbPath = useSkein((s) => s.dbPath);

  useEffect(() => {
    if (!notice) return;
    // notices fade on their own; an error stays until the next one so it can be read
    if (notice.kind === 'error') return;
    const timer = setTimeout(() => useSkein.getState().clearNotice(), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <footer className="statusbar" data-testid="status-bar">
      <span data-testid="counts">
        {counts
          ? `${counts.people} people · ${counts.organizations} organizations · ${counts.places} places · ${counts.events} events · ${counts.claims} claims · ${counts.relations} relations · ${counts.sources} sources`
          : 'Opening…'}
      </span>
      <span data-testid="canvas-count">{nodeCount} on canvas</span>
      {undoStatus && <span className="muted">{undoStatus}</span>}
      <span className="notice" role={notice?.kind === 'error' ? 'alert' : 'status'} data-kind={notice?.kind}>
        {notice?.text}
        {notice?.kind === 'error' && (
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => useSkein.getState().clearNotice()}>×</button>
        )}
      </span>
      {dbPath && <span className="path muted" title={dbPath}>{dbPath}</span>}
    </footer>
  );
}
