// A tiny stand-in for shared/extract in tests that must not depend on the real extractor's
// judgement: two capitalised words make a person, "X said/denied" makes a claim by X, and
// "X is a member of Y" a relation. Known entities are linked by name or alias key.
import type { ExtractedClaim, ExtractedEntity, ExtractOptions, Extraction } from '../../../shared/extract/types';
import { normalizeKey } from '../../../shared/text/normalize';

export function extractArticle(text: string, options: ExtractOptions = {}): Extraction {
  const entities: ExtractedEntity[] = [];
  for (const match of text.matchAll(/\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b/gu)) {
    const name = match[0];
    let entity = entities.find((e) => e.name === name);
    if (!entity) {
      const known = options.known?.find((k) => [k.name, ...k.aliases.map((a) => a.name)].some((n) => normalizeKey(n) === normalizeKey(name)));
      entity = { key: `p${entities.length + 1}`, kind: 'person', name, aliases: [], mentions: [], existingId: known?.id ?? null };
      entities.push(entity);
    }
    entity.mentions.push({ start: match.index, end: match.index + name.length, text: name });
  }
  const sentences = [...text.matchAll(/[^.!?\n]+[.!?]?/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const claims: ExtractedClaim[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const cue = /\b(said|denied)\b/.exec(body);
    if (!cue) continue;
    const inside = entities.filter((e) => e.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end));
    const denial = cue[1] === 'denied';
    claims.push({
      key: `c${claims.length + 1}`, text: body.trim(), claimantKey: inside[0]?.key ?? null, claimantLabel: null,
      stance: denial ? 'denies' : 'asserts', subjectKeys: inside.slice(1).map((e) => e.key), objectKeys: [], predicate: null,
      madeOn: options.metadata?.publishedAt ?? null, aboutTime: null, dateText: null, status: 'unverified',
      evidenceOffered: null, evidenceCue: null, respondsToKey: denial && claims.length > 0 ? claims[claims.length - 1]!.key : null,
      span: sentence,
    });
  }
  return {
    text,
    metadata: { title: null, author: null, publisher: null, url: null, publishedAt: null, language: null, ...options.metadata },
    sentences, entities, claims, relations: [],
  };
}
