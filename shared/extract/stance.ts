// Exculpatory statements. "The transactions were on arm's-length terms", "the firm provided genuine
// advice", "the campaign shares stories like every campaign does": no denial word, but said by (or
// for) a party that an earlier claim accused, they answer that accusation, so the corpus convention
// reads them as denials. Said by anyone else — an outlet insisting its own material is genuine — they
// stay assertions.
import type { ExtractedClaim } from './types';

// words that vouch for the accused side's conduct; no names, only the register of a defence
const DEFENCE = /\b(?:genuine|legitimate|lawful|(?:perfectly|entirely|fully|completely)\s+legal|arm['’]s[- ]length|above\s+board|normal|like\s+(?:every|any)\s+(?:other\s+)?[\p{L}-]+|compl(?:y|ies|ied)\s+with|in\s+(?:full\s+)?compliance)\b/iu;

/**
 * Does this stretch defend a party already accused? `parties` are the speaker and the entities named
 * in the sentence ("Whitlow's spokesperson" speaks for Whitlow); `earlier` the claims made so far.
 */
export function defendsAccused(stretch: string, speaker: string | null, parties: readonly string[], earlier: readonly ExtractedClaim[]): boolean {
  if (!DEFENCE.test(stretch)) return false;
  const side = new Set([...(speaker ? [speaker] : []), ...parties]);
  return earlier.some((c) => c.stance !== 'denies' && c.claimantKey !== speaker
    && (c.subjectKeys.some((k) => side.has(k) && k !== c.claimantKey) || c.objectKeys.some((k) => side.has(k))));
}
