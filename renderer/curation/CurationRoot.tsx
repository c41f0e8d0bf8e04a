// The curation UI's mount points in the shell: toolbar buttons (new claim, duplicates, history),
// the floating panel that holds the duplicates or history view, and the merge and new-claim
// dialogs. App.tsx renders <CurationButtons/> in its toolbar and <CurationRoot/> once.
import { parseNodeId } from '../../shared/graph/ids';
import { getCanvas } from '../explore/canvasBridge';
import { useSkein } from '../state/store';
import type { CurationPanel } from '../state/curationSlice';
import { NewClaimDialog } from './ClaimEditors';
import { DuplicatesPanel } from './DuplicatesPanel';
import { HistoryPanel } from './HistoryPanel';
import { MergeDialog } from './MergeDialog';
import './curation.css';

const TITLES: Record<Exclude<CurationPanel, null>, string> = { duplicates: 'Likely duplicates', history: 'History' };

/** Merges what is selected on the canvas (Shift+drag a box, or Shift+click); read on click, since
 * the canvas's own selection is not mirrored in the store. */
function mergeSelected(): void {
  const ids = (getCanvas()?.$('node:selected').map((n) => n.id()) ?? [])
    .map((id) => parseNodeId(id)).filter((p) => p?.type === 'entity').map((p) => p!.id);
  if (ids.length >= 2) useSkein.getState().openMerge(ids);
  else useSkein.getState().notify('info', 'Select two or more entities on the canvas (Shift+drag a box), or use “Merge with…” in the inspector');
}

export function CurationButtons() {
  const panel = useSkein((s) => s.curationPanel);
  const s = useSkein.getState;
  return (
    <>
      <button type="button" data-testid="new-claim-button" onClick={() => s().openClaimDialog({})}>+ Claim</button>
      <button type="button" data-testid="merge-selected" onClick={mergeSelected} title="Merge the entities selected on the canvas">Merge</button>
      <button type="button" data-testid="duplicates-button" aria-pressed={panel === 'duplicates'} onClick={() => s().setCurationPanel('duplicates')}>Duplicates</button>
      <button type="button" data-testid="history-button" aria-pressed={panel === 'history'} onClick={() => s().setCurationPanel('history')}>History</button>
    </>
  );
}

export function CurationRoot() {
  const panel = useSkein((s) => s.curationPanel);
  return (
    <>
      {panel && (
        <aside className="curation-panel" aria-label={TITLES[panel]} data-testid="curation-panel"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); useSkein.getState().setCurationPanel(panel); } }}>
          <div className="inspector-head">
            <h2>{TITLES[panel]}</h2>
            <button type="button" className="icon-button" aria-label={`Close ${TITLES[panel]}`} onClick={() => useSkein.getState().setCurationPanel(panel)}>×</button>
          </div>
          {panel === 'duplicates' ? <DuplicatesPanel /> : <HistoryPanel />}
        </aside>
      )}
      <MergeDialog />
      <NewClaimDialog />
    </>
  );
}
