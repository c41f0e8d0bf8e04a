// Alias cues in the text: codenames, nicknames, "known as", "operating under the name", acronyms in
// brackets ("Federal Security Service (FSB)") and spellings in another script ("Ushatov
// (Ушатов)"). This module only finds the alias and where its owner should be looked for; the
// entity pass decides which entity owns it.
import type { AliasKind, TextRange } from './types-local';

export interface AliasHit extends TextRange {
  text: string;
  kind: AliasKind;
  /** the owner is the nearest name ending before this offset */
  ownerBefore: number;
  /** for bracketed forms: the name right before the bracket is the owner */
  bracket: boolean;
}

const QUOTED = String.raw`["“‘']([^"”’'\n]{1,60}?)[.,]?["”’']`;
const NAMEISH = String.raw`((?:the\s+)?\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}\p{N}'’-]*){0,3})`;
const CUES: { re: RegExp; kind: AliasKind }[] = [
  { re: /\b(?:code-?named|under the code-?name|(?:was |the |a |its |his |her )?code-?name(?: was| is)?)\s+/giu, kind: 'codename' },
  { re: /\b(?:nicknamed|dubbed|the nickname|known (?:locally |widely |internally |(?:to|in|among|around) [\p{L}'’ -]{1,40}? )?(?:simply )?as|also called|alias|a\.k\.a\.|aka)\s+/giu, kind: 'alias' },
  { re: /\b(?:operat(?:ing|ed|es)|trad(?:ing|ed|es)|liv(?:ing|ed|es)|work(?:ing|ed|s)|register(?:ed)?|sail(?:ing|ed|s))\s+under\s+(?:the\s+)?(?:(?:false|cover|assumed|new|trade)\s+)?names?\s+(?:of\s+)?/giu, kind: 'alias' },
  { re: /\b(?:cover|false|assumed) name,?\s+/giu, kind: 'alias' },
  { re: /\bknown by (?:its|the|his|her) (?:[\p{L}-]+ )?(?:abbreviation|acronym|initials)\s+/giu, kind: 'abbreviation' },
  { re: /\b(?:renamed|now called)\s+/giu, kind: 'alias' },
];

export function findAliasCues(text: string): AliasHit[] {
  const hits: AliasHit[] = [];
  for (const { re, kind } of CUES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      const rest = text.slice(at, at + 80);
      const q = new RegExp(`^${QUOTED}`, 'u').exec(rest);
      let value: string | null = null;
      let offset = 0;
      if (q) {
        value = q[1]!.trim().replace(/[.,]$/, '');
        offset = q[0].indexOf(q[1]!);
      } else {
        const n = new RegExp(`^${NAMEISH}`, 'u').exec(rest);
        if (n) value = n[1]!;
      }
      if (!value || value.length < 2) continue;
      const start = at + offset;
      hits.push({ start, end: start + value.length, text: value, kind, ownerBefore: m.index, bracket: false });
    }
  }
  // "Federal Security Service (FSB)", "Ushatov (Ушатов)", "FSB (Federal Security Service)"
  for (const m of text.matchAll(/\(([^()\n]{2,60})\)/gu)) {
    const inner = m[1]!.trim();
    const start = m.index + 1 + m[1]!.indexOf(inner);
    if (/^(?:\p{Lu}\.?){2,8}$/u.test(inner) || /^\p{Lu}[\p{Lu}\d&]{1,7}$/u.test(inner)) {
      hits.push({ start, end: start + inner.length, text: inner, kind: 'abbreviation', ownerBefore: m.index, bracket: true });
    } else if (/^[\p{Script=Cyrillic}\p{Script=Greek}\s'’-]+$/u.test(inner) && /\p{Lu}/u.test(inner)) {
      hits.push({ start, end: start + inner.length, text: inner, kind: 'transliteration', ownerBefore: m.index, bracket: true });
    } else if (/^(?:\p{Lu}[\p{L}'’-]*\s+)+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}'’-]*$/u.test(inner) && /^\p{Lu}{2,8}\s*$/u.test(text.slice(Math.max(0, m.index - 10), m.index).split(/\s+/).filter(Boolean).pop() ?? '')) {
      // "FSB (Federal Security Service)": the expansion is the alias of the acronym before it
      hits.push({ start, end: start + inner.length, text: inner, kind: 'name', ownerBefore: m.index, bracket: true });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The initials of a multi-word name ("Federal Security Service" → "FSS"), skipping "of", "the". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|the|and|for|de|du|la|le|&)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
