// Explore shortcuts, next to the shell's (useCommands.ts): history, layouts, selection and panels.
// Like the shell's single-letter keys they never fire while typing in a field or with a dialog open.
import { useEffect } from 'react';
import type { Backend } from '../backend/types';
import type { LayoutName } from '../state/exploreSlice';
import { useSkein } from '../state/store';
import { getCanvas } from './canvasBridge';
import { collapse, hideSelected, pinSelected, zoomToSelection } from './canvasOps';
import { switchLayout } from './ExploreToolbar';
import { navigateHistory } from './useExploreSession';

/** Listed on the shortcut sheet (ShortcutsDialog appends these). */
export const EXPLORE_SHORTCUTS: [string, string][] = [
  ['Alt + ← / Alt + →', 'Back / forward through what you explored'],
  ['Shift + drag', 'Select many (box select)'],
  ['H', 'Hide the selected nodes'],
  ['K', 'Pin or unpin all selected nodes (keep in place)'],
  ['C', 'Collapse: hide what hangs only off the selected node'],
  ['Z', 'Zoom to the selection'],
  ['L', 'Next layout (fCoSE, concentric, tree, grid, saved)'],
  ['Shift + F', 'Filters'],
  ['G', 'Find paths from the selected node'],
  ['Shift + F10, menu key, right-click', 'Context menu of the selected node'],
  ['Escape', 'Close the menu, reader, paths or filters (topmost first)'],
];

const LAYOUT_CYCLE: LayoutName[] = ['fcose', 'concentric', 'breadthfirst', 'grid', 'saved'];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Opens the context menu for the selected node where the canvas draws it. */
export function openMenuForSelection(): boolean {
  const s = useSkein.getState();
  const cy = getCanvas();
  if (!s.selectedId || !cy) return false;
  const node = cy.getElementById(s.selectedId);
  if (node.empty()) return false;
  const p = node.renderedPosition();
  s.setContextMenu({ kind: 'node', id: s.selectedId, x: p.x, y: p.y });
  return true;
}

export function exploreKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>, backend: Backend): boolean {
  const s = useSkein.getState();
  if (s.dialog || typingIn(event.target)) return false;
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    void navigateHistory(backend, event.key === 'ArrowLeft' ? -1 : 1);
    return true;
  }
  if ((event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu') return openMenuForSelection();
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  switch (event.key) {
    case 'h': hideSelected(); return true;
    case 'k': pinSelected(); return true;
    case 'c': if (s.selectedId) collapse(s.selectedId); return true;
    case 'z': zoomToSelection(); return true;
    case 'l': void switchLayout(backend, LAYOUT_CYCLE[(LAYOUT_CYCLE.indexOf(s.layoutName) + 1) % LAYOUT_CYCLE.length]!); return true;
    case 'F': s.setFiltersOpen(!s.filtersOpen); return true;
    case 'g': s.openPaths({ from: s.selectedId }); return true;
    default: return false;
  }
}

export function useExploreKeys(backend: Backend): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => { if (exploreKey(event, backend)) event.preventDefault(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [backend]);
}
