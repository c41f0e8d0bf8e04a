// Notes: free Markdown on any item. Stored as typed text; rendering is the renderer's job (safely).
import { ApiError } from '../../shared/api/errors';
import type { Note } from '../../shared/domain/model';
import type { SqliteDb } from '../open';
import { assertVersion } from './entities';

type Target = Note['target'];
const COLUMN: Record<Target, string> = { entity: 'entity_id', claim: 'claim_id', relation: 'relation_id', source: 'source_id' };

interface NoteRow {
  id: number; body: string; entity_id: number | null; claim_id: number | null; relation_id: number | null;
  source_id: number | null; created_at: number; updated_at: number; version: number;
}

function toNote(row: NoteRow): Note {
  const target: Target = row.entity_id !== null ? 'entity' : row.claim_id !== null ? 'claim' : row.relation_id !== null ? 'relation' : 'source';
  const targetId = (row.entity_id ?? row.claim_id ?? row.relation_id ?? row.source_id)!;
  return { id: row.id, target, targetId, body: row.body, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version };
}

function getNoteRow(db: SqliteDb, id: number): NoteRow {
  const row = db.prepare('SELECT * FROM note WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw new ApiError('not_found', `No note with id ${id}`);
  return row;
}

export function addNote(db: SqliteDb, target: Target, targetId: number, body: string): Note {
  const table = target === 'entity' ? 'entity' : target;
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(targetId)) throw new ApiError('not_found', `No ${target} with id ${targetId}`);
  const now = Date.now();
  const info = db.prepare(`INSERT INTO note (body, ${COLUMN[target]}, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(body, targetId, now, now);
  return toNote(getNoteRow(db, Number(info.lastInsertRowid)));
}

export function updateNote(db: SqliteDb, id: number, version: number, body: string): Note {
  const row = getNoteRow(db, id);
  assertVersion('note', row, version);
  db.prepare('UPDATE note SET body = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(body, Date.now(), id);
  return toNote(getNoteRow(db, id));
}

export function deleteNote(db: SqliteDb, id: number, version: number): void {
  assertVersion('note', getNoteRow(db, id), version);
  db.prepare('DELETE FROM note WHERE id = ?').run(id);
}

export function notesOf(db: SqliteDb, target: Target, targetId: number): Note[] {
  return (db.prepare(`SELECT * FROM note WHERE ${COLUMN[target]} = ? ORDER BY id`).all(targetId) as NoteRow[]).map(toNote);
}

/** Notes matching a full-text query, newest first. */
export function searchNotes(db: SqliteDb, match: string, limit: number): Note[] {
  return (db.prepare(`
    SELECT n.* FROM (SELECT rowid FROM note_fts WHERE note_fts MATCH ? LIMIT 500) AS f
    CROSS JOIN note n ON n.id = f.rowid ORDER BY n.updated_at DESC LIMIT ?`).all(match, limit) as NoteRow[]).map(toNote);
}
