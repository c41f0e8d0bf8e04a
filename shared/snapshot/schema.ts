// The `.skein.json` snapshot format (SPEC §5), version 1, as zod schemas: one record schema per
// table, with the table's own column names, so a snapshot is lossless and maps 1:1 onto the rows.
// Every string is capped, so a hostile file cannot make the importer hold a gigabyte in one field.
import { z } from 'zod';
import {
  ALIAS_KINDS, CLAIM_STATUSES, ENTITY_KINDS, EVIDENCE_LEVELS, ORIGINS, RELIABILITY_GRADES, ROLES, SOURCE_KINDS, STANCES,
} from '../domain/model';

export const SNAPSHOT_FORMAT = 'skein-snapshot';
export const SNAPSHOT_VERSION = 1;

const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Ref = RowId.nullable();
const Time = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Ver = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Uid = z.string().min(1).max(200);
/** Names, titles, labels: generous, but far below anything that could exhaust memory. */
const Short = z.string().max(10_000);
const ShortOrNull = Short.nullable();
/** Source texts, note bodies and history row images. */
const Long = z.string().max(50_000_000);
const Finite = z.number().finite();

export const EntityRecord = z.object({
  id: RowId, uid: Uid, kind: z.enum(ENTITY_KINDS), name: Short.min(1), description: Long, importance: Finite,
  merged_into: Ref, origin: z.enum(ORIGINS), created_at: Time, updated_at: Time, version: Ver,
}).strict();
export const AliasRecord = z.object({
  id: RowId, entity_id: RowId, name: Short.min(1), norm: Short, kind: z.enum(ALIAS_KINDS), importance: Finite,
}).strict();
export const SourceRecord = z.object({
  id: RowId, uid: Uid, kind: z.enum(SOURCE_KINDS), title: Short, publisher: ShortOrNull, author: ShortOrNull,
  url: ShortOrNull, published_at: ShortOrNull, retrieved_at: Time, language: ShortOrNull, text: Long,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256'), reliability: z.enum(RELIABILITY_GRADES).nullable(),
  created_at: Time, updated_at: Time, version: Ver,
}).strict();
export const ClaimRecord = z.object({
  id: RowId, uid: Uid, text: Short.min(1), claimant_id: Ref, claimant_label: ShortOrNull, stance: z.enum(STANCES),
  predicate: ShortOrNull, made_on: ShortOrNull, about_time: ShortOrNull, status: z.enum(CLAIM_STATUSES),
  credibility: z.number().int().min(1).max(6).nullable(), evidence_offered: z.enum(EVIDENCE_LEVELS).nullable(),
  responds_to: Ref, importance: Finite, origin: z.enum(ORIGINS), created_at: Time, updated_at: Time, version: Ver,
}).strict();
export const ClaimRoleRecord = z.object({ claim_id: RowId, entity_id: RowId, role: z.enum(ROLES) }).strict();
export const RelationRecord = z.object({
  id: RowId, uid: Uid, kind: Short.min(1), from_id: RowId, to_id: RowId, start: ShortOrNull, end: ShortOrNull,
  claim_id: Ref, origin: z.enum(ORIGINS), created_at: Time, updated_at: Time, version: Ver,
}).strict();
export const SpanRecord = z.object({
  id: RowId, source_id: RowId, start: z.number().int().min(0), end: z.number().int().positive(), exact: Long,
  prefix: Short, suffix: Short, entity_id: Ref, claim_id: Ref, relation_id: Ref,
}).strict();
export const NoteRecord = z.object({
  id: RowId, body: Long, entity_id: Ref, claim_id: Ref, relation_id: Ref, source_id: Ref,
  created_at: Time, updated_at: Time, version: Ver,
}).strict();
export const SettingRecord = z.object({ key: Short.min(1), value: Long }).strict();
export const MergeRecord = z.object({ id: RowId, survivor_id: RowId, merged_id: RowId, moved: Long, at: Time }).strict();
export const NotDuplicateRecord = z.object({ a: RowId, b: RowId, at: Time }).strict();
export const HistoryRecord = z.object({
  id: RowId, at: Time, actor: Short, action: Short, summary: Long, changes: Long, undoes: Ref, redoes: Ref,
}).strict();

/** Sections in the order they are written and must be read (each refers only to earlier ones). */
export const SECTIONS = {
  sources: SourceRecord,
  entities: EntityRecord,
  aliases: AliasRecord,
  claims: ClaimRecord,
  claim_roles: ClaimRoleRecord,
  relations: RelationRecord,
  spans: SpanRecord,
  notes: NoteRecord,
  settings: SettingRecord,
  merges: MergeRecord,
  not_duplicates: NotDuplicateRecord,
  history: HistoryRecord,
} as const;
export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];
export type SectionRecord<S extends SectionName> = z.infer<(typeof SECTIONS)[S]>;

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const SnapshotCounts = z.object(
  Object.fromEntries(SECTION_NAMES.map((name) => [name, Count])) as Record<SectionName, typeof Count>,
).strict();
export type SnapshotCounts = z.infer<typeof SnapshotCounts>;

export const Manifest = z.object({
  app: z.object({ name: z.literal('Skein'), version: Short }).strict(),
  exported_at: z.string().max(40),
  scope: z.enum(['investigation', 'view']),
  schema_version: z.number().int().min(0),
  history: z.boolean(),
  counts: SnapshotCounts,
  /** sha256 of each source text, in the order of the sources section */
  source_sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000_000),
}).strict();
export type Manifest = z.infer<typeof Manifest>;

/** The whole document, for readers that load a small snapshot at once (it is also plain JSON). */
export const Snapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  manifest: Manifest,
  sources: z.array(SourceRecord),
  entities: z.array(EntityRecord),
  aliases: z.array(AliasRecord),
  claims: z.array(ClaimRecord),
  claim_roles: z.array(ClaimRoleRecord),
  relations: z.array(RelationRecord),
  spans: z.array(SpanRecord),
  notes: z.array(NoteRecord),
  settings: z.array(SettingRecord),
  merges: z.array(MergeRecord),
  not_duplicates: z.array(NotDuplicateRecord),
  history: z.array(HistoryRecord),
}).strict();
export type Snapshot = z.infer<typeof Snapshot>;
