// The typed attributes every interchange format carries, declared once: GraphML <key>s, GEXF
// <attribute>s and the CSV columns all come from these lists, so the formats cannot disagree.
import type { ExportEdge, ExportNode } from './graph-rows';

export type AttrType = 'string' | 'int' | 'double';

export interface AttrDef<T> {
  name: string;
  type: AttrType;
  get: (item: T) => string | number | null | undefined;
}

export const NODE_ATTRS: AttrDef<ExportNode>[] = [
  { name: 'type', type: 'string', get: (n) => n.type },
  { name: 'kind', type: 'string', get: (n) => n.kind },
  { name: 'label', type: 'string', get: (n) => n.label },
  { name: 'text', type: 'string', get: (n) => n.text },
  { name: 'importance', type: 'double', get: (n) => n.importance },
  { name: 'status', type: 'string', get: (n) => n.status },
  { name: 'stance', type: 'string', get: (n) => n.stance },
  { name: 'credibility', type: 'int', get: (n) => n.credibility },
  { name: 'reliability', type: 'string', get: (n) => n.reliability },
  { name: 'predicate', type: 'string', get: (n) => n.predicate },
  { name: 'evidence', type: 'string', get: (n) => n.evidence },
  { name: 'made_on', type: 'string', get: (n) => n.madeOn },
  { name: 'about_time', type: 'string', get: (n) => n.aboutTime },
  { name: 'published_at', type: 'string', get: (n) => n.publishedAt },
  { name: 'publisher', type: 'string', get: (n) => n.publisher },
  { name: 'url', type: 'string', get: (n) => n.url },
];

export const EDGE_ATTRS: AttrDef<ExportEdge>[] = [
  { name: 'type', type: 'string', get: (e) => e.type },
  { name: 'label', type: 'string', get: (e) => e.label },
  { name: 'stance', type: 'string', get: (e) => e.stance },
  { name: 'role', type: 'string', get: (e) => e.role },
  { name: 'relation_kind', type: 'string', get: (e) => e.relationKind },
  { name: 'claim_id', type: 'int', get: (e) => e.claimId },
  { name: 'start', type: 'string', get: (e) => e.start },
  { name: 'end', type: 'string', get: (e) => e.end },
];

/** Values present on an item, in declaration order, as [index, definition, value]. */
export function present<T>(defs: AttrDef<T>[], item: T): [number, AttrDef<T>, string | number][] {
  const out: [number, AttrDef<T>, string | number][] = [];
  defs.forEach((def, index) => {
    const value = def.get(item);
    if (value !== null && value !== undefined) out.push([index, def, value]);
  });
  return out;
}
