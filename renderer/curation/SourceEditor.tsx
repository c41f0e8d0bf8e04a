// Edit mode for a source: its metadata and its reliability grade (Admiralty A–F, or ungraded),
// sent with the version loaded when editing began.
import { useState } from 'react';
import type { SourceDetail } from '../../shared/api/contract';
import { SOURCE_KINDS, type Reliability, type SourceKind } from '../../shared/domain/model';
import { useSkein } from '../state/store';
import { useCuration } from './actions';
import { ReliabilityPicker } from './grades';
import { badDate } from './RelationEditor';

type Text = 'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language';
const TEXT_FIELDS: [Text, string][] = [
  ['title', 'Title'], ['publisher', 'Publisher'], ['author', 'Author'], ['url', 'Address (URL)'], ['publishedAt', 'Published (1987, 2025-03, 2025-03-03)'], ['language', 'Language'],
];

export function SourceEditor({ detail }: { detail: SourceDetail }) {
  const curation = useCuration();
  const [base] = useState(detail.source);
  const [kind, setKind] = useState<SourceKind>(base.kind);
  const [reliability, setReliability] = useState<Reliability | null>(base.reliability);
  const [text, setText] = useState<Record<Text, string>>(() => Object.fromEntries(TEXT_FIELDS.map(([k]) => [k, base[k] ?? ''])) as Record<Text, string>);
  const invalid = !text.title.trim() || badDate(text.publishedAt.trim());

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const patch: Record<string, unknown> = {};
    for (const [k] of TEXT_FIELDS) {
      const value = text[k].trim();
      // the title is required; the other fields are cleared to null rather than saved empty
      const next = k === 'title' ? value : value || null;
      if (next !== (k === 'title' ? base.title : base[k])) patch[k] = next;
    }
    if (kind !== base.kind) patch.kind = kind;
    if (reliability !== base.reliability) patch.reliability = reliability;
    if (Object.keys(patch).length === 0) { useSkein.getState().setEditing(null); return; }
    if (await curation.updateSource({ id: base.id, version: base.version, patch })) useSkein.getState().setEditing(null);
  };

  return (
    <div className="detail editor" data-testid="source-editor">
      <form className="form" onSubmit={save} aria-label="Edit source">
        {detail.source.version !== base.version && <p role="status" className="error-text">This source was changed elsewhere since you started editing; saving will be refused.</p>}
        <ReliabilityPicker value={reliability} onChange={setReliability} />
        <label>Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            {SOURCE_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        {TEXT_FIELDS.map(([k, label]) => (
          <label key={k}>{label}
            <input data-testid={`edit-source-${k}`} value={text[k]} onChange={(e) => setText({ ...text, [k]: e.target.value })} />
          </label>
        ))}
        {badDate(text.publishedAt.trim()) && <p className="error-text" role="alert">Dates look like 1987, 1987-05 or 1987-05-31.</p>}
        <div className="form-actions">
          <button type="button" onClick={() => useSkein.getState().setEditing(null)}>Cancel</button>
          <button type="submit" className="primary" data-testid="save-source" disabled={invalid}>Save</button>
        </div>
      </form>
    </div>
  );
}
