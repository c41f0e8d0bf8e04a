// `npm run eval`: measures the offline extractor with the corpus scorers in ../shared/corpus —
// score-claims on the 14 dev articles and on the seed article, eval-ner on wikigold — and prints
// one table. The scorers load shared/extract/eval-format.ts as an `--extractor` module through
// tsx's loader (one process per run, not one per document).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');
const CORPUS = join(SHARED, 'corpus');
const ADAPTER = join(ROOT, 'shared', 'extract', 'eval-format.ts');

if (!existsSync(join(CORPUS, 'score-claims.mjs'))) {
  console.error(`npm run eval needs the development corpus at ${CORPUS} (a folder "shared" next to the repository).\nIt is not there, so there is nothing to measure.`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'skein-eval-'));
function run(label, script, args) {
  const out = join(tmp, `${label}.json`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(CORPUS, script), ...args, '--json', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0 || !existsSync(out)) {
    console.error(`${label}: ${script} failed (exit ${r.status})\n${r.stdout?.slice(-2000) ?? ''}\n${r.stderr?.slice(-2000) ?? ''}`);
    return null;
  }
  if (process.argv.includes('--verbose')) console.log(r.stdout);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  return Array.isArray(json) ? { results: json, seconds } : { ...json, seconds };
}

const pct = (x) => (x == null || Number.isNaN(x) ? '   —' : (100 * x).toFixed(1).padStart(5));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const dev = !only || only.includes('dev') ? run('dev', 'score-claims.mjs', ['--extractor', ADAPTER, ...(process.argv.includes('--verbose') ? ['--verbose'] : [])]) : null;
const seed = !only || only.includes('seed') ? run('seed', 'score-claims.mjs', ['--extractor', ADAPTER, '--gold', join(SHARED, 'seed')]) : null;
const ner = !only || only.includes('ner') ? run('ner', 'eval-ner.mjs', ['--extractor', ADAPTER, '--jobs', '2']) : null;
rmSync(tmp, { recursive: true, force: true });

const rows = [];
for (const [name, r] of [['dev (14 articles)', dev], ['seed', seed]]) {
  if (!r) continue;
  const e = r.entities ?? r.ent ?? {};
  const c = r.claims ?? {};
  const alias = e.aliasLinkRecall;
  rows.push([name, pct(e.all?.f1), pct(e.pooled?.f1), pct(c.recall), pct(c.strictRecall), pct(c.stanceAccuracyOnMatched), pct(c.claimantOnlyRecall), alias ? `${alias.linked}/${alias.hard}` : '—', `${r.seconds}s`]);
}
console.log('\nscore-claims');
console.log(['set', 'entity F1', 'pooled F1', 'claim recall', 'strict', 'stance acc', 'claimant-only', 'alias links', 'time'].join(' | '));
for (const row of rows) console.log(row.join(' | '));
if (ner) {
  const res = ner.results?.[0] ?? ner;
  const m = res.overall ?? {};
  const t = res.perType ?? res.byType ?? {};
  console.log('\neval-ner (wikigold, exact span)');
  console.log(`micro F1 ${pct(m.f1)} (P ${pct(m.precision)} / R ${pct(m.recall)}); PER ${pct(t.PER?.f1)}, ORG ${pct(t.ORG?.f1)}, LOC ${pct(t.LOC?.f1)}; ${ner.seconds}s`);
}
