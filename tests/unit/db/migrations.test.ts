import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../db/migrations';
import { DatabaseOpenError, migrate, openDatabase } from '../../../db/open';
import { GraphStore } from '../../../db/store';
import { seedLikeGraph, testApp } from '../helpers';

const dirs: string[] = [];
function tempPath(name = 'inv.skein'): string {
  const dir = mkdtempSync(join(tmpdir(), 'skein-mig-'));
  dirs.push(dir);
  return join(dir, name);
}
afterEach(() => dirs.splice(0));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** Rows valid at each schema version, inserted before the next migration runs. */
const POPULATE: Record<number, string> = {
  10: `INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 1, 1);
       INSERT INTO alias (entity_id, name, norm, kind) VALUES (last_insert_rowid(), 'Populated Person', 'populated person', 'name');`,
  20: `INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 1, 1);
       INSERT INTO entity (uid, kind, name, merged_into, created_at, updated_at) VALUES ('populated-2', 'person', 'P. Person', 1, 1, 1);
       INSERT INTO merge (survivor_id, merged_id, moved, at) VALUES (1, 2, '{}', 1);`,
  30: `INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 600, 1, 1);
       INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES ('populated-2', 'person', 'Other Person', 1, 1);
       INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES ('populated-r', 'associate_of', 1, 2, 1, 1);
       INSERT INTO claim (uid, text, stance, created_at, updated_at) VALUES ('populated-c', 'Populated says', 'asserts', 1, 1);
       INSERT INTO claim_role (claim_id, entity_id, role) VALUES (1, 1, 'subject'), (1, 2, 'object');`,
  40: `INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 7, 1, 1);
       INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (1, 'Populated Person', 'populated person', 'name', 7);
       INSERT INTO claim (uid, text, stance, created_at, updated_at) VALUES ('populated-c', 'Populated says', 'asserts', 1, 1);
       INSERT INTO source (uid, kind, title, retrieved_at, text, sha256, created_at, updated_at) VALUES ('populated-s', 'note', 'Populated', 1, 'Text', 'h', 1, 1);`,
  50: `INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 20, 1, 1);
       INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES ('populated-2', 'person', 'Other Person', 1, 1);
       INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES ('populated-r', 'associate_of', 1, 2, 1, 1);`,
  60: `INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES ('populated-1', 'person', 'Populated Person', 20, 1, 1);
       INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES ('populated-2', 'person', 'Other Person', 1, 1);
       INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES ('populated-r', 'associate_of', 1, 2, 1, 1);`,
};

describe('migrations', () => {
  it('build the whole data model on an empty file, STRICT, with WAL and foreign keys', () => {
    const db = openDatabase(tempPath());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['alias', 'claim', 'claim_role', 'entity', 'history', 'note', 'relation', 'source', 'span']));
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1").all() as { name: string }[];
    expect(strict.map((r) => r.name)).toEqual(expect.arrayContaining(['entity', 'alias', 'source', 'claim', 'claim_role', 'relation', 'span', 'note', 'history', 'page_store']));
    db.close();
  });

  it('every migration runs on an empty database and on one populated at the version before it', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const path = tempPath(`step-${i}.skein`);
      const db = new Database(path);
      if (i > 0) {
        const previous = MIGRATIONS[i - 1]!.version;
        migrate(db, path, MIGRATIONS.slice(0, i));
        const populate = POPULATE[previous];
        expect(populate, `tests need POPULATE[${previous}]`).toBeDefined();
        db.exec(populate!);
      }
      migrate(db, path, MIGRATIONS.slice(0, i + 1));
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[i]!.version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      if (i > 0) expect(db.prepare("SELECT name FROM entity WHERE uid = 'populated-1'").get()).toEqual({ name: 'Populated Person' });
      db.close();
    }
    // populated: a full investigation reopened (and so re-migrated) keeps every row
    const path = tempPath();
    const app = testApp(path);
    await seedLikeGraph(app);
    const before = app.store.db.prepare('SELECT count(*) AS n FROM claim').get();
    app.store.close();
    const reopened = new GraphStore(path);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM claim').get()).toEqual(before);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });

  it('upgrades a populated file in one transaction after a backup copy', async () => {
    const path = tempPath();
    const app = testApp(path);
    const { minister } = await seedLikeGraph(app);
    app.store.close();
    const next: Migration = { version: SCHEMA_VERSION + 10, name: 'test-column', up: "ALTER TABLE entity ADD COLUMN color TEXT NOT NULL DEFAULT 'none';" };
    const db = new Database(path);
    migrate(db, path, [...MIGRATIONS, next]);
    expect(db.pragma('user_version', { simple: true })).toBe(next.version);
    expect(db.prepare('SELECT name, color FROM entity WHERE id = ?').get(minister.id)).toEqual({ name: 'Marta Quell', color: 'none' });
    expect(existsSync(`${path}.backup-v${SCHEMA_VERSION}`)).toBe(true);
    db.close();
  });

  it('a failing migration changes nothing', async () => {
    const path = tempPath();
    const app = testApp(path);
    await seedLikeGraph(app);
    app.store.close();
    const broken: Migration[] = [
      { version: SCHEMA_VERSION + 10, name: 'ok', up: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' },
      { version: SCHEMA_VERSION + 20, name: 'bad', up: 'ALTER TABLE no_such_table ADD COLUMN x TEXT;' },
    ];
    const db = new Database(path);
    expect(() => migrate(db, path, [...MIGRATIONS, ...broken])).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).not.toContain('extra');
    db.close();
  });

  it('refuses a file written by a newer version, with a clear message', () => {
    const path = tempPath();
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 100}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/newer version of Skein/);
  });

  it('refuses files that are not Skein investigations', () => {
    const text = tempPath('notes.skein');
    writeFileSync(text, 'hello, this is not a database');
    expect(() => openDatabase(text)).toThrow(/not a Skein investigation/);
    const other = tempPath('other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    foreign.close();
    expect(() => openDatabase(other)).toThrow(/not a Skein investigation/);
    expect(() => openDatabase(join(tmpdir()))).toThrow(/folder/);
  });
});
