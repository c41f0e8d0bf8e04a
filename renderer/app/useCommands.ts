// Keyboard shortcuts, desktop menu commands and push events, all routed to the same actions. Single
// letter shortcuts only fire outside text fields, so typing is never hijacked.
import { useEffect } from 'react';
import { useBackend } from '../backend/context';
import { openImport } from '../import/importStore';
import { openExport } from '../export/exportStore';
import { resetStore, useSkein } from '../state/store';
import type { Actions } from './actions';

/** Runs a named command (menu item, shortcut); returns false when the name is unknown. */
export function runCommand(command: string, actions: Actions): boolean {
  const s = useSkein.getState();
  switch (command) {
    case 'undo': void actions.undo(); return true;
    case 'redo': void actions.undo(true); return true;
    case 'search': s.focusSearch(); return true;
    case 'fit': s.requestFit(); return true;
    case 'theme': s.setTheme(s.theme === 'light' ? 'dark' : 'light'); return true;
    case 'new-entity': s.openDialog('entity'); return true;
    case 'new-relation': s.openDialog('relation'); return true;
    case 'shortcuts': s.openDialog('shortcuts'); return true;
    case 'import': openImport(); return true;
    case 'export': openExport(); return true;
    case 'close-panel':
      // explore panels (menu, reader, paths, filters) close first, topmost first
      if (s.closeTopPanel()) return true;
      if (!s.selectedId) return false;
      s.select(null);
      return true;
    default: return false;
  }
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): string | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'f') return 'search';
  if (mod && key === 'i') return 'import';
  if (mod && key === 'e') return 'export';
  if (typingIn(event.target)) return null; // inside a field, Ctrl+Z is the field's own undo
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod || event.altKey) return null;
  switch (event.key) {
    case '/': return 'search';
    case '?': return 'shortcuts';
    case 'f': return 'fit';
    case 't': return 'theme';
    case 'n': return 'new-entity';
    case 'r': return 'new-relation';
    case 'Escape': return 'close-panel';
    default: return null;
  }
}

/** A burst of changes ends after this long without one; then the canvas is read again. */
const REFRESH_QUIET_MS = 120;
/** The longest a change waits to be shown while a burst goes on. */
const REFRESH_MAX_WAIT_MS = 1000;

export function useCommands(actions: Actions): void {
  const backend = useBackend();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (useSkein.getState().dialog && !(event.ctrlKey || event.metaKey)) return;
      const command = commandForKey(event);
      if (command && runCommand(command, actions)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  useEffect(() => {
    // changes often come in bursts (an import, several windows): re-read once per burst, and at
    // least every REFRESH_MAX_WAIT_MS while a long one goes on (a batch import commits a file every
    // few tens of ms for minutes: the canvas and the counts follow it)
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pendingSince: number | null = null;
    const offChanged = backend.on('graph.changed', () => {
      const now = Date.now();
      pendingSince ??= now;
      clearTimeout(timer);
      timer = setTimeout(() => {
        pendingSince = null;
        void actions.refresh();
      }, Math.max(0, Math.min(REFRESH_QUIET_MS, pendingSince + REFRESH_MAX_WAIT_MS - now)));
    });
    const offMenu = backend.on('menu.command', ({ command }) => { runCommand(command, actions); });
    const offReopened = backend.on('app.reopened', () => {
      const theme = useSkein.getState().theme;
      resetStore();
      useSkein.getState().setTheme(theme);
      void actions.refreshInfo();
    });
    return () => { clearTimeout(timer); offChanged(); offMenu(); offReopened(); };
  }, [backend, actions]);
}
