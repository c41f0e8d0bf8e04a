// Sources (the texts claims come from) and spans (quotes anchored in them).
import { createHash } from 'node:crypto';
import type { Source, Span } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';
import { newUid, toSource, toSpan, type SourceRow, type SpanRow } from '../rows';
import { assertVersion } from './entities';

export interface NewSource {
  kind: Source['kind'];
  title: string;
  publisher?: string | null;
  author?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  /** already normalised text (shared/text/normalize.ts) */
  text: string;
  reliability?: Source['reliability'];
}

const SOURCE_COLUMNS = 'id, uid, kind, title, publisher, author, url, published_at, retrieved_at, language, sha256, reliability, created_at, updated_at, version';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function findSourceByHash(db: SqliteDb, hash: string): Source | null {
  const row = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM source WHERE sha256 = ?`).get(hash) as Omit<SourceRow, 'text'> | undefined;
  return row ? toSource(row) : null;
}

export function createSource(db: SqliteDb, input: NewSource): Source {
  const hash = sha256(input.text);
  const existing = findSourceByHash(db, hash);
  if (existing) throw new ApiError('conflict', `This text was already imported as "${existing.title || 'untitled'}" (source ${existing.id})`);
  const now = Date.now();
  const info = db.prepare(`
    INSERT INTO source (uid, kind, title, publisher, author, url, published_at, retrieved_at, language, text, sha256,
      reliability, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    newUid(), input.kind, input.title, input.publisher ?? null, input.author ?? null, input.url ?? null,
    input.publishedAt ?? null, now, input.language ?? null, input.text, hash, input.reliability ?? null, now, now,
  );
  return getSource(db, Number(info.lastInsertRowid));
}

export function getSource(db: SqliteDb, id: number): Source {
  const row = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM source WHERE id = ?`).get(id) as Omit<SourceRow, 'text'> | undefined;
  if (!row) throw new ApiError('not_found', `No source with id ${id}`);
  return toSource(row);
}

export function sourceText(db: SqliteDb, id: number): string {
  const row = db.prepare('SELECT text FROM source WHERE id = ?').get(id) as { text: string } | undefined;
  if (!row) throw new ApiError('not_found', `No source with id ${id}`);
  return row.text;
}

export function gradeSource(db: SqliteDb, id: number, version: number, reliability: Source['reliability']): Source {
  const current = getSource(db, id);
  assertVersion('source', current, version);
  db.prepare('UPDATE source SET reliability = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(reliability, Date.now(), id);
  return getSource(db, id);
}

const CONTEXT = 32;

/** Adds a span; the quote selectors (exact, prefix, suffix) are cut from the source text. */
export function addSpan(
  db: SqliteDb,
  sourceId: number,
  start: number,
  end: number,
  target: { entityId?: number; claimId?: number; relationId?: number },
): Span {
  const text = sourceText(db, sourceId);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) {
    throw new ApiError('invalid_arguments', `A quote must lie inside the source (0–${text.length}); got ${start}–${end}`);
  }
  const info = db.prepare(`
    INSERT INTO span (source_id, start, end, exact, prefix, suffix, entity_id, claim_id, relation_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    sourceId, start, end, text.slice(start, end), text.slice(Math.max(0, start - CONTEXT), start),
    text.slice(end, end + CONTEXT), target.entityId ?? null, target.claimId ?? null, target.relationId ?? null,
  );
  return toSpan(db.prepare('SELECT * FROM span WHERE id = ?').get(Number(info.lastInsertRowid)) as SpanRow);
}

export function spansOfSource(db: SqliteDb, sourceId: number): Span[] {
  return (db.prepare('SELECT * FROM span WHERE source_id = ? ORDER BY start').all(sourceId) as SpanRow[]).map(toSpan);
}

export function spansOfClaim(db: SqliteDb, claimId: number): Span[] {
  return (db.prepare('SELECT * FROM span WHERE claim_id = ? ORDER BY source_id, start').all(claimId) as SpanRow[]).map(toSpan);
}

/** Sources that mention an entity, with the number of mentions. */
export function sourcesOfEntity(db: SqliteDb, entityId: number): { source: Source; mentions: number }[] {
  const rows = db.prepare(`
    SELECT source_id, count(*) AS n FROM span WHERE entity_id = ? GROUP BY source_id ORDER BY n DESC LIMIT 500`)
    .all(entityId) as { source_id: number; n: number }[];
  return rows.map((row) => ({ source: getSource(db, row.source_id), mentions: row.n }));
}

export type SourcePatch = Partial<Pick<NewSource, 'kind' | 'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language' | 'reliability'>>;

/** Edits a source's metadata and grade; its text (and so its hash) never changes. */
export function updateSource(db: SqliteDb, id: number, version: number, patch: SourcePatch): Source {
  const current = getSource(db, id);
  assertVersion('source', current, version);
  const pick = <K extends keyof SourcePatch>(key: K, fallback: SourcePatch[K]) => (patch[key] !== undefined ? patch[key] : fallback);
  db.prepare(`UPDATE source SET kind = ?, title = ?, publisher = ?, author = ?, url = ?, published_at = ?, language = ?,
    reliability = ?, updated_at = ?, version = version + 1 WHERE id = ?`).run(
    pick('kind', current.kind), pick('title', current.title), pick('publisher', current.publisher), pick('author', current.author),
    pick('url', current.url), pick('publishedAt', current.publishedAt), pick('language', current.language),
    pick('reliability', current.reliability), Date.now(), id,
  );
  return getSource(db, id);
}
