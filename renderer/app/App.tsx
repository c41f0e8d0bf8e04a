// The application shell: top bar (search, add buttons), the canvas with its empty state and legend,
// the inspector, the dialogs and the status bar.
import { useEffect } from 'react';
import { GraphCanvas } from '../graph/GraphCanvas';
import { openImport } from '../import/importStore';
import { ImportRoot } from '../import/ImportRoot';
import { ExportRoot } from '../export/ExportDialog';
import { openExport } from '../export/exportStore';
import { CurationButtons, CurationRoot } from '../curation/CurationRoot';
import { Legend } from '../graph/Legend';
import { useSkein } from '../state/store';
import { useActions } from './actions';
import { EntityForm } from './EntityForm';
import { Inspector } from './inspector/Inspector';
import { RelationForm } from './RelationForm';
import { SearchBox } from './SearchBox';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';
import { useCommands } from './useCommands';
import { ExploreBar, ExploreOverlay, ExploreSide, ExploreTimeline } from '../explore/ExploreRoot';

function EmptyState() {
  const empty = useSkein((s) => Object.keys(s.nodes).length === 0);
  const counts = useSkein((s) => s.counts);
  if (!empty) return null;
  const blank = counts !== null && counts.entities === 0 && counts.claims === 0;
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>{blank ? 'This investigation is empty' : 'Start from a name'}</h2>
      {blank
        ? <p>Add a person or organization with <kbd>N</kbd> (or “New entity”), or import an article.</p>
        : <p>Search for a person, organization, claim or source above (<kbd>/</kbd>), then double-click a node to see what it is connected to.</p>}
      <p className="muted">The canvas shows only what you open, never the whole investigation. Press <kbd>?</kbd> for shortcuts.</p>
    </div>
  );
}

export function App() {
  const actions = useActions();
  const theme = useSkein((s) => s.theme);
  const dialog = useSkein((s) => s.dialog);
  const openDialog = useSkein((s) => s.openDialog);
  useCommands(actions);

  useEffect(() => { void actions.refreshInfo(); }, [actions]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try { localStorage.setItem('skein.theme', theme); } catch { /* storage may be disabled; the theme then lasts one session */ }
  }, [theme]);

  const close = () => openDialog(null);
  return (
    <div className="app" data-testid="app">
      <header className="topbar">
        <h1 className="brand">Skein</h1>
        <SearchBox onOpen={(hit) => void actions.showNode(hit.nodeId)} />
        <nav className="toolbar" aria-label="Actions">
          <button type="button" data-testid="import-button" onClick={() => openImport()} title="Import an article or files (Ctrl+I)">Import</button>
          <button type="button" data-testid="export-button" onClick={() => openExport()} title="Export the investigation, the view or a picture (Ctrl+E)">Export</button>
          <button type="button" data-testid="new-entity-button" onClick={() => openDialog('entity')}>+ Entity</button>
          <button type="button" data-testid="new-relation-button" onClick={() => openDialog('relation')}>+ Relation</button>
          <CurationButtons />
          <button type="button" onClick={() => void actions.undo()} title="Undo (Ctrl+Z)">Undo</button>
          <button type="button" onClick={() => void actions.undo(true)} title="Redo (Ctrl+Shift+Z)">Redo</button>
          <button type="button" onClick={() => useSkein.getState().requestFit()} title="Fit (F)">Fit</button>
          <button type="button" onClick={() => useSkein.getState().clearCanvas()} title="Clear the canvas (the investigation is unchanged)">Clear</button>
          <button type="button" data-testid="theme-toggle" aria-label={`Switch to ${theme === 'light' ? 'dark' : 'light'} theme`}
            onClick={() => useSkein.getState().setTheme(theme === 'light' ? 'dark' : 'light')}>{theme === 'light' ? '☾' : '☀'}</button>
          <button type="button" aria-label="Keyboard shortcuts" onClick={() => openDialog('shortcuts')}>?</button>
        </nav>
      </header>
      <main className="workspace">
        <div className="stage">
          <ExploreBar />
          <div className="stage-canvas">
            <GraphCanvas onExpand={(id) => void actions.expand(id, useSkein.getState().more[id]?.nextOffset ?? 0)} />
            <EmptyState />
            <ExploreOverlay actions={actions} />
          </div>
          <ExploreTimeline />
          <Legend />
        </div>
        <ExploreSide actions={actions} />
        <Inspector onShow={(id) => void actions.showNode(id)} onExpand={(id) => void actions.expand(id, useSkein.getState().more[id]?.nextOffset ?? 0)} />
      </main>
      <StatusBar />
      {dialog === 'entity' && <EntityForm actions={actions} onClose={close} />}
      {dialog === 'relation' && <RelationForm actions={actions} onClose={close} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      <ImportRoot actions={actions} />
      <ExportRoot />
      <CurationRoot />
    </div>
  );
}
