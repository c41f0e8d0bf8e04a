// Writing a reviewed import: the source, its entities (new, linked to existing ones, or ignored),
// aliases, mention spans, claims with their roles and answers, relations and their spans, all in
// one store.write: one transaction and one history entry ("Import <title>"). Anything that fails
// (a bad offset, an unknown key, a constraint) rolls the whole import back.
// The proposal comes from the renderer, so every key and offset is checked, not trusted.
import type { ClaimInput, CommitArgs, CommitResult, ImportProposal, RelationInput } from '../../shared/api/import';
import type { ClaimRole } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import type { SqliteDb } from '../open';
import type { GraphStore } from '../store';
import { addAliasRow, createEntity, getEntityRow, refreshImportance, resolveEntityId } from '../queries/entities';
import { createClaim } from '../queries/claims';
import { createRelation } from '../queries/relations';
import { createSource } from '../queries/sources';

const CONTEXT = 32;
/** how far a quote may have drifted from its offsets and still be re-anchored */
const DRIFT = 200;

type Target = { entityId?: number; claimId?: number; relationId?: number };

/** Inserts spans cut from the text held in memory (addSpan would re-read the whole source per span). */
function spanWriter(db: SqliteDb, sourceId: number, text: string) {
  const insert = db.prepare(`
    INSERT INTO span (source_id, start, end, exact, prefix, suffix, entity_id, claim_id, relation_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (range: { start: number; end: number; text?: string }, target: Target, what: string): void => {
    let { start, end } = range;
    if (range.text !== undefined && text.slice(start, end) !== range.text) {
      // offsets drifted (an edit upstream): re-anchor by the quote near where it was
      const from = Math.max(0, start - DRIFT);
      const found = text.indexOf(range.text, from);
      if (found < 0 || found > start + DRIFT || range.text.length === 0) {
        throw new ApiError('invalid_arguments', `The ${what} "${range.text.slice(0, 60)}" is not at ${start}–${end} of the text`);
      }
      start = found;
      end = found + range.text.length;
    }
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) {
      throw new ApiError('invalid_arguments', `The ${what} must lie inside the text (0–${text.length}); got ${start}–${end}`);
    }
    insert.run(sourceId, start, end, text.slice(start, end), text.slice(Math.max(0, start - CONTEXT), start),
      text.slice(end, end + CONTEXT), target.entityId ?? null, target.claimId ?? null, target.relationId ?? null);
  };
}

function titleOf(proposal: ImportProposal, edits: CommitArgs['metadata']): string {
  const title = (edits?.title ?? proposal.metadata.title ?? '').trim();
  if (title) return title.slice(0, 1000);
  const firstLine = proposal.text.split('\n', 1)[0]!.trim();
  return firstLine.length > 80 ? `${firstLine.slice(0, 77).replace(/\s+\S*$/, '')}…` : firstLine;
}

/** Maps entity keys to written entity ids (null: ignored), creating or linking as decided. */
function writeEntities(db: SqliteDb, args: CommitArgs, addSpan: ReturnType<typeof spanWriter>) {
  const decisions = new Map(args.decisions.map((d) => [d.key, d]));
  for (const key of decisions.keys()) {
    if (!args.proposal.entities.some((e) => e.key === key)) throw new ApiError('invalid_arguments', `A decision names an unknown entity key "${key}"`);
  }
  const ids = new Map<string, number | null>();
  let created = 0;
  for (const entity of args.proposal.entities) {
    if (ids.has(entity.key)) throw new ApiError('invalid_arguments', `The entity key "${entity.key}" is used twice`);
    const decision = decisions.get(entity.key);
    const action = decision?.action ?? (entity.existingId !== null ? 'link' : 'new');
    if (action === 'ignore') {
      ids.set(entity.key, null);
      continue;
    }
    let id: number;
    if (action === 'link') {
      const target = decision?.entityId ?? entity.existingId;
      if (target == null) throw new ApiError('invalid_arguments', `Choose the entity to link "${entity.name}" to`);
      getEntityRow(db, target); // not_found with a clear message
      id = resolveEntityId(db, target);
      // the forms this text uses become aliases of the existing entity (addAliasRow skips known keys)
      addAliasRow(db, id, entity.name, 'alias');
      for (const alias of entity.aliases) addAliasRow(db, id, alias.name, alias.kind === 'name' ? 'alias' : alias.kind);
    } else {
      id = createEntity(db, { kind: entity.kind, name: entity.name, aliases: entity.aliases.filter((a) => a.name !== entity.name), origin: 'extracted' }).id;
      created++;
    }
    ids.set(entity.key, id);
    for (const mention of entity.mentions) addSpan(mention, { entityId: id }, `mention of ${entity.name}`);
  }
  return { ids, created };
}

function entityOf(ids: Map<string, number | null>, key: string, where: string): number | null {
  if (!ids.has(key)) throw new ApiError('invalid_arguments', `${where} names an unknown entity key "${key}"`);
  return ids.get(key)!;
}

function writeClaims(db: SqliteDb, claims: ClaimInput[], ids: Map<string, number | null>, names: Map<string, string>, addSpan: ReturnType<typeof spanWriter>) {
  const claimIds = new Map<string, number>();
  for (const claim of claims) {
    if (claimIds.has(claim.key)) throw new ApiError('invalid_arguments', `The claim key "${claim.key}" is used twice`);
    const where = `The claim "${claim.text.slice(0, 40)}"`;
    const claimantId = claim.claimantKey === null ? null : entityOf(ids, claim.claimantKey, where);
    // an ignored claimant keeps its name as a label, so the claim still says who made it
    const claimantLabel = claim.claimantLabel ?? (claim.claimantKey !== null && claimantId === null ? names.get(claim.claimantKey) ?? null : null);
    const roles: ClaimRole[] = [];
    for (const [role, keys] of [['subject', claim.subjectKeys], ['object', claim.objectKeys]] as const) {
      for (const key of keys) {
        const entityId = entityOf(ids, key, where);
        if (entityId !== null && !roles.some((r) => r.entityId === entityId && r.role === role)) roles.push({ entityId, role });
      }
    }
    const written = createClaim(db, {
      text: claim.text, claimantId, claimantLabel, stance: claim.stance, predicate: claim.predicate, madeOn: claim.madeOn,
      aboutTime: claim.aboutTime, status: claim.status, credibility: null, evidenceOffered: claim.evidenceOffered,
      respondsTo: null, roles, origin: 'extracted',
    });
    claimIds.set(claim.key, written.id);
    addSpan(claim.span, { claimId: written.id }, 'quote of a claim');
  }
  // answers are linked once every claim exists: a denial may come before what it denies
  const answer = db.prepare('UPDATE claim SET responds_to = ? WHERE id = ?');
  for (const claim of claims) {
    if (claim.respondsToKey === null) continue;
    const target = claimIds.get(claim.respondsToKey);
    if (target === undefined) throw new ApiError('invalid_arguments', `The claim "${claim.text.slice(0, 40)}" answers an unknown claim key "${claim.respondsToKey}"`);
    if (target !== claimIds.get(claim.key)) answer.run(target, claimIds.get(claim.key));
  }
  return claimIds.size;
}

function writeRelations(db: SqliteDb, relations: RelationInput[], ids: Map<string, number | null>, addSpan: ReturnType<typeof spanWriter>) {
  const existing = db.prepare('SELECT id FROM relation WHERE kind = ? AND from_id = ? AND to_id = ? LIMIT 1');
  let count = 0;
  for (const relation of relations) {
    const fromId = entityOf(ids, relation.fromKey, 'A relation');
    const toId = entityOf(ids, relation.toKey, 'A relation');
    if (fromId === null || toId === null || fromId === toId) continue; // an ignored end, or both ends linked to one entity
    // a relation the investigation already holds gets this quote as more evidence, not a twin
    const found = existing.get(relation.kind, fromId, toId) as { id: number } | undefined;
    const id = found?.id ?? createRelation(db, { kind: relation.kind, fromId, toId, start: null, end: null, claimId: null, origin: 'extracted' }).id;
    addSpan(relation.span, { relationId: id }, 'quote of a relation');
    count++;
  }
  return count;
}

/** Writes the reviewed proposal in one transaction with one history entry. */
export function commitImport(store: GraphStore, args: CommitArgs): CommitResult {
  const { proposal } = args;
  const metadata = { ...proposal.metadata, ...args.metadata };
  const title = titleOf(proposal, args.metadata);
  const names = new Map(proposal.entities.map((e) => [e.key, e.name]));
  const { value, historyId } = store.write({ action: 'import.commit', summary: `Import "${title}"` }, (db) => {
    const source = createSource(db, {
      kind: proposal.kind, title, publisher: metadata.publisher ?? null, author: metadata.author ?? null,
      url: metadata.url ?? null, publishedAt: metadata.publishedAt ?? null, language: metadata.language ?? null, text: proposal.text,
    });
    const addSpan = spanWriter(db, source.id, proposal.text);
    const { ids, created } = writeEntities(db, args, addSpan);
    const claims = writeClaims(db, args.claims ?? proposal.claims, ids, names, addSpan);
    const relations = writeRelations(db, args.relations ?? proposal.relations, ids, addSpan);
    const written = [...ids.values()].filter((id): id is number => id !== null);
    refreshImportance(db, written);
    return { sourceId: source.id, entities: new Set(written).size, newEntities: created, claims, relations };
  });
  return { ...value, historyId };
}
