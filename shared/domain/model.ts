// The domain model of SPEC §2 as zod schemas; the TypeScript types are inferred from them, so the
// API's validation and the code's types cannot drift apart.
import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'organization', 'place', 'event'] as const;
export const ALIAS_KINDS = ['name', 'alias', 'codename', 'abbreviation', 'transliteration'] as const;
export const SOURCE_KINDS = ['article', 'document', 'note'] as const;
export const STANCES = ['asserts', 'denies', 'questions', 'reports'] as const;
export const CLAIM_STATUSES = ['unverified', 'disputed', 'corroborated', 'refuted'] as const;
export const EVIDENCE_LEVELS = ['none', 'partial', 'documentary'] as const;
export const ROLES = ['subject', 'object'] as const;
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const ORIGINS = ['manual', 'extracted', 'imported'] as const;
/** A small predicate vocabulary; claims may also carry free text. */
export const PREDICATES = [
  'recruited_by', 'member_of', 'works_for', 'met_with', 'paid', 'owns', 'controls', 'leads',
  'funded', 'bribed', 'associate_of', 'located_in', 'involved_in',
] as const;
export const RELATION_KINDS = [
  'member_of', 'works_for', 'leads', 'owns', 'associate_of', 'family_of', 'located_in', 'part_of',
  'founded', 'funds', 'met_with', 'other',
] as const;

export const EntityKind = z.enum(ENTITY_KINDS);
export const AliasKind = z.enum(ALIAS_KINDS);
export const SourceKind = z.enum(SOURCE_KINDS);
export const Stance = z.enum(STANCES);
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export const Evidence = z.enum(EVIDENCE_LEVELS);
export const Role = z.enum(ROLES);
export const Reliability = z.enum(RELIABILITY_GRADES);
export const RelationKind = z.enum(RELATION_KINDS);
export const Origin = z.enum(ORIGINS);
export type EntityKind = z.infer<typeof EntityKind>;
export type AliasKind = z.infer<typeof AliasKind>;
export type SourceKind = z.infer<typeof SourceKind>;
export type Stance = z.infer<typeof Stance>;
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export type Evidence = z.infer<typeof Evidence>;
export type Role = z.infer<typeof Role>;
export type Reliability = z.infer<typeof Reliability>;
export type RelationKind = z.infer<typeof RelationKind>;
export type Origin = z.infer<typeof Origin>;
/** Admiralty credibility 1 (confirmed) … 6 (cannot be judged); null means ungraded. */
export const Credibility = z.number().int().min(1).max(6);

/** Dates are partial ISO strings: "1987", "2025-03", "2025-03-03". */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date like 1987, 2025-03 or 2025-03-03');

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const Version = z.number().int().positive();
export const Name = z.string().trim().min(1, 'a name is required').max(500, 'a name is at most 500 characters');
export const LongText = z.string().max(100_000, 'text is at most 100,000 characters');

export const Entity = z.object({
  id: Id,
  uid: z.string(),
  kind: EntityKind,
  name: z.string(),
  description: z.string(),
  importance: z.number(),
  mergedInto: Id.nullable(),
  origin: Origin,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: Version,
});
export type Entity = z.infer<typeof Entity>;

export const Alias = z.object({
  id: Id,
  entityId: Id,
  name: z.string(),
  norm: z.string(),
  kind: AliasKind,
});
export type Alias = z.infer<typeof Alias>;

export const Source = z.object({
  id: Id,
  uid: z.string(),
  kind: SourceKind,
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  retrievedAt: z.number(),
  language: z.string().nullable(),
  sha256: z.string(),
  reliability: Reliability.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: Version,
});
export type Source = z.infer<typeof Source>;

export const ClaimRole = z.object({ entityId: Id, role: Role });
export type ClaimRole = z.infer<typeof ClaimRole>;

export const Claim = z.object({
  id: Id,
  uid: z.string(),
  text: z.string(),
  claimantId: Id.nullable(),
  claimantLabel: z.string().nullable(),
  stance: Stance,
  predicate: z.string().nullable(),
  madeOn: z.string().nullable(),
  aboutTime: z.string().nullable(),
  status: ClaimStatus,
  credibility: Credibility.nullable(),
  evidenceOffered: Evidence.nullable(),
  respondsTo: Id.nullable(),
  origin: Origin,
  roles: z.array(ClaimRole),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: Version,
});
export type Claim = z.infer<typeof Claim>;

export const Relation = z.object({
  id: Id,
  uid: z.string(),
  kind: RelationKind,
  fromId: Id,
  toId: Id,
  start: z.string().nullable(),
  end: z.string().nullable(),
  claimId: Id.nullable(),
  origin: Origin,
  createdAt: z.number(),
  updatedAt: z.number(),
  version: Version,
});
export type Relation = z.infer<typeof Relation>;

export const SpanTarget = z.enum(['entity', 'claim', 'relation']);
export const Span = z.object({
  id: Id,
  sourceId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  target: SpanTarget,
  targetId: Id,
});
export type Span = z.infer<typeof Span>;

export const NoteTarget = z.enum(['entity', 'claim', 'relation', 'source']);
export const Note = z.object({
  id: Id,
  target: NoteTarget,
  targetId: Id,
  body: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: Version,
});
export type Note = z.infer<typeof Note>;

export const HistoryEntry = z.object({
  id: Id,
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  summary: z.string(),
  undoes: Id.nullable(),
  undone: z.boolean(),
  changeCount: z.number().int(),
  /** graph node ids of the items the change touched (at most 20), to jump to them */
  items: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
