// Name spans: runs of capitalised words (with "of", "de", "&" … inside), cleaned of leading
// function words, titles and demonyms. The run finder is ours; the libraries only vote on whether
// a sentence's first word is a name. Typing happens in typing.ts.
import type { EntityKind, TextRange } from './types-local';
import { MONTHS, NAME_CONNECTORS, NOT_NAMES, PERSON_TITLES, ORG_HEADS, WEEKDAYS } from './lexicon';
import { lexClass } from './nlp';
import { initials } from './aliases';
import { isAcronym, isCapitalised, isCyrillic, isOrdinal, type Token } from './tokens';

export interface RawMention extends TextRange {
  text: string;
  /** token indexes [first, last] of the name itself */
  first: number;
  last: number;
  sentence: number;
  /** a title word stood before the name ("President", "Mr") */
  titled: string | null;
  /** demonym that stood before the name ("Russian President …") */
  demonym: string | null;
  heading: boolean;
  kind: EntityKind | null;
  /** set by the gazetteer pass */
  knownId?: number;
}

const CORPORATE_SUFFIXES = /^(?:plc|ltd|llc|llp|inc|gmbh|spa|srl|sarl|eood)\.?$/;
const startsName = (w: string) => isCapitalised(w) || (isCyrillic(w) && /^\p{Lu}/u.test(w));

