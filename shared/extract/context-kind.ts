// Context cues for a name none of its own words type: what the sentence says around it.
// "X is a village in …", "north of X", "at X", "X, <a known place>", "X was born …", "X's wife".
// Generic words only; used by typing.ts after the name's own cues have had their say.
import type { EntityKind } from './types-local';
import { ORG_DESCRIPTORS, ORG_HEADS, PERSON_DESCRIPTORS } from './lexicon';
import { lexClass, lexTags } from './nlp';

/** Nouns that say a name is a place ("X is a village in …"). */
export const PLACE_NOUNS = new Set(`village town city hamlet suburb parish county province district region
  municipality borough township commune settlement river lake island mountain valley country state
  capital port neighbourhood neighborhood area peninsula community locality sum oblast prefecture`.split(/\s+/));

/** Nouns that say a name is a body, besides the descriptor nouns ("X is a band from …"). */
const ORG_NOUNS_EXTRA = new Set(`band team club label station newspaper magazine school university
  college company party franchise brand`.split(/\s+/));

const PLACE_BEFORE = new RegExp(
  String.raw`(?:\b(?:near|outside|between|via|towards?)\s+|` +
  String.raw`\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+|` +
  String.raw`\b(?:villages?|towns?|cit(?:y|ies)|hamlets?|parish(?:es)?|count(?:y|ies)|provinces?|districts?|regions?|suburbs?|municipalit(?:y|ies)|boroughs?|states?|rivers?|confluence)\s+of\s+(?:the\s+)?)$`,
  'i',
);

export function kindFromContext(text: string, start: number, end: number, words: readonly string[]): EntityKind | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 80);
  // "X is a small village in …", "X was an American band …"
  const is = /^\s+(?:is|was|are|were)\s+(?:a|an|the|one of the)\s+((?:[\p{L}-]+\s*){1,4})/u.exec(after);
  for (const w of is?.[1]!.toLowerCase().split(/\s+/) ?? []) {
    if (PLACE_NOUNS.has(w)) return 'place';
    if (ORG_DESCRIPTORS.has(w) || ORG_NOUNS_EXTRA.has(w)) return 'organization';
    if (PERSON_DESCRIPTORS.has(w) || /(?:ist|er|or)$/.test(w)) return 'person';
    if (/^(?:in|of|from|on|at|with|that|which|who|and)$/.test(w)) break;
  }
  if (/^\s+(?:was|is)\s+born\b|^\s+\((?:born|b\.)\s|^\s+\((?:c\.\s*)?\d{3,4}\s*[-–]/.test(after)) return 'person';
  if (/^['’]s\s+(?:wife|husband|son|daughter|father|mother|brother|sister|career|death|birth|funeral|widow)\b/.test(after)) return 'person';
  if (words.length <= 3 && PLACE_BEFORE.test(before)) return 'place';
  if (words.length <= 3 && /\bat\s+$/i.test(before) && !/\b(?:looked|aimed|laughed|arrived|studied|worked|played)\s+at\s+$/i.test(before)) return 'place';
  // "Mouchak, Gazipur", "Debden, England": a name followed by a known place is a place
  const next = /^,\s+(\p{Lu}[\p{L}-]+)(?=[\s,.;)]|$)/u.exec(after)?.[1];
  if (words.length <= 2 && next && lexClass(next) === 'place') return 'place';
  return null;
}

const DIRECTIONS = new Set('north south east west northern southern eastern western central upper lower northeast northwest southeast southwest'.split(' '));

/** Kinds read from a multi-word name's shape ("City of X", "South X", "the X Rays"), or null. */
export function kindFromShape(text: string, start: number, lower: readonly string[], words: readonly string[]): EntityKind | null {
  if (lower.length < 2) return null;
  // "City of X", "Port of X", "Island of X"
  if (lower[1] === 'of' && (PLACE_NOUNS.has(lower[0]!) || /^(?:port|isle|island|bay|gulf|cape)$/.test(lower[0]!))) return 'place';
  // "South X", "Western X": a direction before a place or an unknown word
  if (lower.length === 2 && DIRECTIONS.has(lower[0]!) && !ORG_HEADS.has(lower[1]!) && (lexClass(words[1]!) === 'place' || lexClass(words[1]!) === null)) return 'place';
  // "the X Rays", "the Blue Ys": a plural name after "the" is a team or a band
  const last = words[words.length - 1]!;
  if (/^\p{Lu}\p{Ll}+[^su]s$/u.test(last) && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && lexClass(last) !== 'place' && lexClass(words.join(' ')) !== 'place') return 'organization';
  return null;
}

/** Verbs of sport that take a club as object: "played for X", "signed with X", "traded to the X". */
const TEAM_BEFORE = /\b(?:play(?:ed|s|ing)?\s+(?:for|with|against)|sign(?:ed|s)?\s+(?:with|for)|traded\s+to|coach(?:ed|es)?|debut(?:ed)?\s+(?:for|with)|losing\s+to|lost\s+to|defeat(?:ed|ing)|beat(?:ing)?)\s+(?:the\s+)?$/i;

/**
 * A place read as something else by its context: after a sports verb a place name is its club
 * ("played for Tarnley"); a word the lexicon has as both a first name and a place is a place after
 * "in/at/from/near" or before ", <place>" ("born in Carlow", "Carlow, Ireland").
 */
export function kindOfPlaceName(text: string, start: number, end: number, words: readonly string[]): EntityKind | null {
  const before = text.slice(Math.max(0, start - 30), start);
  const cls = lexClass(words.join(' '));
  if (TEAM_BEFORE.test(before) && (cls === 'place' || cls === null) && !PLACE_NOUNS.has(words[words.length - 1]!.toLowerCase())) return 'organization';
  if (words.length > 2) return null;
  const tags = lexTags(words.join(' '));
  // (compromise's bare "Person" tag marks names shared by people and places: "Houston", "Sydney")
  const isPlace = tags.some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place') || (tags.length === 1 && tags[0] === 'Person');
  if (!isPlace) return null;
  if (/\b(?:in|at|from|near|to|of)\s+$/i.test(before)) return 'place';
  const next = /^,\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(text.slice(end, end + 40))?.[1];
  if (next && lexClass(next) === 'place') return 'place';
  return null;
}
