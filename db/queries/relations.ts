// Relations: what the analyst holds as established between two entities.
import type { Relation } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';
import { newUid, toRelation, type RelationRow } from '../rows';
import { assertVersion, getEntityRow, refreshImportance } from './entities';
import { getClaimRow } from './claims';

export interface NewRelation {
  kind: Relation['kind'];
  fromId: number;
  toId: number;
  start: string | null;
  end: string | null;
  claimId: number | null;
  origin?: Relation['origin'];
}

export function getRelationRow(db: SqliteDb, id: number): RelationRow {
  const row = db.prepare('SELECT * FROM relation WHERE id = ?').get(id) as RelationRow | undefined;
  if (!row) throw new ApiError('not_found', `No relation with id ${id}`);
  return row;
}

export function createRelation(db: SqliteDb, input: NewRelation): Relation {
  if (input.fromId === input.toId) throw new ApiError('invalid_arguments', 'A relation needs two different entities');
  for (const id of [input.fromId, input.toId]) {
    const row = getEntityRow(db, id);
    if (row.merged_into !== null) throw new ApiError('conflict', `${row.name} was merged into another entity`);
  }
  if (input.claimId !== null) getClaimRow(db, input.claimId);
  if (input.start && input.end && input.end < input.start) throw new ApiError('invalid_arguments', 'A relation cannot end before it starts');
  const now = Date.now();
  const info = db.prepare(`
    INSERT INTO relation (uid, kind, from_id, to_id, start, end, claim_id, origin, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    newUid(), input.kind, input.fromId, input.toId, input.start, input.end, input.claimId, input.origin ?? 'manual', now, now,
  );
  refreshImportance(db, [input.fromId, input.toId]);
  return toRelation(getRelationRow(db, Number(info.lastInsertRowid)));
}

export function deleteRelation(db: SqliteDb, id: number, version: number): void {
  const row = getRelationRow(db, id);
  assertVersion('relation', row, version);
  db.prepare('DELETE FROM relation WHERE id = ?').run(id);
  refreshImportance(db, [row.from_id, row.to_id]);
}

export function relationsOfEntity(db: SqliteDb, entityId: number): (Relation & { direction: 'out' | 'in'; otherId: number })[] {
  const out = (db.prepare('SELECT * FROM relation WHERE from_id = ? LIMIT 1000').all(entityId) as RelationRow[])
    .map((row) => ({ ...toRelation(row), direction: 'out' as const, otherId: row.to_id }));
  const incoming = (db.prepare('SELECT * FROM relation WHERE to_id = ? LIMIT 1000').all(entityId) as RelationRow[])
    .map((row) => ({ ...toRelation(row), direction: 'in' as const, otherId: row.from_id }));
  return [...out, ...incoming];
}

export function updateRelation(db: SqliteDb, id: number, version: number, patch: Partial<Omit<NewRelation, 'origin'>>): Relation {
  const row = getRelationRow(db, id);
  assertVersion('relation', row, version);
  const next = {
    kind: patch.kind ?? row.kind, from_id: patch.fromId ?? row.from_id, to_id: patch.toId ?? row.to_id,
    start: patch.start !== undefined ? patch.start : row.start, end: patch.end !== undefined ? patch.end : row.end,
    claim_id: patch.claimId !== undefined ? patch.claimId : row.claim_id,
  };
  if (next.from_id === next.to_id) throw new ApiError('invalid_arguments', 'A relation needs two different entities');
  for (const entityId of [next.from_id, next.to_id]) {
    const entity = getEntityRow(db, entityId);
    if (entity.merged_into !== null) throw new ApiError('conflict', `${entity.name} was merged into another entity`);
  }
  if (next.claim_id !== null) getClaimRow(db, next.claim_id);
  if (next.start && next.end && next.end < next.start) throw new ApiError('invalid_arguments', 'A relation cannot end before it starts');
  db.prepare(`UPDATE relation SET kind = @kind, from_id = @from_id, to_id = @to_id, start = @start, end = @end, claim_id = @claim_id,
    updated_at = @now, version = version + 1 WHERE id = @id`).run({ ...next, now: Date.now(), id });
  refreshImportance(db, [row.from_id, row.to_id, next.from_id, next.to_id]);
  return toRelation(getRelationRow(db, id));
}
