// Store → canvas effects the explore features own: filter and path-highlight classes, and the
// context menu opened from a right-click (cxttap) on a node or an edge. Applied again after every
// sync so elements that just arrived are filtered before they are seen.
import { useEffect } from 'react';
import type { Core, EventObject, SingularElementArgument } from 'cytoscape';
import { useSkein, type SkeinState } from '../state/store';
import { getCanvas, onCanvas, onCanvasSynced } from './canvasBridge';
import { hiddenIds } from './filterModel';

/** Puts `filtered` on exactly the hidden ids, `path` on the highlighted ones and `faded` on the rest while a path is shown. */
export function applyClasses(cy: Core, hidden: Set<string>, highlighted: readonly string[]): void {
  const lit = new Set(highlighted);
  // only real changes: cytoscape restyles every element toggleClass is called on, even when its
  // classes stay the same, and this runs after every sync (a whole large canvas restyled per expansion)
  const set = (ele: SingularElementArgument, cls: string, on: boolean) => { if (ele.hasClass(cls) !== on) ele.toggleClass(cls, on); };
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      const id = ele.id();
      set(ele, 'filtered', hidden.has(id));
      set(ele, 'path', lit.has(id));
      set(ele, 'faded', lit.size > 0 && !lit.has(id));
    });
  });
}

export function hiddenFor(s: Pick<SkeinState, 'nodes' | 'edges' | 'filters' | 'claimFacts'>): Set<string> {
  return hiddenIds(s.nodes, s.edges, s.filters, s.claimFacts);
}

function applyFromStore(cy: Core): void {
  const s = useSkein.getState();
  applyClasses(cy, hiddenFor(s), s.highlighted);
}

export function useCanvasEffects(): void {
  useEffect(() => {
    let detachMenu: (() => void) | null = null;
    const offCanvas = onCanvas((cy) => {
      detachMenu?.();
      detachMenu = null;
      if (!cy) return;
      const open = (kind: 'node' | 'edge') => (event: EventObject) => {
        const id = String(event.target.id());
        const pos = event.renderedPosition ?? { x: 0, y: 0 };
        useSkein.getState().setContextMenu({ kind, id, x: pos.x, y: pos.y });
      };
      const onNode = open('node');
      const onEdge = open('edge');
      const closeMenu = () => { if (useSkein.getState().contextMenu) useSkein.getState().setContextMenu(null); };
      cy.on('cxttap', 'node', onNode);
      cy.on('cxttap', 'edge', onEdge);
      cy.on('tap viewport', closeMenu);
      applyFromStore(cy);
      detachMenu = () => { cy.off('cxttap', 'node', onNode); cy.off('cxttap', 'edge', onEdge); cy.off('tap viewport', closeMenu); };
    });
    const offSynced = onCanvasSynced(applyFromStore);
    // filters and highlights change without a sync: re-apply when they (or the facts) change
    const offStore = useSkein.subscribe((s, prev) => {
      if (s.filters === prev.filters && s.claimFacts === prev.claimFacts && s.highlighted === prev.highlighted) return;
      const cy = getCanvas();
      if (cy) applyFromStore(cy);
    });
    return () => { offCanvas(); offSynced(); offStore(); detachMenu?.(); };
  }, []);
}
