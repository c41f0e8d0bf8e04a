// The graph projection of SPEC §2 streamed for the interchange exporters: nodes (entities, claims,
// sources) and typed edges, with the same ids and labels as the canvas (db/queries/graph.ts), plus
// the attributes other tools want (dates, grades, predicate). Each kind is one SQL iteration, so the
// whole investigation streams in constant memory; a view adds `IN json_each(…)` filters.
import type { GraphEdge, GraphNode } from '../../shared/graph/model';
import { splitIds } from '../queries/graph';
import type { SqliteDb } from '../open';
import type { ExportScope } from './scope';

export interface ExportNode extends Omit<GraphNode, 'importance'> {
  importance: number;
  /** full text: entity description, claim text, source title */
  text: string;
  predicate?: string | null;
  madeOn?: string | null;
  aboutTime?: string | null;
  evidence?: string | null;
  publishedAt?: string | null;
  publisher?: string | null;
  url?: string | null;
}

export interface ExportEdge extends GraphEdge {
  start?: string | null;
  end?: string | null;
}

const IN_E = (col: string) => `${col} IN (SELECT value FROM json_each(@e))`;
const IN_C = (col: string) => `${col} IN (SELECT value FROM json_each(@c))`;
const IN_S = (col: string) => `${col} IN (SELECT value FROM json_each(@s))`;

interface Filter { params: Record<string, string>; view: boolean }

function filterOf(scope: ExportScope): Filter {
  if (scope.kind === 'investigation') return { params: {}, view: false };
  const sets = splitIds(scope.nodeIds);
  return { params: { e: JSON.stringify(sets.entity), c: JSON.stringify(sets.claim), s: JSON.stringify(sets.source) }, view: true };
}

