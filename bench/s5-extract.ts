// S5: a 1,000-word article extracted in ≤ 150 ms median. Generates its own fixed-seed article
// (names, bodies, places, attributions, quotes, denials) so it needs nothing outside the repo.
// Run alone with `npx tsx bench/s5-extract.ts`, or call benchExtraction() from the bench runner.
import { extractArticle } from '../shared/extract/index';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Mira', 'Tomas', 'Ilkka', 'Dora', 'Pavel', 'Greta', 'Amos', 'Lidia', 'Oren', 'Selma', 'Kasper', 'Noor'];
const LAST = ['Vantala', 'Brezhko', 'Okonkwo', 'Lindqvist', 'Harrow', 'Mesaros', 'Quill', 'Dravik', 'Ostrander', 'Pellew'];
const ORGS = ['Kestrel Freight Holdings', 'Northmarch Capital', 'the Ministry of Ports', 'Amber Line Shipping Ltd', 'the Coastal Audit Agency', 'Fernhill Bank'];
const PLACES = ['Gdansk', 'Rotterdam', 'Tallinn', 'Oslo', 'Vienna', 'Limassol'];
const VERBS = ['said', 'alleged', 'told reporters', 'claimed', 'wrote in a statement'];
const FILLER = 'the contract was signed after a long negotiation over fees and the harbour schedule for the coming season while auditors reviewed the accounts';

export function generateArticle(words = 1000, seed = 5): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = ['date 2024-05-06'];
  let count = 0;
  while (count < words) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const kind = Math.floor(r() * 5);
    let s: string;
    if (kind === 0) s = `${person}, a former director of ${pick(ORGS)}, ${pick(VERBS)} that ${pick(ORGS)} paid ${pick(FIRST)} ${pick(LAST)} in ${1980 + Math.floor(r() * 40)} through an account in ${pick(PLACES)}.`;
    else if (kind === 1) s = `${person.split(' ')[1]} denied the claim and dismissed it as “fake news”.`;
    else if (kind === 2) s = `According to ${pick(ORGS)}, ${FILLER.split(' ').slice(0, 8 + Math.floor(r() * 12)).join(' ')} in ${pick(PLACES)}.`;
    else if (kind === 3) s = `Reports suggest that ${person} met officials of ${pick(ORGS)} in ${pick(PLACES)}, but it remains unclear whether any money changed hands.`;
    else s = `${FILLER.charAt(0).toUpperCase()}${FILLER.slice(1, 40 + Math.floor(r() * 80))}.`;
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return out.join(' ');
}

export async function benchExtraction(runs = 40): Promise<{ id: 'S5'; p50: number; p95: number; max: number; words: number }> {
  const text = generateArticle();
  const words = text.split(/\s+/).length;
  for (let i = 0; i < 5; i++) extractArticle(text); // warm-up: libraries load lazily on first use
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    extractArticle(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { id: 'S5', p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, words };
}

const isMain = process.argv[1] && /s5-extract\.ts$/.test(process.argv[1]);
if (isMain) {
  benchExtraction().then((r) => {
    console.log(`S5 extraction of a ${r.words}-word article: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (budget: median ≤ 150 ms)`);
  });
}
