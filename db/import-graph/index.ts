// Bringing in graphs made elsewhere (GraphML, GEXF) and recognising import files by content.
// Nodes become entities, typed by a `kind` or `type` attribute when its value is one of Skein's
// entity kinds, else the default kind (person unless the caller says otherwise); edges become
// relations, their kind taken from a `kind`, `relation_kind`, `type` or label attribute when it names
// a Skein relation kind, else `associate_of`. Every other attribute (and an edge's original label) is
// kept as JSON in a note on the entity or relation. Self-loops cannot be relations (from ≠ to), so
// each is kept as a note on its entity and counted. One transaction: an error writes nothing.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ENTITY_KINDS, RELATION_KINDS, type EntityKind, type RelationKind } from '../../shared/domain/model';
import { normalizeKey } from '../../shared/text/normalize';
import { refreshImportance } from '../queries/entities';
import { newUid } from '../rows';
import type { GraphStore } from '../store';
import type { SqliteDb } from '../open';
import { importSnapshot, type SnapshotImportResult } from '../snapshot/import';
import { GraphFileError, parseGraphText, type AttrValue, type RawGraph } from './parse';

export { GraphFileError };
export type GraphFileKind = 'snapshot' | 'graphml' | 'gexf';

/** Sniffs the first KB of a file: a Skein snapshot, GraphML, GEXF, or null for anything else. */
export function detectGraphFileKind(path: string): GraphFileKind | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, 1024, 0);
    const text = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('{') && /"format"\s*:\s*"skein-snapshot"/.test(text)) return 'snapshot';
    if (text.startsWith('<')) {
      if (/<graphml[\s>]/.test(text)) return 'graphml';
      if (/<gexf[\s>]/.test(text)) return 'gexf';
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

export interface GraphImportResult {
  format: 'graphml' | 'gexf';
  nodes: number;
  edges: number;
  entities: number;
  relations: number;
  selfLoops: number;
  notes: number;
  typedNodes: number;
  historyId: number | null;
}

const MAX_GRAPH_FILE = 256 * 1024 * 1024;
const KIND_SYNONYMS: Record<string, EntityKind> = { organisation: 'organization', org: 'organization', company: 'organization', location: 'place' };

function entityKindOf(attrs: Record<string, AttrValue>): EntityKind | null {
  for (const key of ['kind', 'type', 'entity_kind']) {
    const value = String(attrs[key] ?? '').trim().toLowerCase();
    if ((ENTITY_KINDS as readonly string[]).includes(value)) return value as EntityKind;
    if (KIND_SYNONYMS[value]) return KIND_SYNONYMS[value];
  }
  return null;
}

function relationKindOf(attrs: Record<string, AttrValue>, label: string | null): RelationKind | null {
  for (const value of [attrs.relation_kind, attrs.kind, attrs.type, label]) {
    const key = String(value ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
    if ((RELATION_KINDS as readonly string[]).includes(key)) return key as RelationKind;
  }
  return null;
}

function noteBody(file: string, what: string, attrs: Record<string, unknown>): string {
  return `Imported from ${file} (${what}):\n\n\`\`\`json\n${JSON.stringify(attrs, null, 1)}\n\`\`\``;
}

/** Imports a GraphML or GEXF file in one transaction. */
export function importGraph(store: GraphStore, path: string, options: { defaultKind?: EntityKind } = {}): GraphImportResult {
  const file = basename(path);
  const size = statSync(path).size;
  if (size > MAX_GRAPH_FILE) throw new GraphFileError(`${file} is larger than 256 MB; split it before importing`);
  const graph = parseGraphText(readFileSync(path, 'utf8'), file);
  const { value, historyId } = store.write(
    { action: 'graph.import', summary: `Import ${graph.nodes.length} nodes and ${graph.edges.length} edges from ${file}` },
    (db) => writeGraph(db, graph, file, options.defaultKind ?? 'person'),
  );
  return { ...value, historyId };
}

function writeGraph(db: SqliteDb, graph: RawGraph, file: string, defaultKind: EntityKind): Omit<GraphImportResult, 'historyId'> {
  const now = Date.now();
  const insertEntity = db.prepare(`INSERT INTO entity (uid, kind, name, origin, created_at, updated_at) VALUES (?, ?, ?, 'imported', ?, ?)`);
  const insertAlias = db.prepare(`INSERT INTO alias (entity_id, name, norm, kind) VALUES (?, ?, ?, 'name') ON CONFLICT DO NOTHING`);
  const insertRelation = db.prepare(`INSERT INTO relation (uid, kind, from_id, to_id, start, "end", origin, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?)`);
  const insertNote = db.prepare(`INSERT INTO note (body, entity_id, relation_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const ids = new Map<string, number>();
  const result = { format: graph.format, nodes: graph.nodes.length, edges: graph.edges.length, entities: 0, relations: 0, selfLoops: 0, notes: 0, typedNodes: 0 };
  for (const node of graph.nodes) {
    if (ids.has(node.id)) throw new GraphFileError(`${file}: the node id "${node.id.slice(0, 80)}" appears twice`);
    const typedKind = entityKindOf(node.attrs);
    if (typedKind) result.typedNodes += 1;
    const name = (node.label ?? '').trim().slice(0, 500) || node.id.trim().slice(0, 500) || `Node ${ids.size + 1}`;
    const id = Number(insertEntity.run(newUid(), typedKind ?? defaultKind, name, now, now).lastInsertRowid);
    const norm = normalizeKey(name);
    if (norm) insertAlias.run(id, name, norm);
    ids.set(node.id, id);
    result.entities += 1;
    const kept = { id: node.id, ...node.attrs };
    insertNote.run(noteBody(file, `node ${node.id}`, kept), id, null, now, now);
    result.notes += 1;
  }
  const endOf = (ref: string) => {
    const id = ids.get(ref);
    if (id === undefined) throw new GraphFileError(`${file}: an edge refers to the node "${ref.slice(0, 80)}", which the file does not define`);
    return id;
  };
  for (const edge of graph.edges) {
    const from = endOf(edge.source);
    const to = endOf(edge.target);
    const kind = relationKindOf(edge.attrs, edge.label) ?? 'associate_of';
    const kept: Record<string, unknown> = { ...(edge.id ? { id: edge.id } : {}), ...(edge.label ? { label: edge.label } : {}), ...edge.attrs };
    if (from === to) {
      insertNote.run(noteBody(file, `self-loop ${edge.id ?? ''} (${kind})`.replace('  ', ' '), kept), from, null, now, now);
      result.selfLoops += 1;
      result.notes += 1;
      continue;
    }
    const date = (v: AttrValue | undefined) => (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : null);
    const relationId = Number(insertRelation.run(newUid(), kind, from, to, date(edge.attrs.start), date(edge.attrs.end), now, now).lastInsertRowid);
    result.relations += 1;
    if (Object.keys(kept).length > 0) {
      insertNote.run(noteBody(file, `edge ${edge.id ?? `${edge.source}→${edge.target}`}`, kept), null, relationId, now, now);
      result.notes += 1;
    }
  }
  refreshImportance(db, ids.values());
  return result;
}

export type GraphFileImportResult =
  | ({ kind: 'snapshot' } & SnapshotImportResult)
  | ({ kind: 'graphml' | 'gexf' } & GraphImportResult);

/** Imports a snapshot, GraphML or GEXF file, recognised by content (for `skein import` and the API). */
export function importGraphFile(store: GraphStore, path: string): GraphFileImportResult {
  const kind = detectGraphFileKind(path);
  if (kind === null) throw new GraphFileError(`${basename(path)} is not a Skein snapshot, GraphML or GEXF file`);
  if (kind === 'snapshot') return { kind, ...importSnapshot(store, path) };
  return { kind, ...importGraph(store, path) };
}
