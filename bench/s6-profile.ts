// S6 profile (not part of `npm run bench`): imports N generated articles into a copy of the cached
// 1M investigation one at a time, in this thread, and prints where the time goes per article:
// reading, the gazetteer, extraction, every SQL statement of the commit (by statement text), the
// history capture and the COMMIT itself, plus WAL size.
// `npx tsx bench/s6-profile.ts [--entities 1000000] [--articles 100] [--checkpoint PAGES] [--from FILE] [--keep]`
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CommitArgsSchema } from '../shared/api/import';
import { extractArticle } from '../shared/extract';
import { commitImport } from '../db/import/commit';
import { knownEntitiesIn } from '../db/import/gazetteer';
import { GraphStore } from '../db/store';
import { previewImport } from '../electron/import/pipeline';
import { CACHE_DIR, datasetPath } from './generate';
import { now } from './report';
import { articles } from './s6-articles';
import { castOf } from './s6-batch';

const { values } = parseArgs({ options: { entities: { type: 'string', default: '1000000' }, articles: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false }, from: { type: 'string' }, checkpoint: { type: 'string' } } });
const entities = Number(values.entities);
const count = Number(values.articles);
const source = values.from ?? datasetPath(entities);
if (!existsSync(source)) throw new Error(`no cached dataset at ${source}: run the bench once`);

const copy = join(CACHE_DIR, 's6-profile.skein');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
copyFileSync(source, copy);

const texts = articles(count, castOf(copy, entities));
const dir = mkdtempSync(join(tmpdir(), 'skein-s6p-'));
texts.forEach((t, i) => writeFileSync(join(dir, `a${i}.txt`), t));

const store = new GraphStore(copy, { checkIntegrity: false });
if (values.checkpoint !== undefined) store.db.pragma(`wal_autocheckpoint = ${Number(values.checkpoint)}`);
const totals = new Map<string, { ms: number; n: number }>();
const add = (key: string, ms: number) => {
  const t = totals.get(key) ?? { ms: 0, n: 0 };
  t.ms += ms;
  t.n += 1;
  totals.set(key, t);
};

// every statement's run/get/all/iterate timed by its SQL text
const probe = store.db.prepare('SELECT 1');
const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['run', 'get', 'all']) {
  const original = proto[method]!;
  proto[method] = function (this: { source: string }, ...args: unknown[]) {
    const start = now();
    try {
      return original.apply(this, args);
    } finally {
      add(`sql ${this.source.replace(/\s+/g, ' ').trim().slice(0, 90)}`, now() - start);
    }
  };
}
let inCommit = false;
const rawPrepare = store.db.prepare.bind(store.db);
(store.db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
  const start = now();
  const statement = rawPrepare(sql);
  if (inCommit) add(`prepare ${sql.replace(/\s+/g, ' ').trim().slice(0, 80)}`, now() - start);
  return statement;
};

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const sys0 = process.cpuUsage().system;
const wal = () => (existsSync(`${copy}-wal`) ? statSync(`${copy}-wal`).size / 2 ** 20 : 0);
const startAll = now();
const startCpu = cpu();
for (let i = 0; i < count; i++) {
  const path = join(dir, `a${i}.txt`);
  let t = now();
  const proposal = await previewImport(store, { path }, {
    extract: async (body, options) => {
      add('phase preview: read + gazetteer', now() - t);
      const s = now();
      const out = extractArticle(body, options);
      add('phase extraction (in thread)', now() - s);
      t = now();
      return out;
    },
  });
  add('phase preview: after extraction', now() - t);
  const args = CommitArgsSchema.parse({ proposal });
  inCommit = true;
  t = now();
  commitImport(store, args);
  inCommit = false;
  add('phase commit (whole write)', now() - t);
  if ((i + 1) % 25 === 0) console.log(`${i + 1}/${count} ${((now() - startAll) / 1000).toFixed(1)} s, WAL ${wal().toFixed(1)} MiB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}
const wall = now() - startAll;
console.log('wal_checkpoint(PASSIVE) busy/log/checkpointed', JSON.stringify(store.db.pragma('wal_checkpoint(PASSIVE)')));
console.log(`\n${count} articles: wall ${(wall / 1000).toFixed(1)} s, CPU ${((cpu() - startCpu) / 1000).toFixed(1)} s (system ${((process.cpuUsage().system - sys0) / 1e6).toFixed(1)} s); per article:`);
const rows = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms);
for (const [key, { ms, n }] of rows.slice(0, 45)) {
  console.log(`${(ms / count).toFixed(2).padStart(8)} ms/article ${String(n).padStart(7)} calls  ${key}`);
}
const known = store.read((db) => knownEntitiesIn(db, texts[0]!));
console.log(`known entities for article 1: ${known.length}`);
const h = store.db.prepare('SELECT count(*) AS n, sum(length(changes)) AS bytes FROM history').get() as { n: number; bytes: number };
console.log(`history: ${h.n} entries, ${(h.bytes / 2 ** 20).toFixed(1)} MiB`);
store.close();
rmSync(dir, { recursive: true, force: true });
// --keep leaves the copy for a look at its history
if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
// a copy of an older dataset was migrated on open, which leaves a backup beside it
for (const name of readdirSync(CACHE_DIR)) if (name.startsWith('s6-profile.skein.backup-')) rmSync(join(CACHE_DIR, name), { force: true });
