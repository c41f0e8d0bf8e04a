// entity.*, alias.* and relation.*: entities, their names and what links them.
import { addAlias, aliasesOf, createEntity, deleteEntity, getEntityRow, removeAlias, updateEntity } from '../../db/queries/entities';
import { claimsOfEntity } from '../../db/queries/claims';
import { createRelation, deleteRelation, relationsOfEntity } from '../../db/queries/relations';
import { addSpan, sourcesOfEntity } from '../../db/queries/sources';
import { mergedInto } from '../../db/queries/merge';
import { notesOf } from '../../db/queries/notes';
import { toEntity } from '../../db/rows';
import type { SqliteDb } from '../../db/open';
import type { HandlerMap } from './types';

/** Display names for every entity id a detail view mentions. */
export function namesFor(db: SqliteDb, ids: Iterable<number>): Record<string, string> {
  const get = db.prepare('SELECT name FROM entity WHERE id = ?');
  const names: Record<string, string> = {};
  for (const id of new Set(ids)) {
    const row = get.get(id) as { name: string } | undefined;
    if (row) names[String(id)] = row.name;
  }
  return names;
}

export const entityHandlers: HandlerMap = {
  'entity.get': ({ store }, { id }) =>
    store.read((db) => {
      const entity = toEntity(getEntityRow(db, id));
      const relations = relationsOfEntity(db, id);
      const claims = claimsOfEntity(db, id);
      const names = namesFor(db, [
        id, ...relations.map((r) => r.otherId),
        ...[...claims.by, ...claims.about].flatMap((c) => [...c.roles.map((r) => r.entityId), ...(c.claimantId ? [c.claimantId] : [])]),
      ]);
      return {
        entity,
        aliases: aliasesOf(db, id),
        relations: relations.map(({ otherId, ...r }) => ({ ...r, otherName: names[String(otherId)] ?? '?' })),
        claimsBy: claims.by,
        claimsAbout: claims.about,
        sources: sourcesOfEntity(db, id),
        merged: mergedInto(db, id),
        notes: notesOf(db, 'entity', id),
        names,
      };
    }),
  'entity.create': ({ store }, { span, ...args }) =>
    store.write({ action: 'entity.create', summary: `Create ${args.kind} ${args.name}` }, (db) => {
      const entity = createEntity(db, args);
      if (span) addSpan(db, span.sourceId, span.start, span.end, { entityId: entity.id });
      return entity;
    }).value,
  'entity.update': ({ store }, { id, version, patch }) =>
    store.write({ action: 'entity.update', summary: `Edit entity ${id}` }, (db) => updateEntity(db, id, version, patch)).value,
  'entity.delete': ({ store }, { id, version }) => {
    store.write({ action: 'entity.delete', summary: `Delete entity ${id}` }, (db) => deleteEntity(db, id, version));
    return { ok: true as const };
  },
  'alias.add': ({ store }, { entityId, name, kind, span }) =>
    store.write({ action: 'alias.add', summary: `Add ${kind} "${name}"` }, (db) => {
      const alias = addAlias(db, entityId, name, kind);
      // the passage is a mention of the entity under this alias
      if (span) addSpan(db, span.sourceId, span.start, span.end, { entityId });
      return alias;
    }).value,
  'alias.remove': ({ store }, { id }) => {
    store.write({ action: 'alias.remove', summary: `Remove alias ${id}` }, (db) => removeAlias(db, id));
    return { ok: true as const };
  },
  'relation.create': ({ store }, { span, ...args }) =>
    store.write({ action: 'relation.create', summary: `Relate ${args.fromId} ${args.kind} ${args.toId}` }, (db) => {
      const relation = createRelation(db, args);
      if (span) addSpan(db, span.sourceId, span.start, span.end, { relationId: relation.id });
      return relation;
    }).value,
  'relation.delete': ({ store }, { id, version }) => {
    store.write({ action: 'relation.delete', summary: `Delete relation ${id}` }, (db) => deleteRelation(db, id, version));
    return { ok: true as const };
  },
};
