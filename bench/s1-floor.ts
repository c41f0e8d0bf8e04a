// What the bare graph of the S1 dataset costs in SQLite, as a yardstick for S1's file budget:
// entity (id, kind, name, importance), relation (id, kind, from, to) with an index on each end,
// claim roles (subject/object) with their entity index, and FTS5 over the names (prefix indexes,
// no positions). Nothing else: no claim or source text, aliases, spans, provenance, timestamps,
// uids or ranked-adjacency lists, all of which SPEC §2 and the product need.
// Run: npx tsx bench/s1-floor.ts [--entities N]
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildModel } from './model';
import { SEED } from './generate';

const { values } = parseArgs({ options: { entities: { type: 'string', default: '1000000' } } });
const n = Number(values.entities);
if (!Number.isInteger(n) || n < 1000) throw new Error('--entities must be an integer ≥ 1000');
const m = buildModel(n, SEED);
const path = join(tmpdir(), `skein-s1-floor-${process.pid}.db`);
const db = new Database(path);
try {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec(`CREATE TABLE entity (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, importance INTEGER NOT NULL) STRICT;
    CREATE TABLE relation (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, from_id INTEGER NOT NULL, to_id INTEGER NOT NULL) STRICT;
    CREATE TABLE claim_role (claim_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, role INTEGER NOT NULL,
      PRIMARY KEY (claim_id, entity_id, role)) STRICT, WITHOUT ROWID;`);
  const t0 = process.hrtime.bigint();
  const entity = db.prepare('INSERT INTO entity VALUES (?, ?, ?, ?)');
  const relation = db.prepare('INSERT INTO relation (kind, from_id, to_id) VALUES (?, ?, ?)');
  const role = db.prepare('INSERT OR IGNORE INTO claim_role VALUES (?, ?, ?)');
  let edgeRows = 0;
  db.transaction(() => {
    for (let i = 1; i <= n; i++) entity.run(i, m.kind[i], m.names[i], m.degree[i]);
    for (let r = 0; r < m.relations; r++) edgeRows += relation.run(m.relKind[r], m.relFrom[r], m.relTo[r]).changes;
    for (let c = 1; c <= m.claims; c++) {
      if (m.subject[c]) edgeRows += role.run(c, m.subject[c], 0).changes;
      if (m.object[c]) edgeRows += role.run(c, m.object[c], 1).changes;
    }
  })();
  const t1 = process.hrtime.bigint();
  db.exec(`CREATE INDEX relation_from ON relation(from_id, to_id);
    CREATE INDEX relation_to ON relation(to_id, from_id);
    CREATE INDEX claim_role_entity ON claim_role(entity_id, claim_id);
    CREATE VIRTUAL TABLE name_fts USING fts5(name, content='entity', content_rowid='id', prefix='2 3', detail=none, columnsize=0);
    INSERT INTO name_fts(name_fts) VALUES ('rebuild');`);
  const t2 = process.hrtime.bigint();
  db.close();
  const s = (a: bigint, b: bigint) => Number(b - a) / 1e9;
  const mib = statSync(path).size / 2 ** 20;
  console.log(`bare graph: ${n.toLocaleString('en')} entities, ${edgeRows.toLocaleString('en')} edge rows (relations + claim roles)`);
  console.log(`file ${mib.toFixed(0)} MiB (${(mib / (n / 1e6)).toFixed(0)} MiB per 1M entities); inserts ${s(t0, t1).toFixed(1)} s, indexes + FTS ${s(t1, t2).toFixed(1)} s, ` +
    `${Math.round(edgeRows / s(t0, t2)).toLocaleString('en')} edge rows/s over the whole load`);
} finally {
  if (db.open) db.close();
  rmSync(path, { force: true });
}
