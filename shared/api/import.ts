// The import calls of the API (SPEC §3): preview a text or file, commit the reviewed proposal in one
// transaction, import many files in a batch with progress, cancel a batch. Spread into `contract`.
// The proposal mirrors shared/extract/types.ts; the type checks at the bottom keep the two in step.
import { z } from 'zod';
import {
  AliasKind, ClaimStatus, EntityKind, Evidence, Id, Name, PartialDate, RelationKind, Stance,
} from '../domain/model';
import type { ExtractedClaim, ExtractedEntity, ExtractedRelation, Extraction, SourceMetadata } from '../extract/types';

/** Largest text accepted for import, in characters (the file limit is 20 MB of bytes). */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

const Key = z.string().min(1).max(40);
const Offset = z.number().int().min(0).max(MAX_IMPORT_CHARS);
const TextRange = z.object({ start: Offset, end: Offset });
const Mention = TextRange.extend({ text: z.string().max(1000) });
const Short = (max: number) => z.string().max(max).nullable();

export const SourceMetadataSchema = z.object({
  title: Short(1000), author: Short(500), publisher: Short(500), url: Short(4000),
  publishedAt: PartialDate.nullable(), language: Short(35),
});

export const ExtractedEntitySchema = z.object({
  key: Key,
  kind: EntityKind,
  name: Name,
  aliases: z.array(z.object({ name: Name, kind: AliasKind })).max(500),
  mentions: z.array(Mention).max(200_000),
  existingId: Id.nullable(),
});

/** A claim as proposed, or as edited (or added) by the analyst: only key, text and span are required. */
export const ClaimInputSchema = z.object({
  key: Key,
  text: Name.max(2000, 'a claim is at most 2,000 characters'),
  claimantKey: Key.nullable().default(null),
  claimantLabel: Short(200).default(null),
  stance: Stance.default('asserts'),
  subjectKeys: z.array(Key).max(100).default([]),
  objectKeys: z.array(Key).max(100).default([]),
  predicate: Short(200).default(null),
  madeOn: PartialDate.nullable().default(null),
  aboutTime: PartialDate.nullable().default(null),
  dateText: Short(200).default(null),
  status: ClaimStatus.default('unverified'),
  evidenceOffered: Evidence.nullable().default(null),
  evidenceCue: Short(500).default(null),
  respondsToKey: Key.nullable().default(null),
  span: TextRange,
});

export const RelationInputSchema = z.object({ key: Key, kind: RelationKind, fromKey: Key, toKey: Key, span: TextRange });

/** An extracted entity that the gazetteer linked to one already in the investigation. */
export const EntityMatchSchema = z.object({
  key: Key, entityId: Id, name: z.string(), kind: EntityKind,
  /** the existing alias (or name) that the text matched */
  alias: z.string(),
});

export const ImportProposalSchema = z.object({
  /** the normalised text that becomes the source's text; every offset points into it */
  text: z.string().min(1, 'the text is empty').max(MAX_IMPORT_CHARS, 'the text is larger than the 20 MB limit'),
  metadata: SourceMetadataSchema,
  kind: z.enum(['article', 'document']).default('article'),
  sentences: z.array(TextRange).max(1_000_000).default([]),
  entities: z.array(ExtractedEntitySchema).max(50_000),
  claims: z.array(ClaimInputSchema).max(20_000),
  relations: z.array(RelationInputSchema).max(50_000),
  sha256: z.string().max(64).default(''),
  /** the source that already holds this exact text, if any ("already imported") */
  duplicateOf: Id.nullable().default(null),
  matches: z.array(EntityMatchSchema).max(50_000).default([]),
  /** the file the text came from, for display */
  fileName: Short(1000).default(null),
});
export type ImportProposal = z.output<typeof ImportProposalSchema>;
export type EntityMatch = z.output<typeof EntityMatchSchema>;
export type ClaimInput = z.output<typeof ClaimInputSchema>;
export type RelationInput = z.output<typeof RelationInputSchema>;

export const EntityDecisionSchema = z.object({
  key: Key,
  /** new: create it; link: add to an existing entity (entityId, or the match); ignore: write nothing for it */
  action: z.enum(['new', 'link', 'ignore']),
  entityId: Id.optional(),
}).strict();
export type EntityDecision = z.output<typeof EntityDecisionSchema>;

