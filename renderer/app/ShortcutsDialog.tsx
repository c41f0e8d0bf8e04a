// The shortcut sheet ("?" or the Help menu): every keyboard action in one place.
import { EXPLORE_SHORTCUTS } from '../explore/useExploreKeys';
import { Dialog } from './Dialog';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + F or /', 'Search'],
  ['↑ / ↓, Enter', 'Move through results, open one'],
  ['Enter (on the canvas)', 'Expand the selected node'],
  ['Double-click', 'Expand a node'],
  ['Delete', 'Hide the selected node'],
  ['P', 'Pin or unpin the selected node'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Ctrl/⌘ + Shift + Z, Ctrl + Y', 'Redo'],
  ['N', 'New entity'],
  ['R', 'New relation'],
  ['F', 'Fit the graph to the window'],
  ['T', 'Switch light / dark theme'],
  ['?', 'This sheet'],
  ['Escape', 'Close a panel or dialog'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {[...SHORTCUTS, ...EXPLORE_SHORTCUTS].map(([keys, what]) => (
            <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
