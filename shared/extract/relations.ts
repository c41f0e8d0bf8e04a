// Relations the text states as fact, not as someone's claim: "X, who served in the 6th
// Directorate of the KGB" (member_of), "X, chairman of Y" (leads), "X, who lives in Z"
// (located_in), and nested bodies ("the 6th Directorate of the KGB" is part_of the KGB).
import { sentenceIndex } from './tokens';
import type { ExtractedEntity, ExtractedRelation, TextRange } from './types';
import type { RelationKind } from './types-local';
import type { PlacedMention } from './claims';

const LINKS: [RegExp, RelationKind, 'organization' | 'place'][] = [
  [/^,?\s+(?:\d{1,3},\s+)?(?:who\s+)?(?:has\s+|had\s+)?(?:served|worked|spent\s+[\w\s-]{1,30}?|was\s+an?\s+(?:officer|agent|member|employee|informant)|is\s+an?\s+(?:officer|agent|member|employee))\s+(?:in|at|for|with|of)\s+(?:the\s+)?$/i, 'member_of', 'organization'],
  [/^,?\s+(?:a|an|the)\s+(?:former\s+|ex-|retired\s+|senior\s+|veteran\s+)?(?:member|officer|agent|employee|staffer|analyst|informant|operative)\s+(?:of|at|in|with)\s+(?:the\s+)?$/i, 'member_of', 'organization'],
  [/^,?\s+(?:who\s+(?:works|worked)\s+for|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:at|for))\s+(?:the\s+)?$/i, 'works_for', 'organization'],
  [/^,?\s+(?:now\s+\d{1,3}\s+and\s+)?(?:the\s+)?(?:former\s+)?(?:chairman|chairwoman|chair|chief executive|ceo|head|director|founder|president|owner|leader)\s+of\s+(?:the\s+)?$/i, 'leads', 'organization'],
  [/^,?\s+(?:\d{1,3},\s+)?(?:who\s+)?(?:lives|lived|is based|was based|resides|settled)\s+in\s+(?:the\s+)?(?:[\p{L}\s-]{0,30}?\s+of\s+)?$/iu, 'located_in', 'place'],
];

export function extractRelations(text: string, mentions: readonly PlacedMention[], entities: readonly ExtractedEntity[], sentences: readonly TextRange[]): ExtractedRelation[] {
  const kind = new Map(entities.map((e) => [e.key, e.kind]));
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  const add = (k: RelationKind, from: string, to: string, span: TextRange) => {
    const id = `${k}:${from}:${to}`;
    if (from === to || seen.has(id)) return;
    seen.add(id);
    out.push({ key: `r${out.length + 1}`, kind: k, fromKey: from, toKey: to, span });
  };
  const sentenceOf = (offset: number): TextRange => sentences[sentenceIndex(sentences, offset)] ?? { start: offset, end: offset };
  for (let i = 0; i < mentions.length; i++) {
    const p = mentions[i]!;
    if (kind.get(p.key) !== 'person') continue;
    for (let j = i + 1; j < mentions.length && mentions[j]!.start - p.end < 120; j++) {
      const o = mentions[j]!;
      const between = text.slice(p.end, o.start);
      for (const [re, k, target] of LINKS) {
        if (kind.get(o.key) === target && re.test(between.replace(/^['’]s?/, ''))) add(k, p.key, o.key, sentenceOf(p.start));
      }
    }
  }
  // nested bodies: a mention of B inside the span of an organisation mention A
  for (let i = 0; i < mentions.length; i++) for (let j = i + 1; j < mentions.length && mentions[j]!.start < mentions[i]!.end; j++) {
    const a = mentions[i]!;
    const b = mentions[j]!;
    if (a.key === b.key) continue;
    if (b.start >= a.start && b.end <= a.end && kind.get(a.key) === 'organization' && kind.get(b.key) === 'organization' && /\bof\s+(?:the\s+)?$/i.test(text.slice(a.start, b.start))) {
      add('part_of', a.key, b.key, sentenceOf(a.start));
    }
  }
  return out;
}
