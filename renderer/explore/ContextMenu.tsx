// The right-click menu on canvas nodes and edges (also Shift+F10 / the menu key on the canvas for
// the selected node): expand, collapse, hide, pin, open in the inspector, paths from/to, open source.
// A real menu: arrow keys move, Escape closes, focus starts on the first item.
import { useEffect, useRef } from 'react';
import { parseNodeId } from '../../shared/graph/ids';
import type { Actions } from '../app/actions';
import { useBackend } from '../backend/context';
import { useSkein } from '../state/store';
import { collapse } from './canvasOps';
import { openQuote } from './quotes';

interface Item { label: string; run(): void }

export function ContextMenu({ actions }: { actions: Actions }) {
  const backend = useBackend();
  const menu = useSkein((s) => s.contextMenu);
  const node = useSkein((s) => (menu?.kind === 'node' ? s.nodes[menu.id] : undefined));
  const edge = useSkein((s) => (menu?.kind === 'edge' ? s.edges[menu.id] : undefined));
  const pinned = useSkein((s) => (menu ? Boolean(s.pinned[menu.id]) : false));
  const box = useRef<HTMLUListElement>(null);

  useEffect(() => { box.current?.querySelector('button')?.focus(); }, [menu]);
  if (!menu || (!node && !edge)) return null;
  const s = useSkein.getState;
  const close = () => s().setContextMenu(null);
  const items: Item[] = [];
  if (node) {
    const id = node.id;
    const parsed = parseNodeId(id);
    items.push(
      { label: 'Expand', run: () => void actions.expand(id, s().more[id]?.nextOffset ?? 0) },
      { label: 'Collapse (hide its leaves)', run: () => { if (collapse(id) === 0) s().notify('info', 'Nothing hangs only off this node'); } },
      { label: 'Hide', run: () => s().hideNodes([id]) },
      { label: pinned ? 'Unpin' : 'Pin', run: () => s().togglePin(id) },
      { label: 'Open in inspector', run: () => s().select(id) },
      { label: 'Find paths from here…', run: () => s().openPaths({ from: id }) },
      { label: 'Find paths to here…', run: () => s().openPaths({ to: id }) },
    );
    if (parsed?.type === 'claim') items.push({ label: 'Open source at the quote', run: () => void openQuote(backend, parsed.id) });
    if (parsed?.type === 'source') items.push({ label: 'Open source', run: () => s().openReader({ sourceId: parsed.id }) });
  } else if (edge) {
    const claimId = edge.claimId;
    items.push({ label: 'Open in inspector', run: () => (claimId !== undefined ? void actions.showNode(`c:${claimId}`) : s().select(edge.source)) });
    if (claimId !== undefined) items.push({ label: 'Open source at the quote', run: () => void openQuote(backend, claimId) });
    items.push(
      { label: 'Find paths between its ends…', run: () => s().openPaths({ from: edge.source, to: edge.target }) },
      { label: 'Hide both ends', run: () => s().hideNodes([edge.source, edge.target]) },
    );
  }
  const move = (event: React.KeyboardEvent) => {
    const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault(); event.stopPropagation(); close();
    }
  };
  return (
    <ul ref={box} className="context-menu" role="menu" data-testid="context-menu" aria-label={node ? `Actions for ${node.label}` : 'Actions for this link'}
      style={{ left: menu.x, top: menu.y }} onKeyDown={move}>
      {items.map((item) => (
        <li key={item.label} role="none">
          <button type="button" role="menuitem" onClick={() => { close(); item.run(); }}>{item.label}</button>
        </li>
      ))}
    </ul>
  );
}
