// Words and sentences with character offsets. Our own small splitter (not a library's) because
// every span must point exactly into the normalised text, and because headings and datelines in
// news text end without punctuation.
import type { TextRange } from './types';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** index of the sentence the token is in */
  sentence: number;
}

// Words: dotted initialisms ("U.S."), or letters/digits joined by inner hyphens and apostrophes.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*/gu;

/** Abbreviations after which a full stop does not end a sentence. */
const NO_BREAK = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'capt', 'maj', 'sgt', 'rev',
  'inc', 'ltd', 'co', 'corp', 'no', 'vs', 'etc', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'gov', 'sen', 'rep',
]);

/** Sentence ranges. Breaks at blank lines and line ends (headings), and at . ! ? before a capital. */
export function splitSentences(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const re = /\n+|[.!?]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const word = before?.[1] ?? '';
      if (NO_BREAK.has(word.toLowerCase())) continue;
      if (/^\p{Lu}$/u.test(word)) continue; // an initial: "John F. Kennedy"
      if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) {
        // "U.S." before a capital: a sentence end only if a common word follows
        const next = /^\s+(\p{L}+)/u.exec(text.slice(end));
        if (next && !/^(The|A|An|It|He|She|They|We|This|That|But|In|On)$/.test(next[1]!)) continue;
      }
    }
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

/** Word tokens with offsets, each tagged with its sentence. */
export function tokenize(text: string, sentences: readonly TextRange[]): Token[] {
  const tokens: Token[] = [];
  let si = 0;
  for (const m of text.matchAll(WORD)) {
    let value = m[0];
    const start = m.index;
    // the possessive is not part of the name: "Trump’s" → "Trump"
    const poss = /['’]s$/i.exec(value);
    if (poss && value.length > 2) value = value.slice(0, -2);
    // "Riga-based", "Kremlin-backed": the name is the part before the suffix
    const adj = /-(?:based|born|registered|owned|led|backed|linked|controlled|run|flagged|headquartered)$/i.exec(value);
    if (adj && adj.index > 1) value = value.slice(0, adj.index);
    while (si < sentences.length - 1 && start >= sentences[si]!.end) si++;
    tokens.push({ start, end: start + value.length, text: value, sentence: si });
  }
  return tokens;
}

export const isCapitalised = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word) && /\p{L}/u.test(word) && /^\p{Lu}/u.test(word);
export const isAcronym = (word: string): boolean => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(word) && !/^\p{Lu}\p{Ll}/u.test(word);
export const isCyrillic = (word: string): boolean => /\p{Script=Cyrillic}/u.test(word);
export const isOrdinal = (word: string): boolean => /^\d+(?:st|nd|rd|th)$/i.test(word);

/** The index of the sentence that holds `offset` (binary search over sentence starts). */
export function sentenceIndex(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
