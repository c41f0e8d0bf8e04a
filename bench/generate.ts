// Fixed-seed bench investigation: builds the model (bench/model.ts) and bulk-loads it into
// bench/.cache/<params>.skein, reused by later runs. The load goes through the real migrations,
// without the history recorder, with secondary indexes and FTS sync triggers dropped during the
// inserts and rebuilt afterwards (sorted index builds and one FTS `rebuild` are much faster than
// row-by-row maintenance; the derived tables of migration 0030 are backfilled the same way).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphStore } from '../db/store';
import { MIGRATIONS } from '../db/migrations';
import { DERIVED_BACKFILL } from '../db/migrations/0030-ranked-adjacency';
import { BAND_BACKFILL } from '../db/migrations/0040-banded-adjacency';
import { SEARCH_BACKFILL } from '../db/migrations/0050-ranked-search';
import type { SqliteDb } from '../db/open';
import { clearPageStore } from '../db/queries/page-store';
import { WARM_LIMIT, warmPages } from '../db/queries/page-warm';
import { normalizeKey } from '../shared/text/normalize';
import { abbreviation, codename, toCyrillic } from './names';
import { buildModel, claimText, KINDS, PREDICATES, RELATION_KINDS, STANCES, type Model } from './model';
import { Rng } from './rng';
import { S2_LIMIT } from './s2-neighborhood';

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '.cache');
export const SEED = 20240502;

export interface LoadStats {
  entities: number; aliases: number; relations: number; claims: number; claimRoles: number; claimants: number;
  sources: number; spans: number; edgeRows: number;
  modelSeconds: number; insertSeconds: number; indexSeconds: number; ftsSeconds: number;
  /** the page store's warm-up (db/queries/page-warm.ts), part of the load */
  warmSeconds: number; loadSeconds: number;
  fileBytes: number; builtAt: string;
}

export interface Dataset { path: string; stats: LoadStats; cached: boolean }

/** The cache key: size, seed, generator version and a hash of the schema (a schema change rebuilds). */
export function datasetPath(n: number): string {
  const schema = createHash('sha256').update(MIGRATIONS.map((m) => m.up).join('\n')).digest('hex').slice(0, 8);
  return join(CACHE_DIR, `e${n}-s${SEED}-g2-${schema}.skein`);
}

/** Opens the cached investigation for `n` entities, generating it first when missing. */
export function ensureDataset(n: number, log: (line: string) => void = () => {}): Dataset {
  const path = datasetPath(n);
  const meta = `${path}.json`;
  const cachedSet = (): Dataset => ({ path, stats: JSON.parse(readFileSync(meta, 'utf8')) as LoadStats, cached: true });
  if (existsSync(path) && existsSync(meta)) return cachedSet();
  mkdirSync(CACHE_DIR, { recursive: true });
  // one builder per dataset: a second bench started meanwhile waits for the first one's file
  const lock = `${path}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    log(`waiting for another process to build ${path} (remove ${lock} if none is running)`);
    while (!(existsSync(path) && existsSync(meta))) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    return cachedSet();
  }
  try {
    const tmp = `${path}.tmp`;
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    const stats = generate(tmp, n, log);
    renameSync(tmp, path);
    writeFileSync(meta, JSON.stringify(stats, null, 2));
    return { path, stats, cached: false };
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function generate(path: string, n: number, log: (line: string) => void): LoadStats {
  let t = process.hrtime.bigint();
  const model = buildModel(n, SEED);
  const modelSeconds = seconds(t);
  log(`model: ${n} entities, ${model.relations} relations, ${model.claims} claims in ${modelSeconds.toFixed(1)} s`);
  const store = new GraphStore(path, { history: false, checkIntegrity: false });
  const db = store.db;
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -2000000');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('threads = 2'); // index builds sort on both cores
    const deferred = dropDeferrable(db);
    t = process.hrtime.bigint();
    const counts = insertAll(db, model, log);
    const insertSeconds = seconds(t);
    t = process.hrtime.bigint();
    for (const sql of deferred.indexes) db.exec(sql);
    const indexSeconds = seconds(t);
    t = process.hrtime.bigint();
    for (const fts of ['claim_fts', 'source_fts', 'source_title_fts', 'note_fts']) db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
    for (const fts of ['claim_fts', 'source_fts', 'source_title_fts']) db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('optimize')`);
    // the rank-ordered alias index and its word list (migration 0050), from the loaded aliases
    db.exec(SEARCH_BACKFILL);
    // hub lists and alleged pairs, set-at-a-time (the per-row triggers were dropped with the FTS ones)
    db.exec(DERIVED_BACKFILL);
    db.exec(BAND_BACKFILL); // banded adjacency (0040) reads the alleged pairs just filled
    for (const sql of deferred.triggers) db.exec(sql);
    const ftsSeconds = seconds(t);
    log(`inserts ${insertSeconds.toFixed(1)} s, indexes ${indexSeconds.toFixed(1)} s, FTS ${ftsSeconds.toFixed(1)} s`);
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // graph_touch did not see the load (its triggers were dropped): no stored page may predate it;
    // then the hubs' pages, at the UI's limit and at S2's, are stored as a batch import's end does
    t = process.hrtime.bigint();
    clearPageStore(db);
    const warmed = [WARM_LIMIT, S2_LIMIT].map((limit) => warmPages(db, { limit }));
    const warmSeconds = seconds(t);
    log(`page store warm-up (part of the load): ${warmed.reduce((sum, w) => sum + w.pages, 0)} pages in ${warmSeconds.toFixed(1)} s`);
    const edgeRows = counts.relations + counts.claimRoles + counts.claimants;
    return {
      entities: n, ...counts, edgeRows, modelSeconds, insertSeconds, indexSeconds, ftsSeconds, warmSeconds,
      loadSeconds: insertSeconds + indexSeconds + ftsSeconds + warmSeconds, fileBytes: 0, builtAt: new Date().toISOString(),
    };
  } finally {
    store.close();
  }
}

