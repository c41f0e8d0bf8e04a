// Curation: edits, merges, duplicates and notes (issue 5). Every write is one history entry.
import { ApiError } from '../../shared/api/errors';
import type { AliasRow } from '../../db/rows';
import { toAlias } from '../../db/rows';
import { updateClaim } from '../../db/queries/claims';
import { duplicateSuggestions, markNotDuplicate } from '../../db/queries/duplicates';
import { entityUsage, getEntityRow } from '../../db/queries/entities';
import { mergeEntities, unmergeEntity } from '../../db/queries/merge';
import { addNote, deleteNote, notesOf, updateNote } from '../../db/queries/notes';
import { updateRelation } from '../../db/queries/relations';
import { updateSource } from '../../db/queries/sources';
import type { HandlerMap } from './types';

export const curationHandlers: HandlerMap = {
  'alias.update': ({ store }, { id, kind }) =>
    store.write({ action: 'alias.update', summary: `Mark alias ${id} as ${kind}` }, (db) => {
      const row = db.prepare('SELECT * FROM alias WHERE id = ?').get(id) as AliasRow | undefined;
      if (!row) throw new ApiError('not_found', `No alias with id ${id}`);
      if (row.kind === 'name' || kind === 'name') throw new ApiError('refused', 'The name is changed by renaming the entity');
      db.prepare('UPDATE alias SET kind = ? WHERE id = ?').run(kind, id);
      return toAlias({ ...row, kind });
    }).value,
  'entity.usage': ({ store }, { id }) => store.read((db) => {
    getEntityRow(db, id);
    return entityUsage(db, id);
  }),
  'entity.merge': ({ store }, { survivorId, mergedIds, name }) =>
    store.write({ action: 'entity.merge', summary: `Merge ${mergedIds.length + 1} entities into ${survivorId}` }, (db) =>
      mergeEntities(db, survivorId, mergedIds, name)).value,
  'entity.unmerge': ({ store }, { id }) =>
    store.write({ action: 'entity.unmerge', summary: `Unmerge entity ${id}` }, (db) => unmergeEntity(db, id)).value,
  'entity.duplicates': ({ store }, { limit }) => ({ pairs: store.read((db) => duplicateSuggestions(db, limit)) }),
  'entity.notDuplicate': ({ store }, { a, b }) => {
    store.write({ action: 'entity.notDuplicate', summary: `Mark ${a} and ${b} as different` }, (db) => {
      getEntityRow(db, a);
      getEntityRow(db, b);
      if (a === b) throw new ApiError('invalid_arguments', 'Pick two different entities');
      markNotDuplicate(db, a, b);
    });
    return { ok: true as const };
  },
  'claim.update': ({ store }, { id, version, patch }) =>
    store.write({ action: 'claim.update', summary: `Edit claim ${id}` }, (db) => updateClaim(db, id, version, patch)).value,
  'relation.update': ({ store }, { id, version, patch }) =>
    store.write({ action: 'relation.update', summary: `Edit relation ${id}` }, (db) => updateRelation(db, id, version, patch)).value,
  'source.update': ({ store }, { id, version, patch }) =>
    store.write({ action: 'source.update', summary: `Edit source ${id}` }, (db) => updateSource(db, id, version, patch)).value,
  'note.list': ({ store }, { target, targetId }) => ({ notes: store.read((db) => notesOf(db, target, targetId)) }),
  'note.add': ({ store }, { target, targetId, body }) =>
    store.write({ action: 'note.add', summary: `Note on ${target} ${targetId}` }, (db) => addNote(db, target, targetId, body)).value,
  'note.update': ({ store }, { id, version, body }) =>
    store.write({ action: 'note.update', summary: `Edit note ${id}` }, (db) => updateNote(db, id, version, body)).value,
  'note.delete': ({ store }, { id, version }) => {
    store.write({ action: 'note.delete', summary: `Delete note ${id}` }, (db) => deleteNote(db, id, version));
    return { ok: true as const };
  },
};
