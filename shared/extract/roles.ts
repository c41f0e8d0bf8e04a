// Subjects and objects of a claim. Claims are first found with every entity they name as a
// subject; when the wording carries a predicate ("was recruited by", "worked for", "met", "owns"),
// the entities on the far side of it become objects, so that "X was recruited by the KGB" is a claim
// about X (subject) and the KGB (object) and the canvas can draw X → KGB as an alleged edge.
import type { ExtractedClaim, ExtractedEntity } from './types';

/** The words that carry each predicate; the first match in the quote splits it. */
const TRIGGERS: Record<string, RegExp> = {
  recruited_by: /\b(?:recruit(?:ed|ing|s)?|enlisted|signed up)\b/i,
  member_of: /\b(?:worked (?:for|in|at)|served (?:in|with)|member of|informant (?:for|of|to)|agent of|part of)\b/i,
  works_for: /\b(?:employed by|works? for)\b/i,
  met_with: /\b(?:met(?: with)?|meeting with|meets)\b/i,
  paid: /\b(?:paid|payments? (?:to|from)|transferr?ed)\b/i,
  bribed: /\b(?:brib(?:e|ed|es|ing))\b/i,
  funded: /\b(?:fund(?:ed|s|ing)|financ(?:ed|es|ing))\b/i,
  owns: /\b(?:own(?:s|ed)?|owner of|beneficial owner of)\b/i,
  controls: /\b(?:control(?:s|led)?)\b/i,
  leads: /\b(?:led|leads|heads|headed|chief of|head of)\b/i,
};

/** Predicates whose object must be a body (nobody is a "member of" a person). */
const BODY_OBJECT = new Set(['member_of', 'works_for']);

const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$/i;

export function assignObjects(claims: ExtractedClaim[], entities: readonly ExtractedEntity[], text: string): void {
  const kindOf = new Map(entities.map((e) => [e.key, e.kind]));
  for (const claim of claims) {
    const trigger = claim.predicate ? TRIGGERS[claim.predicate] : undefined;
    if (!trigger || claim.subjectKeys.length < 2) continue;
    const quote = text.slice(claim.span.start, claim.span.end);
    const match = trigger.exec(quote);
    if (!match) continue;
    const at = claim.span.start + match.index;
    const after = at + match[0].length;
    const passive = PASSIVE_BEFORE.test(quote.slice(0, match.index)) && /^\s+by\b/i.test(text.slice(after, after + 8));
    // where each subject is first named inside the quote, relative to the trigger
    const side = new Map<string, 'before' | 'after'>();
    for (const entity of entities) {
      if (!claim.subjectKeys.includes(entity.key)) continue;
      const inside = entity.mentions.filter((m) => m.start >= claim.span.start && m.end <= claim.span.end);
      const first = inside.find((m) => m.start >= after) ?? inside[0];
      if (first) side.set(entity.key, first.start >= after ? 'after' : 'before');
    }
    // active "A recruited B": B is the subject and A the recruiter; passive "B was recruited by A" the same
    const objectSide = claim.predicate === 'recruited_by' ? (passive ? 'after' : 'before') : passive ? 'before' : 'after';
    const objects = claim.subjectKeys.filter((k) => side.get(k) === objectSide && k !== claim.claimantKey
      && (!BODY_OBJECT.has(claim.predicate!) || kindOf.get(k) === 'organization') && kindOf.get(k) !== 'place');
    let subjects = claim.subjectKeys.filter((k) => !objects.includes(k));
    if (objects.length === 0 || subjects.length === 0) continue;
    // the claimant is a subject of its own allegation only when it speaks of itself ("I worked for …");
    // otherwise "X alleges that Y was recruited by Z" would also draw "X recruited by Z"
    const firstPerson = /\b(?:I|me|my|we|our)\b/.test(quote.slice(0, match.index));
    if (claim.claimantKey && !firstPerson && subjects.some((k) => k !== claim.claimantKey && kindOf.get(k) !== 'place')) {
      subjects = subjects.filter((k) => k !== claim.claimantKey);
    }
    claim.subjectKeys = subjects;
    claim.objectKeys = [...new Set([...claim.objectKeys, ...objects])];
  }
}
