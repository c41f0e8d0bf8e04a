// S6 input: fixed-seed, news-like articles (~300–800 words) written around the bench's synthetic
// names — people and organisations drawn from the 1M investigation (so resolution links to existing
// entities, hubs included) mixed with new people from the same name pools (so the import also
// creates entities). Each article has a dateline, attributions ("said", "according to", denials,
// "reports suggest"), stated relations ("who served in …") and quoted remarks, as issue 3 expects.
import { entityName, namePools, type NamePools } from './names';
import { Rng } from './rng';

export interface Cast { people: string[]; orgs: string[]; places: string[] }

const VERBS = ['met with', 'paid', 'worked for', 'was recruited by', 'financed', 'advised', 'owned shares in'];
const OUTLETS = ['Baltic Wire', 'Evening Ledger', 'North Post', 'Radio Kestrel'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FILLER = [
  'Officials declined to comment on the record.',
  'The documents could not be independently verified.',
  'The matter has drawn attention from lawmakers in several countries.',
  'Analysts said the timing of the disclosure was unlikely to be a coincidence.',
  'A spokesperson promised a fuller statement later in the week.',
  'Records reviewed by reporters show a series of transfers over several years.',
  'The ministry has opened a preliminary inquiry, according to people familiar with the matter.',
  'Neither side has produced concrete evidence so far.',
];

/** One article: ~300–800 words of paragraphs about 3–6 people and 2–3 organisations. */
export function article(rng: Rng, pools: NamePools, cast: Cast, index: number): string {
  const pick = <T>(list: readonly T[]) => list[rng.int(list.length)]!;
  const person = () => (rng.chance(0.7) ? pick(cast.people) : entityName(rng, pools, 'person'));
  const people = Array.from({ length: 3 + rng.int(4) }, person);
  const orgs = Array.from({ length: 2 + rng.int(2) }, () => pick(cast.orgs));
  const place = pick(cast.places);
  const year = 1985 + rng.int(38);
  const date = `20${String(15 + rng.int(10))}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
  const target = 300 + rng.int(500);
  const surname = (name: string) => name.split(' ').slice(-1)[0]!;
  const [a, b, c] = [people[0]!, people[1]!, people[2]!];
  const lines: string[] = [`Title: ${surname(a)} and ${orgs[0]} (report ${index})`, `date ${date}`, ''];
  lines.push(`${place.toUpperCase()} — ${a}, who served in the ${orgs[0]} until ${year}, alleged on Tuesday that ${b} ${pick(VERBS)} ${orgs[1]} in ${year}.`);
  lines.push(`${b} denied the claim, dismissing it as "fake news" in a statement to ${pick(OUTLETS)}.`);
  let words = lines.join(' ').split(/\s+/).length;
  while (words < target) {
    const x = pick(people);
    const y = pick(people);
    const o = pick(orgs);
    const sentences = [
      `According to ${x}, ${y === x ? c : y} ${pick(VERBS)} ${o} in ${1985 + rng.int(38)}.`,
      `${x} told reporters that ${surname(y === x ? c : y)} had ${pick(['met', 'spoken', 'dined'])} with officials of ${o} in ${place} in ${pick(MONTHS)} ${1990 + rng.int(33)}.`,
      `"We never had any dealings with ${o}," ${surname(x)} said.`,
      `Reports suggest that ${y} ${pick(VERBS)} ${o}.`,
      `It remains unclear whether ${x} knew about the payments.`,
      pick(FILLER),
      pick(FILLER),
    ];
    const paragraph = Array.from({ length: 3 + rng.int(3) }, () => pick(sentences)).join(' ');
    lines.push('', paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return `${lines.join('\n')}\n`;
}

/** `count` articles from a fixed seed. */
export function articles(count: number, cast: Cast, seed = 6006): string[] {
  const rng = new Rng(seed);
  const pools = namePools(new Rng(seed + 1));
  return Array.from({ length: count }, (_, i) => article(rng, pools, cast, i + 1));
}
