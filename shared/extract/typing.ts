// Types a name span as person, organization or place from cues, strongest first: the
// investigation's known entities, a title before it, organisation/place head words, acronyms,
// compromise's lexicon (first names, surnames, cities, countries), the words around it, and
// surname morphology. Returns null when nothing speaks for a kind; the entity pass decides then.
import type { EntityKind } from './types-local';
import type { RawMention } from './candidates';
import { EVENT_HEADS, ORG_HEADS, placeSynonym, ORG_LEADS, PERSON_NOUNS, PLACE_HEADS, PLACE_LEADS } from './lexicon';
import { lexClass } from './nlp';
import { kindFromContext, kindFromShape, kindOfPlaceName } from './context-kind';
import { describedAfter, describedBefore } from './descriptors';
import { normalizeKey } from '../text/normalize';
import { isAcronym, isCyrillic, isOrdinal, type Token } from './tokens';

/** Acronyms that name countries or unions of states (places, not bodies). */
const PLACE_ACRONYMS = new Set(['US', 'USA', 'U.S.', 'U.S.A.', 'UK', 'U.K.', 'USSR', 'UAE', 'GDR', 'DDR', 'FRG', 'PRC', 'DPRK', 'ROK', 'BVI', 'NYC', 'DC', 'D.C.']);

const SURNAME_ENDINGS = /(?:ov|ev|ova|eva|ovna|evna|ovich|evich|sky|ski|ska|skaya|enko|chuk|yuk|vic|vić|ović|escu|eanu|idis|opoulos|akis|oglu|oğlu|yan|ian|shvili|dze|son|sen|sson|berg|stein|mann|witz|ez|es)$/i;
const PLACE_ENDINGS = /(?:stan|land|burg|grad|pol|polis|ville|ia|pils)$/i;

export interface TypingContext {
  text: string;
  tokens: readonly Token[];
}

export function typeMention(m: RawMention, ctx: TypingContext): EntityKind | null {
  const words = ctx.tokens.slice(m.first, m.last + 1).map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const lastWord = lower[lower.length - 1]!;
  const firstWord = lower[0]!;
  if (m.titled) return 'person';
  // "the daily X", "the broker X", "his wife, X", "X, a senior planner at": the text says what it is
  const described = describedBefore(ctx.text, m.start) ?? describedAfter(ctx.text, m.end);
  if (described && !(words.length > 1 && PLACE_HEADS.has(lastWord)) && !PLACE_ACRONYMS.has(words.join(' '))) {
    if (described.kind === 'organization') return 'organization';
    if (!(words.length > 1 && ORG_HEADS.has(lastWord)) && lexClass(m.text) !== 'place' && lexClass(m.text) !== 'org' && !isAcronym(m.text)) return 'person';
  }
  const placeRead = kindOfPlaceName(ctx.text, m.start, m.end, words);
  if (placeRead) return placeRead;
  if (placeSynonym(normalizeKey(m.text), normalizeKey)) return 'place';
  if (words.length > 1 && (EVENT_HEADS.has(lastWord) || (words.length > 2 && EVENT_HEADS.has(lower[lower.length - 2]!) && /^[ivx\d]+$/.test(lastWord)))) return 'event';
  if (words.length === 1 && PLACE_ACRONYMS.has(words[0]!)) return 'place';
  if (isOrdinal(words[0]!)) return 'organization';
  if (words.length > 1 && PLACE_HEADS.has(lastWord) && !ORG_HEADS.has(lastWord)) return 'place';
  const fromShape = kindFromShape(ctx.text, m.start, lower, words);
  if (fromShape) return fromShape;
  if (words.length > 1 && PLACE_LEADS.has(firstWord) && !lower.includes('of')) return 'place';
  if (words.length > 1 && ORG_HEADS.has(lastWord)) return 'organization';
  const ofAt = lower.indexOf('of');
  if (ofAt > 0 && lower.slice(0, ofAt).some((w) => ORG_HEADS.has(w) || ORG_LEADS.has(w))) return 'organization';
  if (words.length > 1 && lower.some((w) => ORG_HEADS.has(w) && w !== 'group' && w !== 'post' && w !== 'mail')) {
    // "Narva Institute for Cold War Studies"
    if (lower.some((w) => ['institute', 'university', 'ministry', 'agency', 'bank', 'committee', 'council', 'commission', 'foundation', 'centre', 'center', 'service', 'directorate', 'department'].includes(w))) return 'organization';
  }
  const whole = lexClass(m.text);
  if (whole === 'place') return 'place';
  if (whole === 'org') return 'organization';
  if (words.length === 1 && isAcronym(words[0]!)) return 'organization';
  const before = ctx.text.slice(Math.max(0, m.start - 30), m.start);
  const after = ctx.text.slice(m.end, m.end + 30);
  const prevWord = /([\p{L}-]+)[\s,]*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (/\b(?:city|town|village|region|province|capital|port|republic) of\s+$/i.test(before)) return 'place';
  if (words.length === 1) {
    const cls = lexClass(words[0]!);
    if (cls === 'place') return 'place';
    if (cls === 'org') return 'organization';
    if (cls === 'first' || cls === 'last') return 'person';
  } else {
    const cls0 = lexClass(words[0]!);
    const clsN = lexClass(words[words.length - 1]!);
    if (cls0 === 'first' || clsN === 'last') return 'person';
    if (cls0 === 'place' && clsN === 'place') return 'place';
  }
  const fromContext = kindFromContext(ctx.text, m.start, m.end, words);
  if (fromContext) return fromContext;
  if (PERSON_NOUNS.has(prevWord) && /^[\s]+$/.test(before.slice(before.toLowerCase().lastIndexOf(prevWord) + prevWord.length))) return 'person';
  if (/^,?\s+(?:who|whose|aged|\d{2},)\b/.test(after) || /^,\s+\d{2}\b/.test(after)) return 'person';
  if (isCyrillic(m.text) && words.length >= 2) return 'person';
  if (/\b(?:in|near|from|to|across|outside|inside|into)\s+(?:the\s+)?$/i.test(before) && words.length <= 3 && !SURNAME_ENDINGS.test(words[words.length - 1]!)) return 'place';
  if (SURNAME_ENDINGS.test(words[words.length - 1]!) && !PLACE_ENDINGS.test(words[words.length - 1]!)) return 'person';
  if (/^\s+(?:said|says|told|wrote|alleged|alleges|claimed|claims|denied|denies|added|argued|insisted)\b/.test(after) && words.length >= 2) return 'person';
  if (words.length === 1 && PLACE_ENDINGS.test(words[0]!)) return 'place';
  // the pronoun that next refers back: "he/she/his/her" for people, "it/its" for bodies
  const next = /\b(he|she|his|her|him|it|its)\b/i.exec(ctx.text.slice(m.end, m.end + 160));
  if (next && words.length >= 2) return /^(?:it|its)$/i.test(next[1]!) ? 'organization' : 'person';
  // otherwise two unknown capitalised words are most often a person, longer runs a body
  if (words.length >= 3) return 'organization';
  return null;
}
