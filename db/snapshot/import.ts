// Snapshot import with merge, in one transaction (SPEC §5): the same source text (sha256) is the
// same source, the same entity uid is the same entity (differing fields are reported, the existing
// values kept), a name or alias that meets an existing entity under another uid is only suggested as
// a merge. Every record is validated before it is written; any error rolls the whole import back.
import type { SectionName, SectionRecord } from '../../shared/snapshot/schema';
import { SECTION_NAMES } from '../../shared/snapshot/schema';
import { normalizeKey } from '../../shared/text/normalize';
import type { SqliteDb } from '../open';
import type { GraphStore } from '../store';
import { sha256 } from '../queries/sources';
import { IdMap, remapMoved, type IdMaps } from './idmap';
import { readSnapshot, SnapshotError, validateRecord, type ReadLimits, DEFAULT_LIMITS } from './reader';
import { insertStatements } from './insert';

export interface Conflict { kind: string; key: string; field: string; existing: string; imported: string }
export interface MergeSuggestion { importedId: number; existingId: number; name: string; existingName: string }

export interface SnapshotImportResult {
  added: Record<SectionName, number>;
  matched: { sources: number; entities: number; claims: number; relations: number };
  conflicts: Conflict[];
  conflictCount: number;
  suggestions: MergeSuggestion[];
  historyImported: boolean;
  historyId: number | null;
}

const MAX_LISTED = 1000;

export function importSnapshot(store: GraphStore, path: string, limits: ReadLimits = DEFAULT_LIMITS): SnapshotImportResult {
  const { value, historyId } = store.write(
    { action: 'snapshot.import', summary: `Import snapshot ${path.split(/[\\/]/).pop() ?? path}` },
    (db) => runImport(db, path, limits),
  );
  return { ...value, historyId };
}