/** True when a sentence reads like a heading: no final punctuation and mostly capitalised words. */
export function isHeading(text: string, range: TextRange): boolean {
  const s = text.slice(range.start, range.end);
  if (/[.!?]["”’)]?$/.test(s) && !/^[^a-z]*$/.test(s)) return false;
  const words = s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > 14) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.6;
}

export function findNameRuns(text: string, tokens: readonly Token[], sentenceStarts: ReadonlySet<number>, propn: ReadonlySet<number>, headings: ReadonlySet<number>): RawMention[] {
  const out: RawMention[] = [];
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  // words the text also writes in lower case, and words it capitalises mid-sentence: a sentence's
  // first word that is only ever lower case elsewhere ("Intelligence reports …") is no name
  const lowerWords = new Set<string>();
  const midCaps = new Set<string>();
  for (const t of tokens) {
    if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
    else if (!sentenceStarts.has(t.start) && !headings.has(t.sentence)) midCaps.add(t.text.toLowerCase());
  }
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const ordinalStart = isOrdinal(t.text) && tokens[i + 1] && startsName(tokens[i + 1]!.text) && gap(t, tokens[i + 1]!) === ' ';
    if (!startsName(t.text) && !ordinalStart) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      const g = gap(tokens[j]!, next);
      // a middle initial or "St." the sentence splitter took for a full stop: "Mara J. Quill"
      if (g === '. ' && /^(?:\p{Lu}|St|Mt|Ft)$/u.test(tokens[j]!.text) && startsName(next.text) && lexClass(next.text) !== 'common' && (j > i || tokens[j]!.text.length > 1)) {
        j++;
        continue;
      }
      if (next.sentence !== t.sentence) break;
      if ((g === ' ' || g === ' & ') && startsName(next.text)) {
        // (a possessive leaves "’s " in the gap, so "Trump’s Russia" stays two names;
        // "Pruitt Hauling & Recycling" is one)
        j++;
        continue;
      }
      // "European Public Prosecutor's Office": a possessive inside a body's name
      if (/^['’]s $/.test(g) && j > i && startsName(next.text) && ORG_HEADS.has(next.text.toLowerCase()) && !ORG_HEADS.has(tokens[j]!.text.toLowerCase()) && lexClass(tokens[j]!.text) !== 'place') {
        // (but "East Germany's Ministry …" is a place's body, two names)
        j++;
        continue;
      }
      // connectors: "Bank of England", "6th Directorate of the KGB"
      const lower = next.text.toLowerCase();
      if (g === ' ' && NAME_CONNECTORS.has(lower) && lower === next.text && lower !== 'and') {
        let k = j + 2;
        if (tokens[k]?.text === 'the' && gap(next, tokens[k]!) === ' ') k++;
        const after = tokens[k];
        if (after && after.sentence === t.sentence && gap(tokens[k - 1]!, after) === ' ' && startsName(after.text)) {
          j = k;
          continue;
        }
      }
      break;
    }
    // "Bureau of Industry and Security (BIS)": "and" inside a body's name, when the bracketed
    // acronym that follows spells the whole name
    if (tokens[j + 1]?.text === 'and' && tokens[j + 2] && startsName(tokens[j + 2]!.text) && tokens[j + 2]!.sentence === t.sentence) {
      let k = j + 2;
      while (tokens[k + 1] && gap(tokens[k]!, tokens[k + 1]!) === ' ' && startsName(tokens[k + 1]!.text)) k++;
      const acro = /^\s*\((\p{Lu}{2,8})\)/u.exec(text.slice(tokens[k]!.end, tokens[k]!.end + 14))?.[1];
      if (acro && initials(text.slice(t.start, tokens[k]!.end)) === acro) j = k;
    }
    // a lowercase company suffix still belongs to the name ("Orrin Foods plc")
    const suffix = tokens[j + 1];
    if (suffix && suffix.sentence === t.sentence && gap(tokens[j]!, suffix) === ' ' && CORPORATE_SUFFIXES.test(suffix.text)) j++;
    pushRun(i, j);
    i = j + 1;
  }
  return out;

  function pushRun(a: number, b: number) {
    const sentence = tokens[a]!.sentence;
    let titled: string | null = null;
    let demonym: string | null = null;
    // leading function words, titles and demonyms are not part of the name
    while (a <= b) {
      const w = tokens[a]!.text;
      const lw = w.toLowerCase().replace(/\.$/, '');
      const atStart = sentenceStarts.has(tokens[a]!.start) || /(?:["“‘'(]|[—–]\s)\s*$/.test(text.slice(Math.max(0, tokens[a]!.start - 2), tokens[a]!.start));
      if (NOT_NAMES.has(lw) && !(lw === 'new' && a < b)) {
        if (PERSON_TITLES.has(lw)) titled = w;
        a++;
        continue;
      }
      if (PERSON_TITLES.has(lw) && a < b && !tokens.slice(a + 1, b + 1).some((x) => ORG_HEADS.has(x.text.toLowerCase()))) {
        // "Prime Minister X", "President Y"; but not "General Motors" style org names
        if (lw === 'general' && lexClass(tokens[a + 1]!.text) !== 'first' && lexClass(tokens[a + 1]!.text) !== null) break;
        titled = w;
        a++;
        continue;
      }
      // (kept before a body named "X for Y": "Canadian Centre for Cyber Security")
      if (a < b && lexClass(w) === 'demonym' && !ORG_HEADS.has(tokens[b]!.text.toLowerCase()) && !tokens.slice(a + 1, b).some((x, n) => ORG_HEADS.has(x.text.toLowerCase()) && /^(?:for|of)$/.test(tokens[a + 2 + n]?.text ?? ''))) {
        demonym = w;
        a++;
        continue;
      }
      if (atStart && (!propn.has(tokens[a]!.start) || a === b)) {
        const cls = lexClass(w);
        if ((cls === 'common' || (cls === null && a === b && !propn.has(tokens[a]!.start) && !isCyrillic(w))) && !isAcronym(w)) {
          a++;
          continue;
        }
      }
      break;
    }
    // trailing connectors cannot end a name
    while (b >= a && (NAME_CONNECTORS.has(tokens[b]!.text) || tokens[b]!.text === 'the')) b--;
    if (a > b) return;
    const first = tokens[a]!;
    const last = tokens[b]!;
    const words = tokens.slice(a, b + 1).map((x) => x.text.toLowerCase());
    if (words.every((w) => MONTHS.has(w) || WEEKDAYS.has(w) || /^\d/.test(w) || w === 'i')) return;
    if (a === b && lexClass(first.text) === 'demonym') return;
    // a lone capitalised adjective or common word ("Soviet", "Western") is not a name
    if (a === b && !isAcronym(first.text) && lexClass(first.text) === 'common' && (!propn.has(first.start) || sentenceStarts.has(first.start))) return;
    // nationality and region adjectives before a noun ("Cypriot media", "Western nations")
    if (a === b && /(?:ish|ese|ern|ean|ian|ic|ot|an|i)$/.test(first.text) && lexClass(first.text) !== 'place') {
      const next = /^\s+(\p{Ll}+)/u.exec(text.slice(last.end, last.end + 20))?.[1];
      if (next && !/^(?:said|says|told|claimed|claims|denied|denies|alleged|alleges|was|is|has|had|wrote|added|who|also|and|later|insisted|argued)$/.test(next)) return;
    }
    // a platform named only as the medium ("a Facebook post") is not an entity
    if (/^\s+(?:post|posts|page|account|channel|video|livestream|stream|group chat|profile|feed|message)\b/i.test(text.slice(last.end, last.end + 14)) && /\b(?:a|an|his|her|their|its|in|on)\s+$/i.test(text.slice(Math.max(0, first.start - 8), first.start))) return;
    if (a === b && first.text.length < 2) return;
    if (a === b && sentenceStarts.has(first.start) && !isAcronym(first.text) && lowerWords.has(first.text.toLowerCase()) && !midCaps.has(first.text.toLowerCase())) return;
    out.push({
      start: first.start, end: last.end, text: text.slice(first.start, last.end), first: a, last: b, sentence,
      titled, demonym, heading: headings.has(sentence), kind: null,
    });
  }
}
