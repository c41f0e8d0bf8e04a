// Typeahead reads its matches best first from the rank-keyed index (migration 0050): whatever the
// prefix (one letter matching most aliases, a long rare word, several words, another script, a
// prefix of more words than it expands to), the hits are exactly the top `limit` entities that a
// brute-force ranking of every alias gives, and they stay so while aliases, importances and
// merges change. A file migrated with data gets the same answers as one built from scratch.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../../db/open';
import { migrate } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations';
import { MAX_BUCKET } from '../../../db/migrations/0050-ranked-search';
import { GraphStore } from '../../../db/store';
import { addAliasRow, createEntity, refreshImportance, removeAlias } from '../../../db/queries/entities';
import { createSource } from '../../../db/queries/sources';
import { compareBinary, MAX_TERMS, search, searchClaims, searchEntities, searchSources } from '../../../db/queries/search';
import { normalizeKey } from '../../../shared/text/normalize';
import type { SearchHit } from '../../../shared/api/contract';

let store: GraphStore;
let db: SqliteDb;

beforeEach(() => {
  store = new GraphStore(':memory:', { history: false });
  db = store.db;
});
afterEach(() => store.close());

/** Seeded LCG: the same investigation every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const SYLLABLES = ['ka', 'kra', 'zo', 'sno', 'ab', 'el', 'mi', 'ra', 'ti', 'ol', 'ur', 'be', 'sto', 'vi'];

/** Every alias ranked by brute force: all query words start a word of the key, importance, key, id. */
type AliasRow = { id: number; entity_id: number; alias: string; norm: string; importance: number; name: string; kind: string; ei: number };
const aliasRows = () => db.prepare(`SELECT a.id, a.entity_id, a.name AS alias, a.norm, a.importance, e.name, e.kind, e.importance AS ei
    FROM alias a JOIN entity e ON e.id = a.entity_id WHERE e.merged_into IS NULL`).all() as AliasRow[];

function bruteForce(q: string, limit: number, rows = aliasRows()): SearchHit[] {
  const words = normalizeKey(q).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const matching = rows
    .filter((r) => words.every((w) => r.norm.split(' ').some((k) => k.startsWith(w))))
    .sort((a, b) => b.importance - a.importance || compareBinary(a.norm, b.norm) || a.id - b.id);
  const hits = new Map<number, SearchHit>();
  for (const r of matching) {
    if (hits.has(r.entity_id) || hits.size >= limit) continue;
    hits.set(r.entity_id, { nodeId: `e:${r.entity_id}`, type: 'entity', kind: r.kind, label: r.name, match: r.alias === r.name ? null : r.alias, importance: r.ei });
  }
  return [...hits.values()];
}

function setImportance(entityId: number, importance: number): void {
  db.prepare('UPDATE entity SET importance = ? WHERE id = ?').run(importance, entityId);
  db.prepare('UPDATE alias SET importance = ? WHERE entity_id = ?').run(importance, entityId);
}

/** ~2,000 people with names from a few syllables (dense one- and two-letter prefixes, rare long words), many importance ties. */
function populate(seed: number): number[] {
  const r = rng(seed);
  const word = () => Array.from({ length: 1 + r.int(3) }, () => r.pick(SYLLABLES)).join('');
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) {
      const name = Array.from({ length: 1 + r.int(3) }, word).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
      const aliases = r.next() < 0.3 ? [{ name: `${word()} ${word()}`, kind: 'alias' as const }] : [];
      const id = createEntity(db, { kind: r.next() < 0.5 ? 'person' : 'organization', name, aliases }).id;
      // integer importances with many ties, some fractions (same bucket, other order), a few out of the bucket range
      const importance = r.next() < 0.05 ? r.pick([-3, 0.25, MAX_BUCKET + 5, 1e12]) : r.int(30) + (r.next() < 0.2 ? 0.5 : 0);
      setImportance(id, importance);
      ids.push(id);
    }
    // a prefix of more words than a query expands to, another script, and merged entities
    for (let i = 0; i < MAX_TERMS + 20; i++) ids.push(createEntity(db, { kind: 'person', name: `Stovar${i.toString(36)}x Ka` }).id);
    for (const name of ['東京都庁', '東京大学 Ka', '東京', 'Ölof Kra']) ids.push(createEntity(db, { kind: 'organization', name }).id);
    for (let i = 0; i < 40; i++) db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?').run(ids[0], ids[1 + r.int(1999)]);
  })();
  return ids;
}

const QUERIES = ['k', 'ka', 'kra', 'z', 'sto', 'stov', 'stovar', 'stovar1', 'abka', 'kazo', 'elmira', 'Ka Ab', 'ab k', 'k a z',
  'mikraolur', 'krasno', 'xq', 'xylophone', '東', '東京', '東京都庁', '東京大 ka', 'olof', 'Ölof', 'vi be ti', 'snoel ur'];

function expectBruteForce(): void {
  const rows = aliasRows();
  for (const q of QUERIES) {
    for (const limit of [1, 5, 20, 100]) expect(searchEntities(db, q, limit), `${q} (limit ${limit})`).toEqual(bruteForce(q, limit, rows));
  }
}

/** The word list is exactly the words of the keys, each with the number of aliases that have it. */
function expectWordList(): void {
  const words = new Map<string, number>();
  for (const { norm } of db.prepare('SELECT norm FROM alias').all() as { norm: string }[]) {
    for (const w of new Set(norm.split(' '))) words.set(w, (words.get(w) ?? 0) + 1);
  }
  const terms = db.prepare('SELECT term, n FROM alias_term ORDER BY term').all() as { term: string; n: number }[];
  expect(new Map(terms.map((t) => [t.term, t.n]))).toEqual(words);
}

