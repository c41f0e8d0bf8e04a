// Confirmation before a note's link leaves the app. Browser mode opens it in a new tab with
// `noopener` once the analyst agrees; the desktop window refuses every window.open (the main
// process denies them so no web page ever runs inside Skein), so there the address is shown for
// copying into the system browser instead.
import { useState } from 'react';
import { Dialog } from '../app/Dialog';

/** The desktop preload exposes `window.skein`; browser mode has no bridge. */
function isDesktop(): boolean {
  return typeof window !== 'undefined' && (window as { skein?: unknown }).skein !== undefined;
}

export function LinkDialog({ url, onClose }: { url: string; onClose(): void }) {
  const [blocked, setBlocked] = useState(false);
  const open = () => {
    window.open(url, '_blank', 'noopener');
    // noopener makes window.open return null everywhere, so the outcome cannot be read from it
    if (isDesktop()) setBlocked(true);
    else onClose();
  };
  return (
    <Dialog title="Open an outside link?" onClose={onClose} testId="link-dialog">
      <div className="form">
        <p>This note links to an address outside the investigation. Opening it leaves Skein and may tell that site you looked.</p>
        <label>Address
          <input readOnly value={url} data-testid="link-url" onFocus={(e) => e.target.select()} />
        </label>
        {blocked && <p role="status" data-testid="link-blocked">The desktop app does not open web pages itself: copy the address above into your browser.</p>}
        <div className="form-actions">
          <button type="button" onClick={onClose}>{blocked ? 'Close' : 'Cancel'}</button>
          {!blocked && <button type="button" className="primary" data-testid="link-open" onClick={open}>Open in browser</button>}
        </div>
      </div>
    </Dialog>
  );
}
