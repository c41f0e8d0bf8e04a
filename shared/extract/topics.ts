// Subjects for claims that name nobody. "It remains unclear whether the three contracts will be
// cancelled", "Moscow said the man was a fraudster": the claim is about something named earlier. The
// definite phrases of the claim ("the contracts", "the funds") are looked up in the sentences before
// it; the entities of the latest sentence that used the same word are the subjects when they are
// among the article's main actors, otherwise the article's main actor (most mentioned so far) is.
import type { ExtractedClaim, TextRange } from './types';
import type { EntityKind } from './types-local';

export interface TopicMention { start: number; key: string; sentence: number }

const DEFINITE = /\b(?:the|these|those|this|that|its|their|his|her)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)/gu;
const FUNCTION_WORDS = new Set(['same', 'other', 'first', 'last', 'most', 'many', 'only', 'such', 'very', 'more', 'less', 'which', 'whether', 'have', 'been', 'were', 'will', 'would', 'could', 'should', 'from', 'with', 'that', 'this', 'there', 'what', 'when', 'where', 'whom']);
const LOOKBACK = 15;

/** Words of the claim's definite phrases that can point back ("the missing funds" → missing, funds). */
function pointerWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DEFINITE)) {
    for (const w of m[1]!.split(/\s+/)) if (w.length >= 4 && !FUNCTION_WORDS.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

const stem = (w: string) => w.replace(/(?:ies|es|s)$/, '');

export function fillTopicSubjects(claims: ExtractedClaim[], text: string, sentences: readonly TextRange[], mentions: readonly TopicMention[], kindOf: ReadonlyMap<string, EntityKind>): void {
  const bySentence = new Map<number, TopicMention[]>();
  for (const m of mentions) (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);
  const sentenceAt = new Map(sentences.map((r, i) => [r.start, i]));
  for (const claim of claims) {
    if (claim.claimantKey || claim.subjectKeys.some((k) => kindOf.get(k) !== 'place')) continue;
    const si = sentenceAt.get(claim.span.start);
    if (si === undefined) continue;
    // the article's main actors up to this sentence
    const counts = new Map<string, number>();
    for (const m of mentions) if (m.sentence <= si && kindOf.get(m.key) !== 'place') counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    if (ranked.length === 0) continue;
    const main = new Set(ranked.slice(0, 3));
    let picked: string[] = [];
    const words = pointerWords(text.slice(claim.span.start, claim.span.end)).map(stem);
    for (let j = si - 1; j >= Math.max(0, si - LOOKBACK) && picked.length === 0 && words.length > 0; j--) {
      const inJ = (bySentence.get(j) ?? []).filter((m) => kindOf.get(m.key) !== 'place');
      if (inJ.length === 0) continue;
      const r = sentences[j]!;
      const used = new Set((text.slice(r.start, r.end).toLowerCase().match(/[\p{Ll}-]+/gu) ?? []).map(stem));
      if (!words.some((w) => used.has(w))) continue;
      picked = [...new Set(inJ.map((m) => m.key))].filter((k) => main.has(k));
      if (picked.length === 0) break;
    }
    if (picked.length === 0) picked = [ranked[0]!];
    for (const k of picked) if (!claim.subjectKeys.includes(k)) claim.subjectKeys.push(k);
  }
}