export const CommitArgsSchema = z.object({
  proposal: ImportProposalSchema,
  /** per entity; an entity without a decision is linked when it matched, created otherwise */
  decisions: z.array(EntityDecisionSchema).max(50_000).default([]),
  /** the reviewed claims (replacing the proposal's): edit, drop or add */
  claims: z.array(ClaimInputSchema).max(20_000).optional(),
  /** the reviewed relations (replacing the proposal's) */
  relations: z.array(RelationInputSchema).max(50_000).optional(),
  /** edits to the source's metadata (title, author, date …) */
  metadata: SourceMetadataSchema.partial().optional(),
}).strict();
export type CommitArgs = z.output<typeof CommitArgsSchema>;

const CommitResult = z.object({
  sourceId: Id, historyId: Id.nullable(),
  /** entities written: created plus linked */
  entities: z.number(), newEntities: z.number(), claims: z.number(), relations: z.number(),
});
export type CommitResult = z.infer<typeof CommitResult>;

const BatchResult = z.object({
  taskId: z.string(),
  imported: z.array(z.object({ path: z.string(), sourceId: Id, entities: z.number(), claims: z.number() })),
  skipped: z.array(z.object({ path: z.string(), reason: z.literal('duplicate'), sourceId: Id })),
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
  /** the batch was cancelled; files after the cancel were not imported */
  cancelled: z.boolean(),
});
export type BatchResult = z.infer<typeof BatchResult>;

/** What to import: exactly one of a pasted text, a path, or a file's bytes. */
const PreviewFields = {
  text: z.string().max(MAX_IMPORT_CHARS, 'the text is larger than the 20 MB limit').optional(),
  path: z.string().min(1).max(4096).optional(),
  /** a file's bytes, for windows that cannot name a path (browser mode, sandboxed renderer) */
  file: z.object({
    name: z.string().min(1).max(255),
    base64: z.string().max(Math.ceil((MAX_IMPORT_CHARS * 4) / 3) + 4, 'the file is larger than the 20 MB limit').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file.base64 is not base64'),
  }).strict().optional(),
  title: z.string().max(1000).optional(),
};
const oneInput = (a: { text?: string; path?: string; file?: unknown }) => [a.text, a.path, a.file].filter((x) => x !== undefined).length === 1;

const AutoResult = z.object({
  /** skipped: the same text was imported before (sourceId is that source) */
  status: z.enum(['imported', 'skipped']),
  sourceId: Id, entities: z.number(), claims: z.number(),
});
export type AutoResult = z.infer<typeof AutoResult>;

export const AutoArgsSchema = z.object({
  ...PreviewFields,
  /** the title to give the source when the text has none of its own (a file's name) */
  fallbackTitle: z.string().max(1000).optional(),
}).strict().refine(oneInput, 'give exactly one of text, path or file');
export type AutoArgs = z.infer<typeof AutoArgsSchema>;

export const importContract = {
  'import.preview': {
    args: z.object(PreviewFields).strict().refine(oneInput, 'give exactly one of text, path or file'),
    result: z.object({ proposal: ImportProposalSchema }),
  },
  /** one file of "Import all": previewed and committed as proposed, in the background import process */
  'import.auto': { args: AutoArgsSchema, result: AutoResult },
  'import.commit': { args: CommitArgsSchema, result: CommitResult },
  'import.batch': {
    args: z.object({
      paths: z.array(z.string().min(1).max(4096)).min(1, 'give at least one file or folder').max(10_000),
      /** chosen by the caller so that it can cancel before the call returns; one is made up otherwise */
      taskId: z.string().min(1).max(100).optional(),
    }).strict(),
    result: BatchResult,
  },
  'import.cancel': {
    args: z.object({ taskId: z.string().min(1).max(100) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
} as const;

// Compile-time checks that the schemas accept what the extractor produces.
type Assignable<A, B extends A> = B;
export type _EntityFits = Assignable<z.input<typeof ExtractedEntitySchema>, ExtractedEntity>;
export type _ClaimFits = Assignable<z.input<typeof ClaimInputSchema>, ExtractedClaim>;
export type _RelationFits = Assignable<z.input<typeof RelationInputSchema>, ExtractedRelation>;
export type _MetadataFits = Assignable<z.input<typeof SourceMetadataSchema>, SourceMetadata>;
export type _ExtractionFits = Assignable<Pick<z.input<typeof ImportProposalSchema>, 'text' | 'sentences'>, Pick<Extraction, 'text' | 'sentences'>>;