function where(filter: Filter, base: string[], viewOnly: string[]): string {
  const parts = filter.view ? [...base, ...viewOnly] : base;
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function forEachNode(db: SqliteDb, scope: ExportScope, visit: (node: ExportNode) => void): void {
  const f = filterOf(scope);
  for (const r of db.prepare(`SELECT id, kind, name, description, importance FROM entity
      ${where(f, ['merged_into IS NULL'], [IN_E('id')])} ORDER BY id`).iterate(f.params) as Iterable<Row>) {
    visit({ id: `e:${r.id}`, type: 'entity', kind: r.kind as ExportNode['kind'], label: String(r.name), text: String(r.description), importance: Number(r.importance) });
  }
  for (const r of db.prepare(`SELECT id, text, status, stance, credibility, importance, predicate, made_on, about_time, evidence_offered
      FROM claim ${where(f, [], [IN_C('id')])} ORDER BY id`).iterate(f.params) as Iterable<Row>) {
    visit({
      id: `c:${r.id}`, type: 'claim', kind: 'claim', label: shortLabel(String(r.text)), text: String(r.text), importance: Number(r.importance),
      status: r.status as ExportNode['status'], stance: r.stance as ExportNode['stance'], credibility: r.credibility as number | null,
      predicate: str(r.predicate), madeOn: str(r.made_on), aboutTime: str(r.about_time), evidence: str(r.evidence_offered),
    });
  }
  for (const r of db.prepare(`SELECT id, kind, title, reliability, published_at, publisher, url FROM source
      ${where(f, [], [IN_S('id')])} ORDER BY id`).iterate(f.params) as Iterable<Row>) {
    const title = String(r.title);
    visit({
      id: `s:${r.id}`, type: 'source', kind: r.kind as ExportNode['kind'], label: shortLabel(title || `Source ${r.id}`), text: title,
      importance: 0, reliability: r.reliability as ExportNode['reliability'], publishedAt: str(r.published_at),
      publisher: str(r.publisher), url: str(r.url),
    });
  }
}

const LIVE = (alias: string) => `EXISTS (SELECT 1 FROM entity x WHERE x.id = ${alias} AND x.merged_into IS NULL)`;

export function forEachEdge(db: SqliteDb, scope: ExportScope, visit: (edge: ExportEdge) => void): void {
  const f = filterOf(scope);
  const each = (sql: string, fn: (r: Row) => ExportEdge) => {
    for (const r of db.prepare(sql).iterate(f.params) as Iterable<Row>) visit(fn(r));
  };
  each(`SELECT id, kind, from_id, to_id, start, "end" FROM relation r
      ${where(f, [LIVE('r.from_id'), LIVE('r.to_id')], [IN_E('from_id'), IN_E('to_id')])} ORDER BY id`, (r) => ({
    id: `r:${r.id}`, source: `e:${r.from_id}`, target: `e:${r.to_id}`, type: 'relation', label: String(r.kind).replace(/_/g, ' '),
    relationKind: r.kind as ExportEdge['relationKind'], relationId: Number(r.id), start: str(r.start), end: str(r.end),
  }));
  each(`SELECT id, claimant_id, stance FROM claim c
      ${where(f, ['claimant_id IS NOT NULL', LIVE('c.claimant_id')], [IN_C('id'), IN_E('claimant_id')])} ORDER BY id`, (r) => ({
    id: `cl:${r.id}`, source: `e:${r.claimant_id}`, target: `c:${r.id}`, type: 'claimant', label: String(r.stance),
    stance: r.stance as ExportEdge['stance'], claimId: Number(r.id),
  }));
  each(`SELECT claim_id, entity_id, role FROM claim_role cr
      ${where(f, [LIVE('cr.entity_id')], [IN_C('claim_id'), IN_E('entity_id')])} ORDER BY claim_id, entity_id, role`, (r) => ({
    id: `ro:${r.claim_id}:${r.entity_id}:${r.role}`, source: `c:${r.claim_id}`, target: `e:${r.entity_id}`, type: 'role',
    label: String(r.role), role: r.role as ExportEdge['role'], claimId: Number(r.claim_id),
  }));
  each(`SELECT s.claim_id, s.entity_id AS subject_id, o.entity_id AS object_id, c.predicate, c.stance
      FROM claim_role s CROSS JOIN claim_role o ON o.claim_id = s.claim_id AND o.role = 'object'
      CROSS JOIN claim c ON c.id = s.claim_id
      ${where(f, ["s.role = 'subject'", 's.entity_id <> o.entity_id', LIVE('s.entity_id'), LIVE('o.entity_id')], [IN_E('s.entity_id'), IN_E('o.entity_id')])}
      ORDER BY s.claim_id, s.entity_id, o.entity_id`, (r) => ({
    id: `al:${r.claim_id}:${r.subject_id}:${r.object_id}`, source: `e:${r.subject_id}`, target: `e:${r.object_id}`, type: 'alleged',
    label: `alleged: ${(str(r.predicate) ?? 'linked to').replace(/_/g, ' ')}`, stance: r.stance as ExportEdge['stance'], claimId: Number(r.claim_id),
  }));
  each(`SELECT id, responds_to, stance FROM claim ${where(f, ['responds_to IS NOT NULL'], [IN_C('id'), IN_C('responds_to')])} ORDER BY id`, (r) => ({
    id: `rt:${r.id}`, source: `c:${r.id}`, target: `c:${r.responds_to}`, type: 'responds_to',
    label: r.stance === 'denies' ? 'denies' : 'responds to', stance: r.stance as ExportEdge['stance'], claimId: Number(r.id),
  }));
  each(`SELECT DISTINCT claim_id, source_id FROM span ${where(f, ['claim_id IS NOT NULL'], [IN_C('claim_id'), IN_S('source_id')])}
      ORDER BY claim_id, source_id`, (r) => ({
    id: `src:${r.claim_id}:${r.source_id}`, source: `c:${r.claim_id}`, target: `s:${r.source_id}`, type: 'reported_in',
    label: 'reported in', claimId: Number(r.claim_id),
  }));
}

/** Counts of what an export holds, for the result. */
export interface GraphCounts { nodes: number; edges: number }
