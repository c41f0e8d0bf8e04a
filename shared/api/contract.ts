// Every call the renderer can make, declared once: a zod schema for the arguments and one for the
// result, named `domain.verb`. The router validates arguments against these in the main process;
// the renderer's Backend is typed by them. Push events are a separate map (events.ts).
import { z } from 'zod';
import {
  Alias, AliasKind, Claim, ClaimStatus, Credibility, Entity, EntityKind, Evidence, HistoryEntry, Id,
  LongText, Name, Note, PartialDate, Relation, RelationKind, Reliability, Role, Source, Span, Stance, Version,
} from '../domain/model';
import { GraphEdge, GraphPayload, NodeType } from '../graph/model';
import { NODE_ID_PATTERN } from '../graph/ids';
import { exportContract } from './export';
import { importContract } from './import';
import { curationContract } from './curation';
import { exploreContract } from './explore';

export const NodeIdArg = z.string().regex(NODE_ID_PATTERN, 'expected a node id like "e:12"');
const Nothing = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

const SearchHit = z.object({
  nodeId: z.string(),
  type: NodeType,
  kind: z.string(),
  label: z.string(),
  /** the alias or text that matched, when it differs from the label */
  match: z.string().nullable(),
  importance: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

const Counts = z.object({
  entities: z.number(), people: z.number(), organizations: z.number(), places: z.number(),
  events: z.number(), aliases: z.number(), claims: z.number(), relations: z.number(),
  sources: z.number(), spans: z.number(), notes: z.number(), history: z.number(),
});
export type Counts = z.infer<typeof Counts>;

const AliasInput = z.object({ name: Name, kind: AliasKind.default('alias') }).strict();
/** The passage an item was created from (the source reader's selection): saved as its span. */
export const SpanArg = z.object({
  sourceId: Id,
  start: z.number().int().min(0).max(100_000_000),
  end: z.number().int().min(1).max(100_000_000),
}).strict().refine((s) => s.end > s.start, 'a span ends after it starts');
const RoleInput = z.object({ entityId: Id, role: Role }).strict();

const EntityDetail = z.object({
  entity: Entity,
  aliases: z.array(Alias),
  relations: z.array(Relation.extend({ otherName: z.string(), direction: z.enum(['out', 'in']) })),
  claimsBy: z.array(Claim),
  claimsAbout: z.array(Claim),
  sources: z.array(z.object({ source: Source, mentions: z.number() })),
  /** entities merged into this one, newest first (each can be unmerged) */
  merged: z.array(z.object({ id: Id, name: z.string(), at: z.number() })),
  notes: z.array(Note),
  names: z.record(z.string(), z.string()),
});
export type EntityDetail = z.infer<typeof EntityDetail>;

const ClaimDetail = z.object({
  claim: Claim,
  responses: z.array(Claim),
  respondsTo: Claim.nullable(),
  spans: z.array(Span.extend({ sourceTitle: z.string() })),
  notes: z.array(Note),
  names: z.record(z.string(), z.string()),
});
export type ClaimDetail = z.infer<typeof ClaimDetail>;

const SourceDetail = z.object({
  source: Source,
  text: z.string(),
  spans: z.array(Span),
  claimCount: z.number(),
  entityCount: z.number(),
  notes: z.array(Note),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

const NeighborhoodResult = GraphPayload.extend({
  center: z.string(),
  /** neighbours not returned because of the caps, per edge type */
  more: z.array(z.object({ edgeType: z.string(), count: z.number() })),
  total: z.number(),
  nextOffset: z.number().nullable(),
});
export type NeighborhoodResult = z.infer<typeof NeighborhoodResult>;

/** Neighbours the app asks for per edge type on one expansion (the rest is offered as "show N more"); the page store warms pages at this limit. */
export const EXPAND_LIMIT = 25;

export const contract = {
  'app.info': {
    args: Nothing,
    result: z.object({ version: z.string(), dbPath: z.string(), schemaVersion: z.number(), counts: Counts }),
  },
  'stats.get': { args: Nothing, result: Counts },

  'search.query': {
    args: z.object({
      q: z.string().max(200, 'a search is at most 200 characters'),
      types: z.array(NodeType).max(3).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }).strict(),
    result: z.object({ hits: z.array(SearchHit) }),
  },

  'graph.nodes': {
    args: z.object({ ids: z.array(NodeIdArg).max(5000) }).strict(),
    result: GraphPayload,
  },
  'graph.neighborhood': {
    args: z.object({
      id: NodeIdArg,
      /** nodes already on the canvas: returned edges may end on them, they are not counted again */
      known: z.array(NodeIdArg).max(20_000).default([]),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }).strict(),
    result: NeighborhoodResult,
  },
  'graph.edgesAmong': {
    args: z.object({ ids: z.array(NodeIdArg).max(20_000) }).strict(),
    result: z.object({ edges: z.array(GraphEdge) }),
  },

  'entity.get': { args: z.object({ id: Id }).strict(), result: EntityDetail },
  'entity.create': {
    args: z.object({
      kind: EntityKind,
      name: Name,
      description: LongText.default(''),
      aliases: z.array(AliasInput).max(200).default([]),
      span: SpanArg.optional(),
    }).strict(),
    result: Entity,
  },
  'entity.update': {
    args: z.object({
      id: Id,
      version: Version,
      patch: z.object({ kind: EntityKind, name: Name, description: LongText }).partial().strict(),
    }).strict(),
    result: Entity,
  },
  'entity.delete': { args: z.object({ id: Id, version: Version }).strict(), result: Ok },
  'alias.add': {
    args: z.object({ entityId: Id, name: Name, kind: AliasKind.default('alias'), span: SpanArg.optional() }).strict(),
    result: Alias,
  },
  'alias.remove': { args: z.object({ id: Id }).strict(), result: Ok },

  'relation.create': {
    args: z.object({
      kind: RelationKind, fromId: Id, toId: Id,
      start: PartialDate.nullable().default(null), end: PartialDate.nullable().default(null),
      claimId: Id.nullable().default(null),
      span: SpanArg.optional(),
    }).strict(),
    result: Relation,
  },
  'relation.delete': { args: z.object({ id: Id, version: Version }).strict(), result: Ok },

  'claim.get': { args: z.object({ id: Id }).strict(), result: ClaimDetail },
  'claim.create': {
    args: z.object({
      text: Name.max(2000, 'a claim is at most 2,000 characters'),
      claimantId: Id.nullable().default(null),
      claimantLabel: z.string().max(200).nullable().default(null),
      stance: Stance.default('asserts'),
      predicate: z.string().max(200).nullable().default(null),
      madeOn: PartialDate.nullable().default(null),
      aboutTime: PartialDate.nullable().default(null),
      status: ClaimStatus.default('unverified'),
      credibility: Credibility.nullable().default(null),
      evidenceOffered: Evidence.nullable().default(null),
      respondsTo: Id.nullable().default(null),
      roles: z.array(RoleInput).max(100).default([]),
      span: SpanArg.optional(),
    }).strict(),
    result: Claim,
  },
  'claim.delete': { args: z.object({ id: Id, version: Version }).strict(), result: Ok },

  'source.get': { args: z.object({ id: Id }).strict(), result: SourceDetail },
  'source.grade': {
    args: z.object({ id: Id, version: Version, reliability: Reliability.nullable() }).strict(),
    result: Source,
  },

  'history.list': {
    args: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.object({ entries: z.array(HistoryEntry) }),
  },
  'history.undo': { args: Nothing, result: z.object({ entry: HistoryEntry.nullable() }) },
  'history.redo': { args: Nothing, result: z.object({ entry: HistoryEntry.nullable() }) },
  ...importContract,
  ...curationContract,
  ...exploreContract,
  ...exportContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
