// Reversible merges: the merged entity stays, redirected (merged_into), and a merge row lists what
// moved, so an unmerge at any later time moves exactly that back.
import { ApiError } from '../../shared/api/errors';
import type { Entity } from '../../shared/domain/model';
import type { SqliteDb } from '../open';
import { toEntity } from '../rows';
import { addAliasRow, getEntityRow, refreshImportance } from './entities';

interface Moved {
  aliases: number[];
  spans: number[];
  notes: number[];
  claimants: number[];
  roles: [number, string][];
  relationsFrom: number[];
  relationsTo: number[];
}

const ids = (db: SqliteDb, sql: string, id: number) => (db.prepare(sql).all(id) as { id: number }[]).map((r) => r.id);

/** Merges `mergedId` into `survivorId`; rows that would collide (same alias key, same role) stay behind. */
function mergeOne(db: SqliteDb, survivorId: number, mergedId: number): void {
  const moved: Moved = { aliases: [], spans: [], notes: [], claimants: [], roles: [], relationsFrom: [], relationsTo: [] };
  const survivorKeys = new Set((db.prepare('SELECT norm FROM alias WHERE entity_id = ?').all(survivorId) as { norm: string }[]).map((r) => r.norm));
  for (const alias of db.prepare('SELECT id, norm FROM alias WHERE entity_id = ?').all(mergedId) as { id: number; norm: string }[]) {
    if (survivorKeys.has(alias.norm)) continue;
    db.prepare("UPDATE alias SET entity_id = ?, kind = CASE kind WHEN 'name' THEN 'alias' ELSE kind END WHERE id = ?").run(survivorId, alias.id);
    survivorKeys.add(alias.norm);
    moved.aliases.push(alias.id);
  }
  moved.spans = ids(db, 'SELECT id FROM span WHERE entity_id = ?', mergedId);
  db.prepare('UPDATE span SET entity_id = ? WHERE entity_id = ?').run(survivorId, mergedId);
  moved.notes = ids(db, 'SELECT id FROM note WHERE entity_id = ?', mergedId);
  db.prepare('UPDATE note SET entity_id = ? WHERE entity_id = ?').run(survivorId, mergedId);
  moved.claimants = ids(db, 'SELECT id FROM claim WHERE claimant_id = ?', mergedId);
  db.prepare('UPDATE claim SET claimant_id = ? WHERE claimant_id = ?').run(survivorId, mergedId);
  for (const role of db.prepare('SELECT claim_id, role FROM claim_role WHERE entity_id = ?').all(mergedId) as { claim_id: number; role: string }[]) {
    const info = db.prepare('UPDATE OR IGNORE claim_role SET entity_id = ? WHERE claim_id = ? AND entity_id = ? AND role = ?')
      .run(survivorId, role.claim_id, mergedId, role.role);
    if (info.changes > 0) moved.roles.push([role.claim_id, role.role]);
  }
  // a relation between the two would become a loop: it stays with the merged entity, hidden
  moved.relationsFrom = ids(db, 'SELECT id FROM relation WHERE from_id = ? AND to_id <> ' + survivorId, mergedId);
  moved.relationsTo = ids(db, 'SELECT id FROM relation WHERE to_id = ? AND from_id <> ' + survivorId, mergedId);
  for (const id of moved.relationsFrom) db.prepare('UPDATE relation SET from_id = ? WHERE id = ?').run(survivorId, id);
  for (const id of moved.relationsTo) db.prepare('UPDATE relation SET to_id = ? WHERE id = ?').run(survivorId, id);
  db.prepare('UPDATE entity SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(survivorId, Date.now(), mergedId);
  db.prepare('INSERT INTO merge (survivor_id, merged_id, moved, at) VALUES (?, ?, ?, ?)').run(survivorId, mergedId, JSON.stringify(moved), Date.now());
}

export function mergeEntities(db: SqliteDb, survivorId: number, mergedIds: number[], name: string | null): Entity {
  const survivor = getEntityRow(db, survivorId);
  if (survivor.merged_into !== null) throw new ApiError('conflict', `${survivor.name} was itself merged into another entity`);
  const others = [...new Set(mergedIds)].filter((id) => id !== survivorId);
  if (others.length === 0) throw new ApiError('invalid_arguments', 'Pick at least two different entities to merge');
  for (const id of others) {
    const row = getEntityRow(db, id);
    if (row.merged_into !== null) throw new ApiError('conflict', `${row.name} was already merged into another entity`);
    mergeOne(db, survivorId, id);
  }
  if (name && name.trim() !== survivor.name) {
    db.prepare("UPDATE alias SET kind = 'alias' WHERE entity_id = ? AND kind = 'name'").run(survivorId);
    const alias = addAliasRow(db, survivorId, name, 'name');
    db.prepare("UPDATE alias SET kind = 'name' WHERE id = ?").run(alias.id);
    db.prepare('UPDATE entity SET name = ? WHERE id = ?').run(name.trim(), survivorId);
  }
  db.prepare('UPDATE entity SET updated_at = ?, version = version + 1 WHERE id = ?').run(Date.now(), survivorId);
  refreshImportance(db, [survivorId, ...others]);
  return toEntity(getEntityRow(db, survivorId));
}

/** Moves back what a merge moved (what still points at the survivor) and restores the entity. */
export function unmergeEntity(db: SqliteDb, mergedId: number): Entity {
  const record = db.prepare('SELECT * FROM merge WHERE merged_id = ?').get(mergedId) as
    | { id: number; survivor_id: number; moved: string }
    | undefined;
  if (!record) throw new ApiError('not_found', `Entity ${mergedId} is not merged into another one`);
  const moved = JSON.parse(record.moved) as Moved;
  const back = (sql: string, list: number[]) => { for (const id of list) db.prepare(sql).run(mergedId, id, record.survivor_id); };
  back('UPDATE alias SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.aliases);
  back('UPDATE span SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.spans);
  back('UPDATE note SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.notes);
  back('UPDATE claim SET claimant_id = ? WHERE id = ? AND claimant_id = ?', moved.claimants);
  back('UPDATE relation SET from_id = ? WHERE id = ? AND from_id = ?', moved.relationsFrom);
  back('UPDATE relation SET to_id = ? WHERE id = ? AND to_id = ?', moved.relationsTo);
  for (const [claimId, role] of moved.roles) {
    db.prepare('UPDATE OR IGNORE claim_role SET entity_id = ? WHERE claim_id = ? AND entity_id = ? AND role = ?')
      .run(mergedId, claimId, record.survivor_id, role);
  }
  // the merged entity's own name is its name again
  const row = getEntityRow(db, mergedId);
  db.prepare("UPDATE alias SET kind = 'name' WHERE entity_id = ? AND name = ? AND kind = 'alias'").run(mergedId, row.name);
  db.prepare('UPDATE entity SET merged_into = NULL, updated_at = ?, version = version + 1 WHERE id = ?').run(Date.now(), mergedId);
  db.prepare('DELETE FROM merge WHERE id = ?').run(record.id);
  refreshImportance(db, [mergedId, record.survivor_id]);
  return toEntity(getEntityRow(db, mergedId));
}

/** Entities merged into this one (for the inspector's "unmerge" list). */
export function mergedInto(db: SqliteDb, survivorId: number): { id: number; name: string; at: number }[] {
  return db.prepare(`
    SELECT e.id, e.name, m.at FROM merge m CROSS JOIN entity e ON e.id = m.merged_id
    WHERE m.survivor_id = ? ORDER BY m.at DESC`).all(survivorId) as { id: number; name: string; at: number }[];
}
