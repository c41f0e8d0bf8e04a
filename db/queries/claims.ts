// Claims: what someone said, about whom, with which stance and grade.
import type { Claim, ClaimRole } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';
import { newUid, toClaim, type ClaimRow } from '../rows';
import { assertVersion, getEntityRow, refreshImportance } from './entities';

export interface NewClaim {
  text: string;
  claimantId: number | null;
  claimantLabel: string | null;
  stance: Claim['stance'];
  predicate: string | null;
  madeOn: string | null;
  aboutTime: string | null;
  status: Claim['status'];
  credibility: number | null;
  evidenceOffered: Claim['evidenceOffered'];
  respondsTo: number | null;
  roles: ClaimRole[];
  origin?: Claim['origin'];
}

export function rolesOf(db: SqliteDb, claimId: number): ClaimRole[] {
  return (db.prepare("SELECT entity_id, role FROM claim_role WHERE claim_id = ? ORDER BY role DESC, entity_id").all(claimId) as {
    entity_id: number; role: ClaimRole['role'];
  }[]).map((r) => ({ entityId: r.entity_id, role: r.role }));
}

export function getClaimRow(db: SqliteDb, id: number): ClaimRow {
  const row = db.prepare('SELECT * FROM claim WHERE id = ?').get(id) as ClaimRow | undefined;
  if (!row) throw new ApiError('not_found', `No claim with id ${id}`);
  return row;
}

export function getClaim(db: SqliteDb, id: number): Claim {
  return toClaim(getClaimRow(db, id), rolesOf(db, id));
}

function assertLiveEntity(db: SqliteDb, id: number, what: string): void {
  const row = getEntityRow(db, id);
  if (row.merged_into !== null) throw new ApiError('conflict', `The ${what} (${row.name}) was merged into another entity`);
}

export function createClaim(db: SqliteDb, input: NewClaim): Claim {
  if (input.claimantId !== null) assertLiveEntity(db, input.claimantId, 'claimant');
  for (const role of input.roles) assertLiveEntity(db, role.entityId, role.role);
  if (input.respondsTo !== null) getClaimRow(db, input.respondsTo);
  const now = Date.now();
  const info = db.prepare(`
    INSERT INTO claim (uid, text, claimant_id, claimant_label, stance, predicate, made_on, about_time, status,
      credibility, evidence_offered, responds_to, importance, origin, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    newUid(), input.text.trim(), input.claimantId, input.claimantLabel, input.stance, input.predicate, input.madeOn,
    input.aboutTime, input.status, input.credibility, input.evidenceOffered, input.respondsTo, input.roles.length + 1,
    input.origin ?? 'manual', now, now,
  );
  const id = Number(info.lastInsertRowid);
  const addRole = db.prepare('INSERT OR IGNORE INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)');
  for (const role of input.roles) addRole.run(id, role.entityId, role.role);
  refreshImportance(db, [...input.roles.map((r) => r.entityId), ...(input.claimantId ? [input.claimantId] : [])]);
  return getClaim(db, id);
}

export function deleteClaim(db: SqliteDb, id: number, version: number): void {
  const row = getClaimRow(db, id);
  assertVersion('claim', row, version);
  const touched = rolesOf(db, id).map((r) => r.entityId);
  if (row.claimant_id !== null) touched.push(row.claimant_id);
  db.prepare('UPDATE claim SET responds_to = NULL, version = version + 1 WHERE responds_to = ?').run(id);
  db.prepare('UPDATE relation SET claim_id = NULL, version = version + 1 WHERE claim_id = ?').run(id);
  db.prepare('DELETE FROM claim WHERE id = ?').run(id);
  refreshImportance(db, touched);
}

/** Claims made by an entity, and claims in which it is a subject or object. */
export function claimsOfEntity(db: SqliteDb, entityId: number): { by: Claim[]; about: Claim[] } {
  const by = (db.prepare('SELECT * FROM claim WHERE claimant_id = ? ORDER BY id LIMIT 1000').all(entityId) as ClaimRow[])
    .map((row) => toClaim(row, rolesOf(db, row.id)));
  const about = (db.prepare(`
    SELECT c.* FROM claim_role r CROSS JOIN claim c ON c.id = r.claim_id
    WHERE r.entity_id = ? GROUP BY c.id ORDER BY c.id LIMIT 1000`).all(entityId) as ClaimRow[])
    .map((row) => toClaim(row, rolesOf(db, row.id)));
  return { by, about };
}

export type ClaimPatch = Partial<Omit<NewClaim, 'origin'>>;

/** Edits a claim; roles, when given, replace the old ones. */
export function updateClaim(db: SqliteDb, id: number, version: number, patch: ClaimPatch): Claim {
  const row = getClaimRow(db, id);
  assertVersion('claim', row, version);
  if (patch.claimantId !== undefined && patch.claimantId !== null) assertLiveEntity(db, patch.claimantId, 'claimant');
  for (const role of patch.roles ?? []) assertLiveEntity(db, role.entityId, role.role);
  if (patch.respondsTo !== undefined && patch.respondsTo !== null) {
    if (patch.respondsTo === id) throw new ApiError('invalid_arguments', 'A claim cannot respond to itself');
    getClaimRow(db, patch.respondsTo);
  }
  const touched = new Set<number>(rolesOf(db, id).map((r) => r.entityId));
  if (row.claimant_id !== null) touched.add(row.claimant_id);
  const next = {
    text: patch.text?.trim() ?? row.text, claimant_id: patch.claimantId !== undefined ? patch.claimantId : row.claimant_id,
    claimant_label: patch.claimantLabel !== undefined ? patch.claimantLabel : row.claimant_label,
    stance: patch.stance ?? row.stance, predicate: patch.predicate !== undefined ? patch.predicate : row.predicate,
    made_on: patch.madeOn !== undefined ? patch.madeOn : row.made_on, about_time: patch.aboutTime !== undefined ? patch.aboutTime : row.about_time,
    status: patch.status ?? row.status, credibility: patch.credibility !== undefined ? patch.credibility : row.credibility,
    evidence_offered: patch.evidenceOffered !== undefined ? patch.evidenceOffered : row.evidence_offered,
    responds_to: patch.respondsTo !== undefined ? patch.respondsTo : row.responds_to,
  };
  db.prepare(`UPDATE claim SET text = @text, claimant_id = @claimant_id, claimant_label = @claimant_label, stance = @stance,
    predicate = @predicate, made_on = @made_on, about_time = @about_time, status = @status, credibility = @credibility,
    evidence_offered = @evidence_offered, responds_to = @responds_to, updated_at = @now, version = version + 1 WHERE id = @id`)
    .run({ ...next, now: Date.now(), id });
  if (patch.roles) {
    db.prepare('DELETE FROM claim_role WHERE claim_id = ?').run(id);
    const add = db.prepare('INSERT OR IGNORE INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)');
    for (const role of patch.roles) add.run(id, role.entityId, role.role);
    db.prepare('UPDATE claim SET importance = ? WHERE id = ?').run(patch.roles.length + 1, id);
  }
  for (const r of rolesOf(db, id)) touched.add(r.entityId);
  if (next.claimant_id !== null) touched.add(next.claimant_id);
  refreshImportance(db, touched);
  return getClaim(db, id);
}
