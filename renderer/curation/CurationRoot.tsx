// The curation UI's mount points in the shell: toolbar buttons (new claim, duplicates, history),
// the floating panel that holds the duplicates or history view, and the merge and new-claim
// dialogs. App.tsx renders <CurationButtons/> in its toolbar and <CurationRoot/> once.
import { useSkein } from '../state/store';
import type { CurationPanel } from '../state/curationSlice';
import { NewClaimDialog } from './ClaimEditors';
import { DuplicatesPanel } from './DuplicatesPanel';
import { HistoryPanel } from './HistoryPanel';
import { MergeDialog } from './MergeDialog';
import './curation.css';

const TITLES: Record<Exclude<CurationPanel, null>, string> = { duplicates: 'Likely duplicates', history: 'History' };

export function CurationButtons() {
  const panel = useSkein((s) => s.curationPanel);
  const s = useSkein.getState;
  return (
    <>
      <button type="button" data-testid="new-claim-button" onClick={() => s().openClaimDialog({})}>+ Claim</button>
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
