// Descriptor nouns around a name: "the Tartu daily X", "the broker X", "a consultancy, X",
// "his wife, X", "X, a senior planner at …". News text introduces an unfamiliar name with what it
// is, which is stronger evidence of its kind than the name's own words (an outlet called
// "Dossier Ost" or a firm called "Fenwick Marr" look like people). Media bodies are also marked,
// because what an outlet says reaches the reader as reporting, not as its own assertion.
import type { EntityKind } from './types-local';
import { MEDIA_NOUNS, ORG_DESCRIPTORS, PERSON_DESCRIPTORS } from './lexicon';

/** Last words of media names ("… Tribune", "… Rundfunk"): generic words, no titles of real outlets. */
const MEDIA_HEADS = new Set(`times post journal gazette herald tribune telegraph observer chronicle courier
  ledger daily weekly magazine news press radio television tv rundfunk zeitung gazeta vestnik
  dispatch bulletin monitor examiner inquirer sentinel mercury record star sun`.split(/\s+/));
/** German compound titles: "…post", "…zeitung", "…blatt". */
const MEDIA_COMPOUND = /\p{L}{3,}(?:post|zeitung|blatt|kurier)$/u;

export interface Described {
  kind: EntityKind;
  media: boolean;
}

const DETERMINED = /\b(?:the|a|an|its|his|her|their|our|whose)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}$/iu;

/** The descriptor noun right before a name ("the daily X", "a consultancy, X", "a website called X"). */
export function describedBefore(text: string, start: number): Described | null {
  let before = text.slice(Math.max(0, start - 80), start).replace(/\s+(?:called|named)\s*$/u, ' ');
  const m = /([\p{Ll}][\p{L}-]*),?\s+$/u.exec(before);
  if (!m) return null;
  const head = m[1]!.toLowerCase();
  before = before.slice(0, m.index);
  if (!DETERMINED.test(before) && !/\b(?:the|a|an|its|his|her|their|our|whose)\s*$/iu.test(before)) return null;
  if (MEDIA_NOUNS.has(head)) return { kind: 'organization', media: true };
  if (ORG_DESCRIPTORS.has(head)) return { kind: 'organization', media: false };
  if (PERSON_DESCRIPTORS.has(head)) return { kind: 'person', media: false };
  return null;
}

/** An apposition after a name: "X, a senior planner at …", "X, a research group that …". */
export function describedAfter(text: string, end: number): Described | null {
  const m = /^,\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}’'-]+\s+){0,3}?([\p{Ll}][\p{L}-]*)(?=\s+(?:at|of|for|in|with|and|who|whose|that|which|from|based|on)\b|\s*[,.;)—–]|$)/u.exec(text.slice(end, end + 90));
  if (!m) return null;
  const head = m[1]!.toLowerCase();
  if (MEDIA_NOUNS.has(head)) return { kind: 'organization', media: true };
  // "X, a network of investigative journalists": a body made of reporters is a media body
  if (ORG_DESCRIPTORS.has(head)) return { kind: 'organization', media: /^[^.;]{0,40}?\b(?:journalists|reporters|newsrooms)\b/u.test(text.slice(end + m[0].length, end + m[0].length + 60)) };
  if (PERSON_DESCRIPTORS.has(head)) return { kind: 'person', media: false };
  return null;
}

/** A name whose last word is a media head ("Morning Clarion", "Saale-Rundfunk"). */
export function hasMediaHead(name: string): boolean {
  const words = name.toLowerCase().split(/[\s-]+/);
  const last = words[words.length - 1]!;
  return words.length >= 2 && (MEDIA_HEADS.has(last) || MEDIA_COMPOUND.test(last));
}

/** Keys of the entities that are media: named with a media head, or introduced as an outlet. */
export function mediaEntities(text: string, entities: readonly { key: string; kind: EntityKind; name: string; mentions: readonly { start: number; end: number }[] }[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.kind !== 'organization') continue;
    if (hasMediaHead(e.name) || e.mentions.some((x) => describedBefore(text, x.start)?.media || describedAfter(text, x.end)?.media)) out.add(e.key);
  }
  return out;
}
