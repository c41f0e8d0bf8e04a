// Entities and their aliases.
import type { Alias, AliasKind, Entity, EntityKind } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import { cached } from './graph-edges';
import { newUid, toAlias, toEntity, type AliasRow, type EntityRow } from '../rows';

export interface NewEntity {
  kind: EntityKind;
  name: string;
  description?: string;
  aliases?: { name: string; kind: AliasKind }[];
  origin?: Entity['origin'];
}

export function getEntityRow(db: SqliteDb, id: number): EntityRow {
  const row = db.prepare('SELECT * FROM entity WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) throw new ApiError('not_found', `No entity with id ${id}`);
  return row;
}

/** The entity a merged one now points to (follows the chain). */
export function resolveEntityId(db: SqliteDb, id: number): number {
  let current = getEntityRow(db, id);
  for (let hops = 0; current.merged_into !== null && hops < 100; hops++) current = getEntityRow(db, current.merged_into);
  return current.id;
}

export function assertVersion(kind: string, row: { version: number }, expected: number): void {
  if (row.version !== expected) {
    throw new ApiError('stale', `This ${kind} was changed since you loaded it (version ${row.version}, yours ${expected}). Reload it and try again.`);
  }
}

export function createEntity(db: SqliteDb, input: NewEntity): Entity {
  const now = Date.now();
  const info = db
    .prepare(`INSERT INTO entity (uid, kind, name, description, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(newUid(), input.kind, input.name.trim(), input.description ?? '', input.origin ?? 'manual', now, now);
  const id = Number(info.lastInsertRowid);
  addAliasRow(db, id, input.name, 'name');
  for (const alias of input.aliases ?? []) addAliasRow(db, id, alias.name, alias.kind);
  return toEntity(getEntityRow(db, id));
}

/** Adds an alias unless the entity already has one with the same key; returns the alias. */
export function addAliasRow(db: SqliteDb, entityId: number, name: string, kind: AliasKind): Alias {
  const trimmed = name.trim();
  const norm = normalizeKey(trimmed);
  if (norm.length === 0) throw new ApiError('invalid_arguments', `"${trimmed}" has no letters or digits to search by`);
  const existing = db.prepare('SELECT * FROM alias WHERE entity_id = ? AND norm = ?').get(entityId, norm) as AliasRow | undefined;
  if (existing) return toAlias(existing);
  const importance = (db.prepare('SELECT importance FROM entity WHERE id = ?').get(entityId) as { importance: number }).importance;
  const info = db
    .prepare('INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, ?, ?)')
    .run(entityId, trimmed, norm, kind, importance);
  return toAlias(db.prepare('SELECT * FROM alias WHERE id = ?').get(Number(info.lastInsertRowid)) as AliasRow);
}

export function addAlias(db: SqliteDb, entityId: number, name: string, kind: AliasKind): Alias {
  const entity = getEntityRow(db, entityId);
  if (entity.merged_into !== null) throw new ApiError('conflict', `${entity.name} was merged into another entity`);
  return addAliasRow(db, entityId, name, kind);
}

export function removeAlias(db: SqliteDb, aliasId: number): void {
  const alias = db.prepare('SELECT * FROM alias WHERE id = ?').get(aliasId) as AliasRow | undefined;
  if (!alias) throw new ApiError('not_found', `No alias with id ${aliasId}`);
  const entity = getEntityRow(db, alias.entity_id);
  if (normalizeKey(entity.name) === alias.norm) {
    throw new ApiError('refused', `"${alias.name}" is the entity's name; rename the entity instead`);
  }
  db.prepare('DELETE FROM alias WHERE id = ?').run(aliasId);
}

export function updateEntity(
  db: SqliteDb,
  id: number,
  version: number,
  patch: { kind?: EntityKind; name?: string; description?: string },
): Entity {
  const row = getEntityRow(db, id);
  assertVersion('entity', row, version);
  const name = patch.name?.trim() ?? row.name;
  db.prepare('UPDATE entity SET kind = ?, name = ?, description = ?, updated_at = ?, version = version + 1 WHERE id = ?')
    .run(patch.kind ?? row.kind, name, patch.description ?? row.description, Date.now(), id);
  if (name !== row.name) {
    // the old name stays findable as an alias; the new one becomes the name
    db.prepare("UPDATE alias SET kind = 'alias' WHERE entity_id = ? AND kind = 'name'").run(id);
    const alias = addAliasRow(db, id, name, 'name');
    db.prepare("UPDATE alias SET kind = 'name' WHERE id = ?").run(alias.id);
  }
  return toEntity(getEntityRow(db, id));
}

/** What deleting an entity would take with it, in words, for the confirmation and the refusal. */
export function entityUsage(db: SqliteDb, id: number): { claimsBy: number; claimRoles: number; relations: number } {
  const one = (sql: string) => (db.prepare(sql).get({ id }) as { n: number }).n;
  return {
    claimsBy: one('SELECT count(*) AS n FROM claim WHERE claimant_id = @id'),
    claimRoles: one('SELECT count(*) AS n FROM claim_role WHERE entity_id = @id'),
    relations: one('SELECT count(*) AS n FROM relation WHERE from_id = @id OR to_id = @id'),
  };
}

/**
 * Deletes an entity with its aliases, mentions and relations. Claims stay (they are what a source
 * said): the entity is removed from their roles, and claims it made lose their claimant.
 */
export function deleteEntity(db: SqliteDb, id: number, version: number): void {
  const row = getEntityRow(db, id);
  assertVersion('entity', row, version);
  const merged = db.prepare('SELECT count(*) AS n FROM entity WHERE merged_into = ?').get(id) as { n: number };
  if (merged.n > 0) throw new ApiError('refused', `${row.name} holds ${merged.n} merged entities; unmerge them first`);
  db.prepare('DELETE FROM relation WHERE from_id = ? OR to_id = ?').run(id, id);
  db.prepare('DELETE FROM claim_role WHERE entity_id = ?').run(id);
  db.prepare('UPDATE claim SET claimant_id = NULL, claimant_label = coalesce(claimant_label, ?), version = version + 1 WHERE claimant_id = ?').run(row.name, id);
  db.prepare('DELETE FROM entity WHERE id = ?').run(id);
}

export function aliasesOf(db: SqliteDb, entityId: number): Alias[] {
  return (db.prepare("SELECT * FROM alias WHERE entity_id = ? ORDER BY kind <> 'name', id").all(entityId) as AliasRow[]).map(toAlias);
}

/** Degree-based importance, kept on the entity and copied to its aliases for ranked typeahead. */
export function refreshImportance(db: SqliteDb, entityIds: Iterable<number>): void {
  // prepared once per connection: the entity UPDATE compiles every trigger on entity (~2 ms), and
  // a batch import refreshes after each article
  const degree = cached(db, `
    SELECT (SELECT count(*) FROM relation WHERE from_id = @id)
         + (SELECT count(*) FROM relation WHERE to_id = @id)
         + (SELECT count(*) FROM claim WHERE claimant_id = @id)
         + (SELECT count(*) FROM claim_role WHERE entity_id = @id) AS n`);
  const setEntity = cached(db, 'UPDATE entity SET importance = ? WHERE id = ? AND importance <> ?');
  const setAliases = cached(db, 'UPDATE alias SET importance = ? WHERE entity_id = ? AND importance <> ?');
  for (const id of new Set(entityIds)) {
    const { n } = degree.get({ id }) as { n: number };
    setEntity.run(n, id, n);
    setAliases.run(n, id, n);
  }
}