describe('ranked typeahead', () => {
  it('gives exactly the brute-force top entities for dense, sparse, multi-word and other-script prefixes', () => {
    populate(7);
    expect(bruteForce('k', 20)).toHaveLength(20);
    expect(bruteForce('stovar1', 100).length).toBeGreaterThan(0);
    expect(bruteForce('xylophone', 5)).toEqual([]);
    expectBruteForce();
  });

  it('stays exact as aliases, importances, merges and keys change (the triggers keep both structures)', () => {
    const ids = populate(11);
    const r = rng(3);
    db.transaction(() => {
      for (let i = 0; i < 300; i++) setImportance(r.pick(ids), r.int(40));
      for (let i = 0; i < 100; i++) addAliasRow(db, r.pick(ids), `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)} ${r.pick(SYLLABLES)}`, 'alias');
      const extra = db.prepare("SELECT id FROM alias WHERE kind = 'alias' ORDER BY id").all() as { id: number }[];
      for (const { id } of extra.slice(0, 60)) removeAlias(db, id);
      for (const { id } of extra.slice(60, 90)) db.prepare("UPDATE alias SET norm = norm || ' kazo', importance = importance + 0.5 WHERE id = ?").run(id);
      for (let i = 0; i < 20; i++) db.prepare('UPDATE entity SET merged_into = NULL WHERE id = ?').run(r.pick(ids));
      db.prepare('DELETE FROM entity WHERE id IN (SELECT id FROM entity ORDER BY importance DESC LIMIT 10)').run();
    })();
    refreshImportance(db, ids.slice(0, 50));
    expectBruteForce();
    expectWordList();
  });

  it('refuses an alias id the rank key cannot hold, and changes nothing', () => {
    const id = createEntity(db, { kind: 'person', name: 'Big Id' }).id;
    const insert = db.prepare("INSERT INTO alias (id, entity_id, name, norm, kind) VALUES (?, ?, 'Huge', 'huge', 'alias')");
    expect(() => insert.run(2 ** 40, id)).toThrow(/too large for the search index/);
    expect(db.prepare("SELECT count(*) AS n FROM alias WHERE norm = 'huge'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM alias_term WHERE term = 'huge'").get()).toEqual({ n: 0 });
  });

  it('a file migrated with aliases in it answers like one built from scratch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-search-'));
    const path = join(dir, 'old.skein');
    const raw = new Database(path);
    migrate(raw, path, MIGRATIONS.filter((m) => m.version < 50));
    const r = rng(5);
    const entity = raw.prepare("INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, ?, 0, 0)");
    const alias = raw.prepare("INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, 'name', ?)");
    const claim = raw.prepare("INSERT INTO claim (uid, text, stance, created_at, updated_at) VALUES (?, ?, 'asserts', 0, 0)");
    raw.transaction(() => {
      for (let i = 0; i < 500; i++) {
        const name = `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)} ${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}`;
        const importance = r.int(10);
        const id = Number(entity.run(`old-${i}`, name, importance).lastInsertRowid);
        alias.run(id, name, normalizeKey(name), importance);
        claim.run(`old-c${i}`, `${name} says something`);
      }
    })();
    raw.close();
    store.close();
    store = new GraphStore(path, { history: false });
    db = store.db;
    const check = () => {
      for (const q of ['k', 'ka', 'kra zo', 'sto', 'abkaz', 'mi ti']) {
        for (const limit of [3, 20]) expect(searchEntities(db, q, limit), q).toEqual(bruteForce(q, limit));
      }
      expectWordList();
    };
    check();
    // the backfilled rows are maintained like the ones the triggers wrote
    db.prepare('DELETE FROM alias WHERE id % 3 = 0').run();
    db.prepare('UPDATE alias SET importance = importance + 7 WHERE id % 3 = 1').run();
    check();
    expect(searchClaims(db, 'k', 5)).toHaveLength(5);
  });
});

describe('claims and sources', () => {
  it('match one-letter and longer prefixes, and sources by their title only', () => {
    createEntity(db, { kind: 'person', name: 'Zagria Stiazemin' });
    const claim = db.prepare("INSERT INTO claim (uid, text, stance, created_at, updated_at) VALUES (?, ?, 'asserts', 0, 0)");
    claim.run('c1', 'Zagria Stiazemin met the minister.');
    claim.run('c2', 'Nobody else was there.');
    const hit = createSource(db, { kind: 'article', title: 'Stiazemin in Zagria', text: 'Nothing about the title.' });
    createSource(db, { kind: 'article', title: 'Unrelated', text: 'Zagria Stiazemin is only in the text.' });
    expect(searchClaims(db, 'zagria s', 20).map((h) => h.label)).toEqual(['Zagria Stiazemin met the minister.']);
    expect(searchClaims(db, 'zagria n', 20)).toEqual([]);
    expect(searchSources(db, 'zagria s', 20).map((h) => h.nodeId)).toEqual([`s:${hit.id}`]);
    expect(searchSources(db, 'nothing', 20)).toEqual([]);
    const all = search(db, 'zagria st', 20).map((h) => h.type);
    expect(all).toEqual(['entity', 'claim', 'source']);
  });
});
