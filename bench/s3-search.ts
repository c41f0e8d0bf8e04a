// S3: typeahead through the API router: every prefix (1–20 letters) of randomly drawn aliases, as
// an analyst types them, typed results ranked by the stored importance.
import type { Router } from '../electron/router';
import type { SqliteDb } from '../db/open';
import type { SearchHit } from '../shared/api/contract';
import { Rng } from './rng';
import { latencyRow, now, type Row } from './report';

export interface S3Options { runs: number }

interface Call { ms: number; hits: number; length: number }

export async function benchSearch(router: Router, db: SqliteDb, options: S3Options): Promise<Row[]> {
  const rng = new Rng(11);
  const maxId = (db.prepare('SELECT max(id) AS n FROM alias').get() as { n: number }).n;
  const byId = db.prepare('SELECT name FROM alias WHERE id = ?');
  const words = Math.max(5, Math.round(options.runs / 10));
  const queries: string[] = [];
  for (let i = 0; i < words; i++) {
    const row = byId.get(1 + rng.int(maxId)) as { name: string } | undefined;
    if (!row) continue;
    // typed from the start of the alias, or from its second word (surname first)
    const words = row.name.split(' ');
    const text = words.length > 1 && rng.chance(0.4) ? words.slice(1).join(' ') : row.name;
    for (let length = 1; length <= Math.min(20, text.length); length++) queries.push(text.slice(0, length));
  }
  for (const q of queries.slice(0, 20)) await router.call('search.query', { q, limit: 20 });
  const calls: Call[] = [];
  for (const q of queries) {
    const start = now();
    const result = (await router.call('search.query', { q, limit: 20 })) as { hits: SearchHit[] };
    calls.push({ ms: now() - start, hits: result.hits.length, length: q.length });
  }
  const band = (lo: number, hi: number) => calls.filter((c) => c.length >= lo && c.length <= hi);
  const size = (cs: Call[]) => `hits avg ${(cs.reduce((a, c) => a + c.hits, 0) / Math.max(1, cs.length)).toFixed(1)} (limit 20)`;
  return [
    latencyRow('S3', 'search, 1–2 letters', band(1, 2).map((c) => c.ms), size(band(1, 2)), {}),
    latencyRow('S3', 'search, 3–5 letters', band(3, 5).map((c) => c.ms), size(band(3, 5)), {}),
    latencyRow('S3', 'search, 6–20 letters', band(6, 20).map((c) => c.ms), size(band(6, 20)), {}),
    latencyRow('S3', 'typeahead search, all prefixes 1–20 letters', calls.map((c) => c.ms), size(calls), { p50: 2, p95: 10 }),
  ];
}
