// File → Export (menu, Ctrl/⌘+E, toolbar): choose a format and a scope, then export. Server formats
// are prepared by the main process and handed over as a download (browser) or through the save
// dialog (desktop); PNG and SVG are drawn here from the canvas. The dialog stays open to show the
// result line, so a second format can follow.
import { useState } from 'react';
import './export.css';
import { Dialog } from '../app/Dialog';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useSkein } from '../state/store';
import { exportCanvas } from './canvasHandle';
import { closeExport, useExportDialog } from './exportStore';
import { isPicture, runExport, type ExportChoice, type ExportChoiceFormat } from './exportRun';

const FORMATS: { value: ExportChoiceFormat; label: string }[] = [
  { value: 'snapshot', label: 'Skein snapshot (.skein.json) — for another Skein' },
  { value: 'graphml', label: 'GraphML — Gephi, yEd, networkx' },
  { value: 'gexf', label: 'GEXF — Gephi' },
  { value: 'cyjs', label: 'Cytoscape JSON (.cyjs)' },
  { value: 'csv', label: 'CSV tables (nodes, edges, claims; zip)' },
  { value: 'ftm', label: 'FollowTheMoney JSON lines — Aleph' },
  { value: 'annotations', label: 'Claims as W3C Web Annotations (JSON-LD)' },
  { value: 'report', label: 'HTML report (picture, claims, sources)' },
  { value: 'png', label: 'PNG picture of the view' },
  { value: 'svg', label: 'SVG picture of the view' },
];

type Phase = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function ExportRoot() {
  const open = useExportDialog((s) => s.open);
  return open ? <ExportDialog onClose={closeExport} /> : null;
}

export function ExportDialog({ onClose }: { onClose(): void }) {
  const backend = useBackend();
  const canvasCount = useSkein((s) => Object.keys(s.nodes).length);
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'snapshot', scope: canvasCount > 0 ? 'view' : 'investigation', scale: 2, transparent: false, gexfVersion: '1.3', includeHistory: false,
  });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const set = (patch: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const picture = isPicture(choice.format);
  // pictures always show the view; an empty canvas has no view to export
  const scope = picture ? 'view' : choice.scope;
  const blocked = scope === 'view' && canvasCount === 0;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (blocked || phase.kind === 'working') return;
    setPhase({ kind: 'working' });
    try {
      const s = useSkein.getState();
      const investigation = (s.dbPath ?? 'investigation').split(/[\\/]/).pop() ?? 'investigation';
      const text = await runExport(backend, { ...choice, scope }, { cy: exportCanvas(), nodeIds: Object.keys(s.nodes), investigation });
      setPhase({ kind: 'done', text });
    } catch (error) {
      setPhase({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog">
      <form className="export-form" onSubmit={(e) => void submit(e)}>
        <label className="export-field">
          <span>Format</span>
          <select data-testid="export-format" value={choice.format} onChange={(e) => set({ format: e.target.value as ExportChoiceFormat })}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        <fieldset className="export-field" disabled={picture}>
          <legend>What to export</legend>
          <label><input type="radio" name="export-scope" data-testid="export-scope-view" checked={scope === 'view'}
            onChange={() => set({ scope: 'view' })} /> The current view ({canvasCount} node{canvasCount === 1 ? '' : 's'} on the canvas)</label>
          <label><input type="radio" name="export-scope" data-testid="export-scope-investigation" checked={scope === 'investigation'}
            onChange={() => set({ scope: 'investigation' })} /> The whole investigation</label>
        </fieldset>
        {choice.format === 'png' && (
          <div className="export-field export-options">
            <label>Size <select data-testid="export-scale" value={choice.scale} onChange={(e) => set({ scale: Number(e.target.value) as 1 | 2 | 4 })}>
              <option value={1}>1× (as on screen)</option><option value={2}>2× (sharp)</option><option value={4}>4× (print)</option>
            </select></label>
            <label><input type="checkbox" data-testid="export-transparent" checked={choice.transparent} onChange={(e) => set({ transparent: e.target.checked })} /> Transparent background</label>
          </div>
        )}
        {choice.format === 'gexf' && (
          <label className="export-field">GEXF version <select data-testid="export-gexf-version" value={choice.gexfVersion} onChange={(e) => set({ gexfVersion: e.target.value as '1.3' | '1.2draft' })}>
            <option value="1.3">1.3 (Gephi 0.9+)</option><option value="1.2draft">1.2draft (older tools)</option>
          </select></label>
        )}
        {choice.format === 'snapshot' && (
          <label className="export-field"><input type="checkbox" data-testid="export-history" checked={choice.includeHistory} onChange={(e) => set({ includeHistory: e.target.checked })} /> Include the edit history</label>
        )}
        {choice.format === 'report' && <p className="muted">The report’s picture is the current view as drawn.</p>}
        {blocked && <p className="muted" data-testid="export-empty">The canvas is empty: open something first, or export the whole investigation.</p>}
        <div className="form-actions">
          <button type="button" onClick={onClose}>Close</button>
          <button type="submit" className="primary" data-testid="export-submit" disabled={blocked || phase.kind === 'working'}>
            {phase.kind === 'working' ? 'Preparing…' : 'Export'}
          </button>
        </div>
        <p role="status" aria-live="polite" data-testid="export-result" className={phase.kind === 'error' ? 'error-text' : 'muted'}>
          {phase.kind === 'working' ? 'Preparing…' : phase.kind === 'done' || phase.kind === 'error' ? phase.text : ''}
        </p>
      </form>
    </Dialog>
  );
}
