// Edit mode for an entity: kind, name, description (saved together with the version loaded when
// editing began, so a change made elsewhere meanwhile is refused, not overwritten); aliases are
// added, re-kinded and removed one at a time (they carry no version); relations open their own
// editor; delete explains its consequences first.
import { useState } from 'react';
import type { EntityDetail } from '../../shared/api/contract';
import { ALIAS_KINDS, ENTITY_KINDS, type AliasKind, type EntityKind } from '../../shared/domain/model';
import { useSkein } from '../state/store';
import { useCuration } from './actions';
import { ConfirmDelete } from './ConfirmDelete';
import { RelationEditor } from './RelationEditor';

const EDITABLE_ALIAS_KINDS = ALIAS_KINDS.filter((k) => k !== 'name');

export function EntityEditor({ detail }: { detail: EntityDetail }) {
  const curation = useCuration();
  // the form starts from what was loaded and keeps the analyst's typing across reloads
  const [base] = useState(detail.entity);
  const [kind, setKind] = useState<EntityKind>(base.kind);
  const [name, setName] = useState(base.name);
  const [description, setDescription] = useState(base.description);
  const [alias, setAlias] = useState<{ name: string; kind: AliasKind }>({ name: '', kind: 'alias' });
  const [editingRelation, setEditingRelation] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const changedElsewhere = detail.entity.version !== base.version;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const patch = {
      ...(kind !== base.kind ? { kind } : {}),
      ...(name.trim() !== base.name ? { name: name.trim() } : {}),
      ...(description !== base.description ? { description } : {}),
    };
    if (Object.keys(patch).length === 0) { useSkein.getState().setEditing(null); return; }
    setBusy(true);
    const saved = await curation.updateEntity({ id: base.id, version: base.version, patch });
    setBusy(false);
    if (saved) useSkein.getState().setEditing(null);
  };

  const addAlias = async () => {
    if (!alias.name.trim()) return;
    if (await curation.addAlias({ entityId: base.id, name: alias.name.trim(), kind: alias.kind })) setAlias({ name: '', kind: alias.kind });
  };

  const others = detail.aliases.filter((a) => a.kind !== 'name');
  return (
    <div className="detail editor" data-testid="entity-editor">
      <form className="form" onSubmit={save} aria-label="Edit entity">
        {changedElsewhere && <p role="status" className="error-text">This entity was changed elsewhere since you started editing; saving will be refused. Cancel to see the current version.</p>}
        <label>Kind
          <select data-testid="edit-entity-kind" value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            {ENTITY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>Name
          <input data-testid="edit-entity-name" required maxLength={500} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>Description
          <textarea data-testid="edit-entity-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" onClick={() => useSkein.getState().setEditing(null)}>Cancel</button>
          <button type="submit" className="primary" data-testid="save-entity" disabled={!name.trim() || busy}>Save</button>
        </div>
      </form>

      <section aria-label="Edit aliases">
        <h4>Other names ({others.length})</h4>
        <ul className="plain">
          {others.map((a) => (
            <li key={a.id} className="row alias-row">
              <span className="grow">{a.name}</span>
              <select aria-label={`Kind of ${a.name}`} value={a.kind} onChange={(e) => void curation.updateAlias({ id: a.id, kind: e.target.value as AliasKind })}>
                {EDITABLE_ALIAS_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
              <button type="button" aria-label={`Remove ${a.name}`} onClick={() => void curation.removeAlias(a.id)}>Remove</button>
            </li>
          ))}
        </ul>
        <div className="row">
          <input className="grow" aria-label="New alias" data-testid="new-alias-name" placeholder="Another name, codename…" maxLength={500}
            value={alias.name} onChange={(e) => setAlias({ ...alias, name: e.target.value })}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void addAlias(); } }} />
          <select aria-label="New alias kind" data-testid="new-alias-kind" value={alias.kind} onChange={(e) => setAlias({ ...alias, kind: e.target.value as AliasKind })}>
            {EDITABLE_ALIAS_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <button type="button" data-testid="add-alias-button" disabled={!alias.name.trim()} onClick={() => void addAlias()}>Add</button>
        </div>
      </section>

      <section aria-label="Edit relations">
        <h4>Relations ({detail.relations.length})</h4>
        <ul className="plain">
          {detail.relations.map((r) => (
            <li key={r.id}>
              {editingRelation === r.id
                ? <RelationEditor relation={r} entityName={detail.entity.name} onDone={() => setEditingRelation(null)} />
                : (
                  <div className="row">
                    <span className="grow">{r.direction === 'out' ? `${r.kind.replace(/_/g, ' ')} → ${r.otherName}` : `${r.otherName} → ${r.kind.replace(/_/g, ' ')} → this`}</span>
                    <button type="button" aria-label={`Edit relation with ${r.otherName}`} onClick={() => setEditingRelation(r.id)}>Edit</button>
                  </div>
                )}
            </li>
          ))}
        </ul>
      </section>

      <div className="danger-zone">
        <button type="button" className="danger" data-testid="delete-entity" onClick={() => setConfirming(true)}>Delete {base.kind}…</button>
      </div>
      {confirming && (
        <ConfirmDelete what={`${base.kind} “${base.name}”`} entityId={base.id} onClose={() => setConfirming(false)}
          onConfirm={() => curation.deleteEntity(base.id, base.version)} />
      )}
    </div>
  );
}
