// What curation adds to the inspector: an Edit button that swaps the read view for the item's
// editor, the grade in Admiralty words, "merged: X — unmerge" on a survivor, merge and new-claim
// shortcuts on an entity, the last refused edit's message, and the item's notes.
import type { ReactNode } from 'react';
import type { ClaimDetail, EntityDetail, SourceDetail } from '../../shared/api/contract';
import { nodeId } from '../../shared/graph/ids';
import { useSkein } from '../state/store';
import { useCuration } from './actions';
import { ClaimEditor } from './ClaimEditors';
import { EntityEditor } from './EntityEditor';
import { GradeChip } from './grades';
import { NotesSection } from './Notes';
import { SourceEditor } from './SourceEditor';

export type CurationDetail =
  | { type: 'entity'; data: EntityDetail }
  | { type: 'claim'; data: ClaimDetail }
  | { type: 'source'; data: SourceDetail };

function itemOf(detail: CurationDetail): { id: number; node: string } {
  const id = detail.type === 'entity' ? detail.data.entity.id : detail.type === 'claim' ? detail.data.claim.id : detail.data.source.id;
  return { id, node: nodeId(detail.type, id) };
}

function MergedList({ detail }: { detail: EntityDetail }) {
  const curation = useCuration();
  if (detail.merged.length === 0) return null;
  return (
    <section aria-label="Merged into this" data-testid="merged-list">
      <h4>Merged into this ({detail.merged.length})</h4>
      <ul className="plain">
        {detail.merged.map((m) => (
          <li key={m.id} className="row">
            <span className="grow">merged: {m.name} <span className="muted">({new Date(m.at).toLocaleDateString()})</span></span>
            <button type="button" data-testid={`unmerge-${m.id}`} onClick={() => void curation.unmerge(m.id)}>Unmerge</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InspectorCuration({ detail, children }: { detail: CurationDetail; children: ReactNode }) {
  const editingId = useSkein((s) => s.editingId);
  const error = useSkein((s) => s.curationError);
  const { id, node } = itemOf(detail);
  const editing = editingId === node;
  const s = useSkein.getState;
  return (
    <div className="curation" data-testid="curation">
      <div className="curation-bar">
        {!editing && <button type="button" data-testid="edit-button" onClick={() => s().setEditing(node)}>Edit</button>}
        {detail.type === 'entity' && !editing && (
          <>
            <button type="button" data-testid="merge-with" onClick={() => s().openMerge([id])} title="Merge this entity with others">Merge with…</button>
            <button type="button" data-testid="claim-about" onClick={() => s().openClaimDialog({ subjectId: id })}>+ Claim about</button>
          </>
        )}
        {detail.type === 'source' && <GradeChip kind="reliability" value={detail.data.source.reliability} />}
        {detail.type === 'claim' && <GradeChip kind="credibility" value={detail.data.claim.credibility} />}
      </div>
      {error && <p role="alert" className="error-text" data-testid="curation-error">{error}</p>}
      {editing && detail.type === 'entity' && <EntityEditor key={`edit:${node}`} detail={detail.data} />}
      {editing && detail.type === 'claim' && <ClaimEditor key={`edit:${node}`} detail={detail.data} />}
      {editing && detail.type === 'source' && <SourceEditor key={`edit:${node}`} detail={detail.data} />}
      {!editing && children}
      {!editing && detail.type === 'entity' && <MergedList detail={detail.data} />}
      <NotesSection key={`notes:${node}`} target={detail.type} targetId={id} notes={detail.data.notes} />
    </div>
  );
}
