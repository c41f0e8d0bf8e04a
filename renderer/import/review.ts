// The review model: what the analyst has decided about one import proposal (per-entity action and
// kind, the edited claim and relation lists, the metadata), kept apart from the React components so
// the highlight computation and the commit arguments are plain, testable functions.
import type {
  ClaimInput, CommitArgs, EntityMatch, ImportProposal, RelationInput,
} from '../../shared/api/import';
import type { EntityKind } from '../../shared/domain/model';
import type { SourceMetadata } from '../../shared/extract/types';

export type EntityAction = 'new' | 'link' | 'ignore';

export interface EntityReview {
  key: string;
  kind: EntityKind;
  name: string;
  action: EntityAction;
  /** the existing entity the gazetteer matched, if any (Link is only offered then) */
  match: EntityMatch | null;
}

export interface Review {
  entities: EntityReview[];
  claims: ClaimInput[];
  relations: RelationInput[];
  metadata: SourceMetadata;
}

export function initialReview(proposal: ImportProposal): Review {
  const matches = new Map(proposal.matches.map((m) => [m.key, m]));
  return {
    entities: proposal.entities.map((e) => {
      const match = matches.get(e.key) ?? null;
      // same default as the commit applies without a decision: matched → link, otherwise new
      return { key: e.key, kind: e.kind, name: e.name, match, action: match || e.existingId !== null ? 'link' : 'new' };
    }),
    claims: proposal.claims.map((c) => ({ ...c, subjectKeys: [...c.subjectKeys], objectKeys: [...c.objectKeys] })),
    relations: proposal.relations.map((r) => ({ ...r })),
    metadata: { ...proposal.metadata },
  };
}

/** Entities that will be written (not ignored): the choices offered for claimants, subjects, relation ends. */
export function liveEntities(review: Review): EntityReview[] {
  return review.entities.filter((e) => e.action !== 'ignore');
}

/** A claim the analyst adds from a selected passage: the passage is its quote and, trimmed, its text. */
export function claimFromSelection(text: string, range: { start: number; end: number }, claims: readonly ClaimInput[]): ClaimInput {
  let n = claims.length + 1;
  while (claims.some((c) => c.key === `added${n}`)) n++;
  return {
    key: `added${n}`, text: text.slice(range.start, range.end).replace(/\s+/g, ' ').trim().slice(0, 2000), claimantKey: null,
    claimantLabel: null, stance: 'asserts', subjectKeys: [], objectKeys: [], predicate: null, madeOn: null, aboutTime: null,
    dateText: null, status: 'unverified', evidenceOffered: null, evidenceCue: null, respondsToKey: null, span: range,
  };
}

/** Removes a claim and clears what answered it, so no claim points at a key the commit would reject. */
export function deleteClaim(claims: ClaimInput[], key: string): ClaimInput[] {
  return claims.filter((c) => c.key !== key).map((c) => (c.respondsToKey === key ? { ...c, respondsToKey: null } : c));
}

/** An empty field means "no value"; the API wants null. Not trimmed here, or typing a space would vanish. */
export function blankToNull(value: string): string | null {
  return value === '' ? null : value;
}

function tidy(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Problems that would make the commit fail, shown next to the Commit button instead of as a server error. */
export function reviewProblems(review: Review): string[] {
  const problems: string[] = [];
  for (const claim of review.claims) {
    if (!claim.text.trim()) problems.push('A claim has no text');
    for (const [label, date] of [['made on', claim.madeOn], ['about', claim.aboutTime]] as const) {
      if (tidy(date) !== null && !PARTIAL_DATE.test(tidy(date)!)) problems.push(`The ${label} date “${date}” is not like 1987, 2025-03 or 2025-03-03`);
    }
  }
  const published = review.metadata.publishedAt;
  if (tidy(published) !== null && !PARTIAL_DATE.test(tidy(published)!)) problems.push(`The published date “${published}” is not like 1987, 2025-03 or 2025-03-03`);
  for (const relation of review.relations) {
    if (relation.fromKey === relation.toKey) problems.push('A relation starts and ends at the same entity');
  }
  return problems;
}

/** The arguments of import.commit: one decision per entity, the edited kinds in the proposal, the reviewed lists. */
export function commitArgs(proposal: ImportProposal, review: Review): CommitArgs {
  const byKey = new Map(review.entities.map((e) => [e.key, e]));
  return {
    proposal: { ...proposal, entities: proposal.entities.map((e) => ({ ...e, kind: byKey.get(e.key)?.kind ?? e.kind })) },
    // a link without a shown match falls back to the extractor's existingId on the server
    decisions: review.entities.map((e) => (e.action === 'link' && e.match
      ? { key: e.key, action: 'link' as const, entityId: e.match.entityId }
      : { key: e.key, action: e.action })),
    claims: review.claims.map((c) => ({ ...c, text: c.text.trim(), madeOn: tidy(c.madeOn), aboutTime: tidy(c.aboutTime) })),
    relations: review.relations,
    metadata: {
      title: tidy(review.metadata.title), author: tidy(review.metadata.author), publisher: tidy(review.metadata.publisher),
      url: tidy(review.metadata.url), publishedAt: tidy(review.metadata.publishedAt), language: tidy(review.metadata.language),
    },
  };
}

/** Whether the analyst changed anything since `base`, so closing asks before discarding the work. */
export function isEdited(base: Review, review: Review): boolean {
  return JSON.stringify(base) !== JSON.stringify(review);
}