function runImport(db: SqliteDb, path: string, limits: ReadLimits): Omit<SnapshotImportResult, 'historyId'> {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const targetWasEmpty = count('entity') === 0;
  const importHistory = count('history') === 0;
  const sql = insertStatements(db);
  const maps: IdMaps = {
    entities: new IdMap('entity'), sources: new IdMap('source'), claims: new IdMap('claim'), relations: new IdMap('relation'),
    aliases: new IdMap('alias', false), spans: new IdMap('span', false), notes: new IdMap('note', false),
  };
  /** entities, sources and claims that existed before (their spans and notes may be duplicates) */
  const matchedEntities = new Set<number>();
  const matchedClaims = new Set<number>();
  const matchedSources = new Set<number>();
  const newEntities = new Set<number>();
  const deferredMerged: [number, number, string][] = [];
  const deferredResponds: [number, number, string][] = [];
  const result: Omit<SnapshotImportResult, 'historyId'> = {
    added: Object.fromEntries(SECTION_NAMES.map((n) => [n, 0])) as Record<SectionName, number>,
    matched: { sources: 0, entities: 0, claims: 0, relations: 0 },
    conflicts: [], conflictCount: 0, suggestions: [], historyImported: false,
  };
  const seenCounts = Object.fromEntries(SECTION_NAMES.map((n) => [n, 0])) as Record<SectionName, number>;
  const suggested = new Set<string>();
  let manifestHashes: string[] = [];

  const conflict = (kind: string, key: string, field: string, existing: unknown, imported: unknown) => {
    result.conflictCount += 1;
    if (result.conflicts.length < MAX_LISTED) result.conflicts.push({ kind, key, field, existing: String(existing), imported: String(imported) });
  };
  const compare = <R extends Record<string, unknown>>(kind: string, key: string, existing: R, imported: R, fields: (keyof R & string)[]) => {
    for (const f of fields) if (existing[f] !== imported[f]) conflict(kind, key, f, existing[f], imported[f]);
  };
  const suggest = (importedId: number, norm: string, name: string) => {
    if (targetWasEmpty || norm === '') return;
    for (const row of sql.aliasMatches.all(norm) as { id: number; name: string }[]) {
      const pair = `${importedId}:${row.id}`;
      if (newEntities.has(row.id) || suggested.has(pair)) continue;
      suggested.add(pair);
      if (result.suggestions.length < MAX_LISTED) result.suggestions.push({ importedId, existingId: row.id, name, existingName: row.name });
    }
  };

  const handlers: { [S in SectionName]: (r: SectionRecord<S>, where: string) => void } = {
    sources: (r, where) => {
      if (sha256(r.text) !== r.sha256) throw new SnapshotError(`${where}: the text does not match its sha256 (the file was altered)`);
      if (manifestHashes[seenCounts.sources - 1] !== r.sha256) throw new SnapshotError(`${where}: its sha256 is not the one listed in the manifest`);
      const existing = sql.sourceByHash.get(r.sha256) as SectionRecord<'sources'> | undefined;
      if (existing) {
        maps.sources.set(r.id, existing.id);
        matchedSources.add(existing.id);
        result.matched.sources += 1;
        compare('source', r.sha256.slice(0, 12), existing, r, ['title', 'publisher', 'author', 'url', 'published_at', 'reliability']);
        return;
      }
      maps.sources.set(r.id, sql.insert('source', { ...r, uid: sql.freeUid('source', r.uid) }));
      result.added.sources += 1;
    },
    entities: (r, where) => {
      const existing = sql.entityByUid.get(r.uid) as SectionRecord<'entities'> | undefined;
      if (existing) {
        maps.entities.set(r.id, existing.id);
        matchedEntities.add(existing.id);
        result.matched.entities += 1;
        compare('entity', r.uid, existing, r, ['kind', 'name', 'description']);
        return;
      }
      const id = sql.insert('entity', { ...r, merged_into: null });
      maps.entities.set(r.id, id);
      if (!targetWasEmpty) newEntities.add(id);
      if (r.merged_into !== null) deferredMerged.push([id, r.merged_into, where]);
      suggest(id, normalizeKey(r.name), r.name);
      result.added.entities += 1;
    },
    aliases: (r, where) => {
      const entityId = maps.entities.get(r.entity_id, where);
      if (newEntities.has(entityId)) suggest(entityId, r.norm, r.name);
      const id = sql.insertOrIgnore('alias', { ...r, entity_id: entityId });
      if (id !== null) {
        maps.aliases.set(r.id, id);
        result.added.aliases += 1;
      } else maps.aliases.set(r.id, sql.aliasId.get(entityId, r.norm) as number);
    },
    claims: (r, where) => {
      const existing = sql.claimByUid.get(r.uid) as SectionRecord<'claims'> | undefined;
      if (existing) {
        maps.claims.set(r.id, existing.id);
        matchedClaims.add(existing.id);
        result.matched.claims += 1;
        compare('claim', r.uid, existing, r, ['text', 'stance', 'status', 'credibility', 'evidence_offered', 'predicate']);
        return;
      }
      const id = sql.insert('claim', { ...r, claimant_id: maps.entities.getNullable(r.claimant_id, where), responds_to: null });
      maps.claims.set(r.id, id);
      if (r.responds_to !== null) deferredResponds.push([id, r.responds_to, where]);
      result.added.claims += 1;
    },
    claim_roles: (r, where) => {
      const row = { claim_id: maps.claims.get(r.claim_id, where), entity_id: maps.entities.get(r.entity_id, where), role: r.role };
      if (sql.insertOrIgnore('claim_role', row) !== null) result.added.claim_roles += 1;
    },
    relations: (r, where) => {
      const existing = sql.relationByUid.get(r.uid) as SectionRecord<'relations'> | undefined;
      if (existing) {
        maps.relations.set(r.id, existing.id);
        result.matched.relations += 1;
        compare('relation', r.uid, existing, r, ['kind', 'start', 'end']);
        return;
      }
      maps.relations.set(r.id, sql.insert('relation', {
        ...r, from_id: maps.entities.get(r.from_id, where), to_id: maps.entities.get(r.to_id, where),
        claim_id: maps.claims.getNullable(r.claim_id, where),
      }));
      result.added.relations += 1;
    },
    spans: (r, where) => {
      const row = {
        ...r, source_id: maps.sources.get(r.source_id, where), entity_id: maps.entities.getNullable(r.entity_id, where),
        claim_id: maps.claims.getNullable(r.claim_id, where), relation_id: maps.relations.getNullable(r.relation_id, where),
      };
      if (matchedSources.has(row.source_id)) {
        const same = sql.sameSpan.get(row) as number | undefined;
        if (same !== undefined) return maps.spans.set(r.id, same);
      }
      maps.spans.set(r.id, sql.insert('span', row));
      result.added.spans += 1;
    },
    notes: (r, where) => {
      const row = {
        ...r, entity_id: maps.entities.getNullable(r.entity_id, where), claim_id: maps.claims.getNullable(r.claim_id, where),
        relation_id: maps.relations.getNullable(r.relation_id, where), source_id: maps.sources.getNullable(r.source_id, where),
      };
      const onExisting = (row.entity_id !== null && matchedEntities.has(row.entity_id)) || (row.claim_id !== null && matchedClaims.has(row.claim_id))
        || (row.source_id !== null && matchedSources.has(row.source_id)) || row.relation_id !== null;
      const same = onExisting ? (sql.sameNote.get(row) as number | undefined) : undefined;
      if (same !== undefined) return maps.notes.set(r.id, same);
      maps.notes.set(r.id, sql.insert('note', row));
      result.added.notes += 1;
    },
    settings: (r) => {
      const existing = sql.setting.get(r.key) as string | undefined;
      if (existing === undefined) {
        sql.insert('setting', r);
        result.added.settings += 1;
      } else if (existing !== r.value) conflict('setting', r.key, 'value', existing.slice(0, 200), r.value.slice(0, 200));
    },
    merges: (r, where) => {
      if (!sql.hasMerge) throw new SnapshotError(`${where}: this investigation cannot store merges (older schema)`);
      const row = { ...r, survivor_id: maps.entities.get(r.survivor_id, where), merged_id: maps.entities.get(r.merged_id, where), moved: remapMoved(r.moved, maps, where) };
      if (sql.insertOrIgnore('merge', row) !== null) result.added.merges += 1;
      else conflict('merge', String(row.merged_id), 'merged', 'already merged here', `into ${row.survivor_id}`);
    },
    not_duplicates: (r, where) => {
      if (!sql.hasMerge) return;
      const a = maps.entities.get(r.a, where);
      const b = maps.entities.get(r.b, where);
      if (a !== b && sql.insertOrIgnore('not_duplicate', { a: Math.min(a, b), b: Math.max(a, b), at: r.at }) !== null) result.added.not_duplicates += 1;
    },
    history: (r) => {
      if (!importHistory) return;
      sql.insert('history', r);
      result.added.history += 1;
      result.historyImported = true;
    },
  };

  let currentSection: SectionName | null = null;
  const finishSection = (name: SectionName) => {
    if (name === 'entities') {
      for (const [id, target, where] of deferredMerged) sql.setMergedInto.run(maps.entities.get(target, where), id);
    }
    if (name === 'claims') {
      for (const [id, target, where] of deferredResponds) sql.setRespondsTo.run(maps.claims.get(target, where), id);
    }
  };
  const manifest = readSnapshot(path, {
    manifest: (m) => { manifestHashes = m.source_sha256; },
    record: (section, raw) => {
      if (currentSection !== section) {
        if (currentSection) finishSection(currentSection);
        currentSection = section;
      }
      const index = seenCounts[section]++;
      const where = `Record ${index + 1} of "${section}"`;
      const record = validateRecord(section, raw, index);
      try {
        (handlers[section] as (r: unknown, w: string) => void)(record, where);
      } catch (error) {
        if (error instanceof SnapshotError) throw error;
        throw new SnapshotError(`${where} cannot be stored: ${(error as Error).message}`);
      }
    },
  }, limits);
  if (currentSection) finishSection(currentSection);
  for (const name of SECTION_NAMES) {
    if (seenCounts[name] !== manifest.counts[name]) {
      throw new SnapshotError(`The manifest lists ${manifest.counts[name]} ${name} but the file holds ${seenCounts[name]}: the snapshot is damaged`);
    }
  }
  return result;
}