/** Drops secondary indexes and FTS sync triggers; returns their SQL to recreate after the load. */
function dropDeferrable(db: SqliteDb): { indexes: string[]; triggers: string[] } {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND
      ((type = 'index') OR (type = 'trigger' AND (name LIKE '%_fts_%' OR name LIKE 'derived_%')))`).all() as { type: string; name: string; sql: string }[];
  for (const row of rows) db.exec(`DROP ${row.type === 'index' ? 'INDEX' : 'TRIGGER'} ${row.name}`);
  return { indexes: rows.filter((r) => r.type === 'index').map((r) => r.sql), triggers: rows.filter((r) => r.type === 'trigger').map((r) => r.sql) };
}

const BASE_TIME = Date.UTC(2024, 4, 2);

function insertAll(db: SqliteDb, m: Model, log: (line: string) => void) {
  const rng = new Rng(SEED + 1);
  const entity = db.prepare(`INSERT INTO entity (id, uid, kind, name, importance, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'imported', ?, ?)`);
  const alias = db.prepare('INSERT OR IGNORE INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, ?, ?)');
  let aliases = 0;
  db.transaction(() => {
    for (let id = 1; id <= m.n; id++) {
      const name = m.names[id]!;
      const importance = m.degree[id]!;
      entity.run(id, rng.uid(), KINDS[m.kind[id]!]!, name, importance, BASE_TIME + id, BASE_TIME + id);
      aliases += alias.run(id, name, normalizeKey(name), 'name', importance).changes;
      const kind = KINDS[m.kind[id]!];
      if (kind === 'person' && rng.chance(0.15)) aliases += alias.run(id, toCyrillic(name), normalizeKey(toCyrillic(name)), 'transliteration', importance).changes;
      if (kind === 'person' && rng.chance(0.05)) {
        const code = codename(rng);
        aliases += alias.run(id, code, normalizeKey(code), 'codename', importance).changes;
      }
      if (kind === 'organization' && rng.chance(0.2)) aliases += alias.run(id, abbreviation(name), normalizeKey(abbreviation(name)), 'abbreviation', importance).changes;
    }
  })();
  log(`entities and ${aliases} aliases written`);

  const claim = db.prepare(`INSERT INTO claim (id, uid, text, claimant_id, claimant_label, stance, predicate, made_on, status, credibility,
      evidence_offered, responds_to, importance, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', ?, ?)`);
  const role = db.prepare('INSERT OR IGNORE INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)');
  const texts: string[] = [''];
  let claimRoles = 0;
  let claimants = 0;
  db.transaction(() => {
    for (let c = 1; c <= m.claims; c++) {
      const text = claimText(m, c);
      texts.push(text);
      const roles = (m.subject[c]! > 0 ? 1 : 0) + (m.object[c]! > 0 ? 1 : 0);
      const status = m.stance[c] === 1 ? 'disputed' : rng.pick(['unverified', 'unverified', 'corroborated', 'refuted'] as const);
      claim.run(c, rng.uid(), text, m.claimant[c]! || null, m.claimant[c]! ? null : 'reports say', STANCES[m.stance[c]!]!,
        PREDICATES[m.predicate[c]!]!, `20${10 + rng.int(15)}-0${1 + rng.int(9)}-1${rng.int(10)}`, status,
        rng.chance(0.6) ? 1 + rng.int(6) : null, rng.pick(['none', 'partial', 'documentary'] as const), m.respondsTo[c]! || null,
        roles + 1, BASE_TIME + c, BASE_TIME + c);
      if (m.claimant[c]! > 0) claimants += 1;
      if (m.subject[c]! > 0) claimRoles += role.run(c, m.subject[c]!, 'subject').changes;
      if (m.object[c]! > 0) claimRoles += role.run(c, m.object[c]!, 'object').changes;
    }
  })();
  log(`${m.claims} claims, ${claimRoles} roles written`);

  const relation = db.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, origin, created_at, updated_at) VALUES (?, ?, ?, ?, 'imported', ?, ?)`);
  for (let start = 0; start < m.relations; start += 500_000) {
    db.transaction(() => {
      for (let r = start; r < Math.min(m.relations, start + 500_000); r++) {
        relation.run(rng.uid(), RELATION_KINDS[m.relKind[r]!]!, m.relFrom[r]!, m.relTo[r]!, BASE_TIME + r, BASE_TIME + r);
      }
    })();
  }
  log(`${m.relations} relations written`);
  const { sources, spans } = insertSources(db, m, texts, rng);
  log(`${sources} sources, ${spans} spans written`);
  return { aliases, relations: m.relations, claims: m.claims, claimRoles, claimants, sources, spans };
}

/** Every third claim is quoted in a source; a source's text is the run of the claims it reports. */
function insertSources(db: SqliteDb, m: Model, texts: string[], rng: Rng): { sources: number; spans: number } {
  const count = Math.max(10, Math.round(m.n / 200));
  const perSource: number[][] = Array.from({ length: count }, () => []);
  for (let c = 3; c <= m.claims; c += 3) perSource[Math.floor(c / 3) % count]!.push(c);
  const source = db.prepare(`INSERT INTO source (id, uid, kind, title, publisher, url, published_at, retrieved_at, language, text, sha256,
      reliability, created_at, updated_at) VALUES (?, ?, 'article', ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?)`);
  const span = db.prepare('INSERT INTO span (source_id, start, end, exact, prefix, suffix, claim_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let spans = 0;
  db.transaction(() => {
    for (let s = 1; s <= count; s++) {
      const claims = perSource[s - 1]!;
      const offsets: number[] = [];
      let text = `Dispatch ${s}. `;
      for (const c of claims) {
        offsets.push(text.length);
        text += `${texts[c]} `;
      }
      const place = m.pools.placeNames[rng.int(m.pools.placeNames.length)]!;
      const sha = createHash('sha256').update(text).digest('hex');
      source.run(s, rng.uid(), `${place} dispatch ${s}`, rng.pick(['Baltic Wire', 'Evening Ledger', 'North Post', 'Radio Kestrel']),
        `https://example.org/dispatch/${s}`, `20${10 + rng.int(15)}-0${1 + rng.int(9)}-2${rng.int(8)}`, BASE_TIME, text, sha,
        rng.pick(['A', 'B', 'C', 'D', 'E', 'F', null]), BASE_TIME + s, BASE_TIME + s);
      claims.forEach((c, i) => {
        const start = offsets[i]!;
        const end = start + texts[c]!.length;
        span.run(s, start, end, texts[c]!, text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32), c);
        spans += 1;
      });
    }
  })();
  return { sources: count, spans };
}

export function fileSize(path: string): number {
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}
