// Curation calls (issue 5): edit, merge and unmerge, duplicates, notes. Spread into the contract.
import { z } from 'zod';
import {
  Alias, AliasKind, Claim, ClaimStatus, Credibility, Entity, Evidence, Id, LongText, Name, Note, NoteTarget,
  PartialDate, Relation, RelationKind, Reliability, Role, Source, SourceKind, Stance, Version,
} from '../domain/model';

const Ok = z.object({ ok: z.literal(true) });
const Short = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const EntityRef = z.object({ id: Id, name: z.string(), kind: z.string() });

export const curationContract = {
  'alias.update': {
    args: z.object({ id: Id, kind: AliasKind }).strict(),
    result: Alias,
  },
  'entity.usage': {
    args: z.object({ id: Id }).strict(),
    result: z.object({ claimsBy: z.number(), claimRoles: z.number(), relations: z.number() }),
  },
  'entity.merge': {
    args: z.object({ survivorId: Id, mergedIds: z.array(Id).min(1).max(100), name: Name.nullable().default(null) }).strict(),
    result: Entity,
  },
  'entity.unmerge': { args: z.object({ id: Id }).strict(), result: Entity },
  'entity.duplicates': {
    args: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    result: z.object({ pairs: z.array(z.object({ a: EntityRef, b: EntityRef, reason: z.string() })) }),
  },
  'entity.notDuplicate': { args: z.object({ a: Id, b: Id }).strict(), result: Ok },
  'claim.update': {
    args: z.object({
      id: Id,
      version: Version,
      patch: z.object({
        text: Name.max(2000, 'a claim is at most 2,000 characters'),
        claimantId: Id.nullable(),
        claimantLabel: Short(200).nullable(),
        stance: Stance,
        predicate: Short(200).nullable(),
        madeOn: PartialDate.nullable(),
        aboutTime: PartialDate.nullable(),
        status: ClaimStatus,
        credibility: Credibility.nullable(),
        evidenceOffered: Evidence.nullable(),
        respondsTo: Id.nullable(),
        roles: z.array(z.object({ entityId: Id, role: Role }).strict()).max(100),
      }).partial().strict(),
    }).strict(),
    result: Claim,
  },
  'relation.update': {
    args: z.object({
      id: Id,
      version: Version,
      patch: z.object({
        kind: RelationKind, fromId: Id, toId: Id, start: PartialDate.nullable(), end: PartialDate.nullable(), claimId: Id.nullable(),
      }).partial().strict(),
    }).strict(),
    result: Relation,
  },
  'source.update': {
    args: z.object({
      id: Id,
      version: Version,
      patch: z.object({
        kind: SourceKind, title: Short(500), publisher: Short(300).nullable(), author: Short(300).nullable(),
        url: Short(2000).nullable(), publishedAt: PartialDate.nullable(), language: Short(20).nullable(), reliability: Reliability.nullable(),
      }).partial().strict(),
    }).strict(),
    result: Source,
  },
  'note.list': { args: z.object({ target: NoteTarget, targetId: Id }).strict(), result: z.object({ notes: z.array(Note) }) },
  'note.add': { args: z.object({ target: NoteTarget, targetId: Id, body: LongText.min(1, 'a note needs text') }).strict(), result: Note },
  'note.update': { args: z.object({ id: Id, version: Version, body: LongText.min(1, 'a note needs text') }).strict(), result: Note },
  'note.delete': { args: z.object({ id: Id, version: Version }).strict(), result: Ok },
} as const;


