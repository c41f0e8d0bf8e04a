// Row types mirror the schema; this is the one place rows become domain objects.
import { randomBytes } from 'node:crypto';
import type { Alias, Claim, ClaimRole, Entity, Relation, Source, Span } from '../shared/domain/model';

export interface EntityRow {
  id: number; uid: string; kind: string; name: string; description: string; importance: number;
  merged_into: number | null; origin: string; created_at: number; updated_at: number; version: number;
}
export interface AliasRow { id: number; entity_id: number; name: string; norm: string; kind: string; importance: number }
export interface SourceRow {
  id: number; uid: string; kind: string; title: string; publisher: string | null; author: string | null;
  url: string | null; published_at: string | null; retrieved_at: number; language: string | null;
  text: string; sha256: string; reliability: string | null; created_at: number; updated_at: number; version: number;
}
export interface ClaimRow {
  id: number; uid: string; text: string; claimant_id: number | null; claimant_label: string | null;
  stance: string; predicate: string | null; made_on: string | null; about_time: string | null;
  status: string; credibility: number | null; evidence_offered: string | null; responds_to: number | null;
  importance: number; origin: string; created_at: number; updated_at: number; version: number;
}
export interface RelationRow {
  id: number; uid: string; kind: string; from_id: number; to_id: number; start: string | null; end: string | null;
  claim_id: number | null; origin: string; created_at: number; updated_at: number; version: number;
}
export interface SpanRow {
  id: number; source_id: number; start: number; end: number; exact: string; prefix: string; suffix: string;
  entity_id: number | null; claim_id: number | null; relation_id: number | null;
}

// 64 URL-safe characters in ascending code-point order: a prefix written with them sorts like the
// number it encodes, so uids sort by creation time.
const SORTED_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/**
 * A uid of 22 URL-safe characters: the time in ms (8 characters, in sort order) then 84 random
 * bits. New rows' uids land at the end of the UNIQUE uid index instead of at random places in it,
 * which keeps inserts into a large investigation fast (a random key costs a B-tree descent into a
 * cold page per row; measured 2× slower for 2.2M relations). `random` needs ≥ 11 bytes.
 */
export function sortableUid(ms: number, random: Uint8Array): string {
  let time = '';
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 8; i++) {
    time = SORTED_DIGITS[rest % 64]! + time;
    rest = Math.floor(rest / 64);
  }
  return time + Buffer.from(random.buffer, random.byteOffset, 11).toString('base64url').slice(0, 14);
}

export function newUid(): string {
  return sortableUid(Date.now(), randomBytes(11));
}

export function toEntity(row: EntityRow): Entity {
  return {
    id: row.id, uid: row.uid, kind: row.kind as Entity['kind'], name: row.name, description: row.description,
    importance: row.importance, mergedInto: row.merged_into, origin: row.origin as Entity['origin'],
    createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function toAlias(row: AliasRow): Alias {
  return { id: row.id, entityId: row.entity_id, name: row.name, norm: row.norm, kind: row.kind as Alias['kind'] };
}

export function toSource(row: Omit<SourceRow, 'text'>): Source {
  return {
    id: row.id, uid: row.uid, kind: row.kind as Source['kind'], title: row.title, publisher: row.publisher,
    author: row.author, url: row.url, publishedAt: row.published_at, retrievedAt: row.retrieved_at,
    language: row.language, sha256: row.sha256, reliability: row.reliability as Source['reliability'],
    createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function toClaim(row: ClaimRow, roles: ClaimRole[]): Claim {
  return {
    id: row.id, uid: row.uid, text: row.text, claimantId: row.claimant_id, claimantLabel: row.claimant_label,
    stance: row.stance as Claim['stance'], predicate: row.predicate, madeOn: row.made_on, aboutTime: row.about_time,
    status: row.status as Claim['status'], credibility: row.credibility,
    evidenceOffered: row.evidence_offered as Claim['evidenceOffered'], respondsTo: row.responds_to,
    origin: row.origin as Claim['origin'], roles, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function toRelation(row: RelationRow): Relation {
  return {
    id: row.id, uid: row.uid, kind: row.kind as Relation['kind'], fromId: row.from_id, toId: row.to_id,
    start: row.start, end: row.end, claimId: row.claim_id, origin: row.origin as Relation['origin'],
    createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function toSpan(row: SpanRow): Span {
  const target = row.entity_id !== null ? 'entity' : row.claim_id !== null ? 'claim' : 'relation';
  return {
    id: row.id, sourceId: row.source_id, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix,
    suffix: row.suffix, target, targetId: (row.entity_id ?? row.claim_id ?? row.relation_id)!,
  };
}
