// extractArticle: the offline extractor's entry point. Runs the passes in order — metadata head,
// sentences and words, name spans (known entities first), typing, entity folding with aliases,
// claims, relations — and returns one Extraction whose offsets all point into `text`.
import { normalizeKey, normalizeText } from '../text/normalize';
import type { Extraction, ExtractOptions, KnownEntity } from './types';
import { findAliasCues } from './aliases';
import { findNameRuns, isHeading, type RawMention } from './candidates';
import { ORG_HEADS, PLACE_HEADS } from './lexicon';
import { extractClaims } from './claims';
import { mediaEntities } from './descriptors';
import { buildEntities } from './entities';
import { parseHead } from './metadata';
import { properNounStarts } from './nlp';
import { extractRelations } from './relations';
import { assignObjects } from './roles';
import { sentenceIndex, splitSentences, tokenize } from './tokens';
import { typeMention } from './typing';

export type { Extraction, ExtractOptions } from './types';

export function extractArticle(input: string, options: ExtractOptions = {}): Extraction {
  const { body: text, metadata, dateline } = parseHead(normalizeText(input ?? ''), options.metadata);
  const sentences = splitSentences(text);
  const tokens = tokenize(text, sentences);
  const headings = new Set<number>();
  sentences.forEach((s, i) => isHeading(text, s) && headings.add(i));
  const sentenceStarts = new Set<number>();
  let prev = -1;
  for (const t of tokens) if (t.sentence !== prev) { sentenceStarts.add(t.start); prev = t.sentence; }
  const propn = text.length > 0 ? properNounStarts(text) : new Set<number>();

  let runs = findNameRuns(text, tokens, sentenceStarts, propn, headings);
  const known = knownMentions(text, options.known ?? [], tokens);
  if (known.length > 0) {
    runs = runs.filter((r) => !known.some((k) => r.start < k.end && k.start < r.end && !(r.start <= k.start && r.end >= k.end && r.end - r.start > k.end - k.start)));
  }
  runs = [...known, ...runs, ...nestedParts(text, runs)];
  if (dateline && !runs.some((r) => r.start === dateline.start)) {
    runs.push({ ...dateline, text: text.slice(dateline.start, dateline.end), first: 0, last: 0, sentence: 0, titled: null, demonym: null, heading: false, kind: 'place' });
  }
  const hits = findAliasCues(text);
  const runStarts = new Set(runs.map((r) => r.start));
  for (const h of hits) {
    if (runStarts.has(h.start)) continue;
    if (!/^\p{Lu}/u.test(h.text) && !/^the\s+\p{Lu}/u.test(h.text)) continue;
    runs.push({ start: h.start, end: h.end, text: h.text, first: 0, last: 0, sentence: sentenceIndex(sentences, h.start), titled: null, demonym: null, heading: headings.has(sentenceIndex(sentences, h.start)), kind: null });
  }
  for (const r of runs) if (!r.kind) r.kind = r.first === 0 && r.last === 0 && !tokens[0] ? null : typeMention(r, { text, tokens });
  const built = buildEntities(text, runs, hits, options.known ?? []);
  const media = mediaEntities(text, built.entities);
  const claims = extractClaims({ text, sentences, headings, mentions: built.mentions, entities: built.entities, published: metadata.publishedAt, media });
  assignObjects(claims, built.entities, text);
  const relations = extractRelations(text, built.mentions, built.entities, sentences);
  return { text, metadata, sentences, entities: built.entities, claims, relations };
}


/** The investigation's own entities, found by their names and aliases before anything else. */
function knownMentions(text: string, known: readonly KnownEntity[], tokens: readonly { start: number; sentence: number }[]): RawMention[] {
  const out: RawMention[] = [];
  for (const k of known) {
    for (const name of [k.name, ...k.aliases.map((a) => a.name)]) {
      if (!name || name.trim().length < 2 || !normalizeKey(name)) continue;
      const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, /^\p{Lu}/u.test(name) ? 'gu' : 'giu');
      for (const m of text.matchAll(re)) {
        if (out.some((o) => m.index < o.end && o.start < m.index + m[0].length)) continue;
        const sentence = sentenceOfToken(tokens, m.index);
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], first: 0, last: 0, sentence, titled: null, demonym: null, heading: false, kind: k.kind, knownId: k.id });
      }
    }
  }
  return out;
}

/** "the 6th Directorate of the KGB" also mentions "KGB". */
function nestedParts(text: string, runs: readonly RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  const starts = new Set(runs.map((r) => r.start));
  for (const r of runs) {
    const m = /\s(?:of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*)*)$/u.exec(r.text);
    if (!m) continue;
    const inner = m[1]!;
    const start = r.end - inner.length;
    // "Office of Foreign Assets Control" names one body; "6th Directorate of the KGB", "Bank of England" two
    const innerWords = inner.toLowerCase().split(/\s+/);
    if (innerWords.length >= 2 && !/\s(?:of|for)\s+the\s/i.test(r.text) && !ORG_HEADS.has(innerWords[innerWords.length - 1]!) && !PLACE_HEADS.has(innerWords[innerWords.length - 1]!)) continue;
    if (starts.has(start)) continue;
    out.push({ ...r, start, end: r.end, text: inner, first: r.last - (inner.split(/\s+/).length - 1), kind: null, titled: null });
  }
  return out;
}

function sentenceOfToken(tokens: readonly { start: number; sentence: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let s = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start <= offset) { s = tokens[mid]!.sentence; lo = mid + 1; } else hi = mid - 1;
  }
  return s;
}
