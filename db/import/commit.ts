// Writing a reviewed import: the source, its entities (new, linked to existing ones, or ignored),
// aliases, mention spans, claims with their roles and answers, relations and their spans, all in
// one store.write: one transaction and one history entry ("Import <title>"). Anything that fails
// (a bad offset, an unknown key, a constraint) rolls the whole import back.
// The proposal comes from the renderer, so every key and offset is checked, not trusted.
// A batch commits hundreds of these in a row into a large investigation (S6), so the rows are
// written here with statements prepared once per connection, and the importance of the touched
// entities is brought up to date once at the end: createClaim and createRelation refresh it after
// every row, which for an article of 40 claims rewrote the same entity and alias rows (and put
// their before/after images in the history entry) dozens of times.
import type { Statement } from 'better-sqlite3';
import type { ClaimInput, CommitArgs, CommitResult, ImportProposal, RelationInput } from '../../shared/api/import';
import type { AliasKind, ClaimRole } from '../../shared/domain/model';
import { ApiError } from '../../shared/api/errors';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import { newUid } from '../rows';
import type { GraphStore } from '../store';
import { refreshImportance } from '../queries/entities';
import { findSourceByHash, sha256 } from '../queries/sources';

const CONTEXT = 32;
/** how far a quote may have drifted from its offsets and still be re-anchored */
const DRIFT = 200;

type Target = { entityId?: number; claimId?: number; relationId?: number };

interface Statements {
  source: Statement;
  entity: Statement;
  entityRow: Statement;
  aliasKnown: Statement;
  alias: Statement;
  claim: Statement;
  role: Statement;
  answer: Statement;
  relationFound: Statement;
  relation: Statement;
  span: Statement;
}

const prepared = new WeakMap<SqliteDb, Statements>();

