// Add a person, organization, place or event by hand, with any number of aliases of a chosen kind.
import { useState } from 'react';
import { ALIAS_KINDS, ENTITY_KINDS, type AliasKind, type EntityKind } from '../../shared/domain/model';
import type { Actions } from './actions';
import { Dialog } from './Dialog';

interface AliasRow { name: string; kind: AliasKind }

export function EntityForm({ actions, onClose }: { actions: Actions; onClose(): void }) {
  const [kind, setKind] = useState<EntityKind>('person');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [aliases, setAliases] = useState<AliasRow[]>([]);
  const [busy, setBusy] = useState(false);

  const setAlias = (index: number, patch: Partial<AliasRow>) =>
    setAliases((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    const ok = await actions.createEntity({
      kind, name: name.trim(), description,
      aliases: aliases.filter((a) => a.name.trim()).map((a) => ({ name: a.name.trim(), kind: a.kind })),
    });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Dialog title="New entity" onClose={onClose} testId="entity-dialog">
      <form className="form" onSubmit={submit}>
        <label>Kind
          <select data-testid="entity-kind" value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            {ENTITY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label>Name
          <input data-testid="entity-name" required maxLength={500} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>Description (optional)
          <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <fieldset>
          <legend>Aliases</legend>
          {aliases.map((alias, index) => (
            <div className="row" key={index}>
              <label className="grow">Alias {index + 1}
                <input data-testid={`alias-name-${index}`} maxLength={500} value={alias.name} onChange={(e) => setAlias(index, { name: e.target.value })} />
              </label>
              <label>Kind
                <select data-testid={`alias-kind-${index}`} value={alias.kind} onChange={(e) => setAlias(index, { kind: e.target.value as AliasKind })}>
                  {ALIAS_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
              </label>
              <button type="button" aria-label={`Remove alias ${index + 1}`} onClick={() => setAliases((rows) => rows.filter((_, i) => i !== index))}>Remove</button>
            </div>
          ))}
          <button type="button" data-testid="add-alias" onClick={() => setAliases((rows) => [...rows, { name: '', kind: 'alias' }])}>+ Add alias</button>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="entity-submit" disabled={!name.trim() || busy}>Add {kind}</button>
        </div>
      </form>
    </Dialog>
  );
}