/** The commit's statements, prepared once per connection (preparing compiles every trigger of the table). */
function statements(db: SqliteDb): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      source: db.prepare(`
        INSERT INTO source (uid, kind, title, publisher, author, url, published_at, retrieved_at, language, text, sha256,
          reliability, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`),
      entity: db.prepare('INSERT INTO entity (uid, kind, name, description, origin, created_at, updated_at) VALUES (?, ?, ?, \'\', \'extracted\', ?, ?)'),
      entityRow: db.prepare('SELECT id, name, merged_into, importance FROM entity WHERE id = ?'),
      aliasKnown: db.prepare('SELECT 1 FROM alias WHERE entity_id = ? AND norm = ?'),
      alias: db.prepare('INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, ?, ?)'),
      claim: db.prepare(`
        INSERT INTO claim (uid, text, claimant_id, claimant_label, stance, predicate, made_on, about_time, status,
          credibility, evidence_offered, responds_to, importance, origin, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, 'extracted', ?, ?)`),
      role: db.prepare('INSERT OR IGNORE INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, ?)'),
      answer: db.prepare('UPDATE claim SET responds_to = ? WHERE id = ?'),
      relationFound: db.prepare('SELECT id FROM relation WHERE kind = ? AND from_id = ? AND to_id = ? LIMIT 1'),
      relation: db.prepare(`
        INSERT INTO relation (uid, kind, from_id, to_id, start, end, claim_id, origin, created_at, updated_at)
        VALUES (?, ?, ?, ?, NULL, NULL, NULL, 'extracted', ?, ?)`),
      span: db.prepare(`
        INSERT INTO span (source_id, start, end, exact, prefix, suffix, entity_id, claim_id, relation_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    prepared.set(db, s);
  }
  return s;
}

interface EntityRef { id: number; name: string; merged_into: number | null; importance: number }

/** The entity a link points at, following merges (not_found when there is none). */
function liveEntity(s: Statements, id: number): EntityRef {
  const get = (key: number) => {
    const row = s.entityRow.get(key) as EntityRef | undefined;
    if (!row) throw new ApiError('not_found', `No entity with id ${key}`);
    return row;
  };
  let row = get(id);
  for (let hops = 0; row.merged_into !== null && hops < 100; hops++) row = get(row.merged_into);
  return row;
}

/** Adds an alias unless the entity already has one with the same key (as addAliasRow does); collects the keys added. */
function aliasWriter(s: Statements, added: Set<string>) {
  return (entity: { id: number; importance: number }, name: string, kind: AliasKind): void => {
    const trimmed = name.trim();
    const norm = normalizeKey(trimmed);
    if (norm.length === 0) throw new ApiError('invalid_arguments', `"${trimmed}" has no letters or digits to search by`);
    if (s.aliasKnown.get(entity.id, norm)) return;
    s.alias.run(entity.id, trimmed, norm, kind, entity.importance);
    added.add(norm);
  };
}

/** Inserts spans cut from the text held in memory (addSpan would re-read the whole source per span). */
function spanWriter(s: Statements, sourceId: number, text: string) {
  const insert = s.span;
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
function writeEntities(s: Statements, args: CommitArgs, addSpan: ReturnType<typeof spanWriter>, addAlias: ReturnType<typeof aliasWriter>, now: number) {
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
      const existing = liveEntity(s, target);
      id = existing.id;
      // the forms this text uses become aliases of the existing entity (known keys are skipped)
      addAlias(existing, entity.name, 'alias');
      for (const alias of entity.aliases) addAlias(existing, alias.name, alias.kind === 'name' ? 'alias' : alias.kind);
    } else {
      const name = entity.name.trim();
      id = Number(s.entity.run(newUid(), entity.kind, name, now, now).lastInsertRowid);
      const fresh = { id, importance: 0 };
      addAlias(fresh, entity.name, 'name');
      for (const alias of entity.aliases) if (alias.name !== entity.name) addAlias(fresh, alias.name, alias.kind);
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

function writeClaims(s: Statements, claims: ClaimInput[], ids: Map<string, number | null>, names: Map<string, string>, addSpan: ReturnType<typeof spanWriter>, now: number) {
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
    const text = claim.text.trim();
    if (!text) throw new ApiError('invalid_arguments', `A claim quoted at ${claim.span.start}–${claim.span.end} has no text`);
    // the entities were linked or created above, so every one is live (not merged away)
    const id = Number(s.claim.run(newUid(), text, claimantId, claimantLabel, claim.stance, claim.predicate, claim.madeOn,
      claim.aboutTime, claim.status, claim.evidenceOffered, roles.length + 1, now, now).lastInsertRowid);
    for (const role of roles) s.role.run(id, role.entityId, role.role);
    claimIds.set(claim.key, id);
    addSpan(claim.span, { claimId: id }, 'quote of a claim');
  }
  // answers are linked once every claim exists: a denial may come before what it denies
  for (const claim of claims) {
    if (claim.respondsToKey === null) continue;
    const target = claimIds.get(claim.respondsToKey);
    if (target === undefined) throw new ApiError('invalid_arguments', `The claim "${claim.text.slice(0, 40)}" answers an unknown claim key "${claim.respondsToKey}"`);
    if (target !== claimIds.get(claim.key)) s.answer.run(target, claimIds.get(claim.key));
  }
  return claimIds.size;
}

function writeRelations(s: Statements, relations: RelationInput[], ids: Map<string, number | null>, addSpan: ReturnType<typeof spanWriter>, now: number) {
  let count = 0;
  for (const relation of relations) {
    const fromId = entityOf(ids, relation.fromKey, 'A relation');
    const toId = entityOf(ids, relation.toKey, 'A relation');
    if (fromId === null || toId === null || fromId === toId) continue; // an ignored end, or both ends linked to one entity
    // a relation the investigation already holds gets this quote as more evidence, not a twin
    const found = s.relationFound.get(relation.kind, fromId, toId) as { id: number } | undefined;
    const id = found?.id ?? Number(s.relation.run(newUid(), relation.kind, fromId, toId, now, now).lastInsertRowid);
    addSpan(relation.span, { relationId: id }, 'quote of a relation');
    count++;
  }
  return count;
}

/** What commitImport writes, plus the keys of the aliases it added (a batch checks its next file against them). */
export function writeImport(store: GraphStore, args: CommitArgs): { result: CommitResult; aliasKeys: Set<string> } {
  const { proposal } = args;
  const metadata = { ...proposal.metadata, ...args.metadata };
  const title = titleOf(proposal, args.metadata);
  const names = new Map(proposal.entities.map((e) => [e.key, e.name]));
  const aliasKeys = new Set<string>();
  const { value, historyId } = store.write({ action: 'import.commit', summary: `Import "${title}"` }, (db) => {
    aliasKeys.clear(); // a retry starts over
    const s = statements(db);
    const now = Date.now();
    const hash = sha256(proposal.text);
    const existing = findSourceByHash(db, hash);
    if (existing) throw new ApiError('conflict', `This text was already imported as "${existing.title || 'untitled'}" (source ${existing.id})`);
    const sourceId = Number(s.source.run(newUid(), proposal.kind, title, metadata.publisher ?? null, metadata.author ?? null,
      metadata.url ?? null, metadata.publishedAt ?? null, now, metadata.language ?? null, proposal.text, hash, now, now).lastInsertRowid);
    const addSpan = spanWriter(s, sourceId, proposal.text);
    const { ids, created } = writeEntities(s, args, addSpan, aliasWriter(s, aliasKeys), now);
    const claims = writeClaims(s, args.claims ?? proposal.claims, ids, names, addSpan, now);
    const relations = writeRelations(s, args.relations ?? proposal.relations, ids, addSpan, now);
    const written = [...ids.values()].filter((id): id is number => id !== null);
    // every entity a claim or relation can name is in `written`: one refresh covers them all
    refreshImportance(db, written);
    return { sourceId, entities: new Set(written).size, newEntities: created, claims, relations };
  });
  return { result: { ...value, historyId }, aliasKeys };
}

/** Writes the reviewed proposal in one transaction with one history entry. */
export function commitImport(store: GraphStore, args: CommitArgs): CommitResult {
  return writeImport(store, args).result;
}
