// The stored form of an expansion page (page-store.ts): the page and the ranked lists it was made
// from (graph-page-patch.ts needs them to bring it up to date), as UTF-8 JSON. It is read back on a
// cold start, so parsing speed is what counts: a hub's page has ~3,300 edges, and JSON.parse of them
// as objects cost 5–7 ms; as columns (ids, ends and labels as indexes into the strings they repeat)
// they parse in a fraction of that and are rebuilt as objects of the shapes graph-shapes.ts makes.
// An edge of any other shape is not stored (encodeEdges throws), so a shape change cannot come back
// wrong from the store.
import type { GraphEdge, EdgeType } from '../../shared/graph/model';
import { EDGE_TYPES } from '../../shared/graph/model';
import type { NeighborhoodPage } from './graph';
import type { PageListing } from './graph-page-patch';

interface Stored { page: NeighborhoodPage; listing: PageListing }

/** The page with its edges as columns (the rest as it is). */
interface Body {
  page: Omit<NeighborhoodPage, 'edges'>;
  listing: PageListing;
  edges: {
    /** distinct strings of the ends, labels and kinds */
    strings: string[];
    id: string[]; type: number[]; source: number[]; target: number[]; label: number[];
    /** relationKind, stance or role (a string index; -1: none) */
    tag: number[];
    /** relationId or claimId */
    ref: number[];
  };
}

/** Per edge type: the field `tag` holds and the one `ref` holds (graph-shapes.ts). */
const FIELDS: Record<EdgeType, { tag: 'relationKind' | 'stance' | 'role' | null; ref: 'relationId' | 'claimId' }> = {
  relation: { tag: 'relationKind', ref: 'relationId' },
  claimant: { tag: 'stance', ref: 'claimId' },
  role: { tag: 'role', ref: 'claimId' },
  alleged: { tag: 'stance', ref: 'claimId' },
  responds_to: { tag: 'stance', ref: 'claimId' },
  reported_in: { tag: null, ref: 'claimId' },
};

function encodeEdges(edges: readonly GraphEdge[]): Body['edges'] {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const intern = (value: string) => {
    let i = index.get(value);
    if (i === undefined) index.set(value, (i = strings.push(value) - 1));
    return i;
  };
  const body: Body['edges'] = { strings, id: [], type: [], source: [], target: [], label: [], tag: [], ref: [] };
  for (const edge of edges) {
    const fields = FIELDS[edge.type];
    const tag = fields.tag && edge[fields.tag];
    const ref = edge[fields.ref];
    if (ref === undefined || (fields.tag !== null && tag === undefined) || Object.keys(edge).length !== (fields.tag ? 7 : 6)) {
      throw new Error(`edge ${edge.id} has a shape the page store does not know`);
    }
    body.id.push(edge.id);
    body.type.push(EDGE_TYPES.indexOf(edge.type));
    body.source.push(intern(edge.source));
    body.target.push(intern(edge.target));
    body.label.push(intern(edge.label));
    body.tag.push(tag ? intern(tag) : -1);
    body.ref.push(ref);
  }
  return body;
}

function decodeEdges(body: Body['edges']): GraphEdge[] | null {
  const { strings, id, type, source, target, label, tag, ref } = body;
  const n = id.length;
  if ([type, source, target, label, tag, ref].some((column) => column.length !== n)) return null;
  const edges: GraphEdge[] = new Array<GraphEdge>(n);
  for (let i = 0; i < n; i++) {
    const base = { id: id[i]!, source: strings[source[i]!]!, target: strings[target[i]!]!, label: strings[label[i]!]! };
    if (base.source === undefined || base.target === undefined || base.label === undefined) return null;
    const t = tag[i]! >= 0 ? strings[tag[i]!] : undefined;
    // literals in the key order of graph-shapes.ts
    switch (EDGE_TYPES[type[i]!]) {
      case 'relation':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'relation', label: base.label, relationKind: t as GraphEdge['relationKind'], relationId: ref[i]! };
        break;
      case 'claimant':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'claimant', label: base.label, stance: t as GraphEdge['stance'], claimId: ref[i]! };
        break;
      case 'role':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'role', label: base.label, role: t as GraphEdge['role'], claimId: ref[i]! };
        break;
      case 'alleged':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'alleged', label: base.label, stance: t as GraphEdge['stance'], claimId: ref[i]! };
        break;
      case 'responds_to':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'responds_to', label: base.label, stance: t as GraphEdge['stance'], claimId: ref[i]! };
        break;
      case 'reported_in':
        edges[i] = { id: base.id, source: base.source, target: base.target, type: 'reported_in', label: base.label, claimId: ref[i]! };
        break;
      default:
        return null;
    }
  }
  return edges;
}

export function encodePage(page: NeighborhoodPage, listing: PageListing): Buffer {
  const { edges, ...rest } = page;
  return Buffer.from(JSON.stringify({ page: rest, listing, edges: encodeEdges(edges) } satisfies Body));
}

/** The page stored in `body` if it is one of `center` (anything else: null, never a throw). */
export function decodePage(body: Buffer, center: string): Stored | null {
  let stored: Body;
  try {
    stored = JSON.parse(body.toString()) as Body;
  } catch {
    return null;
  }
  const { page, listing, edges } = stored ?? {};
  const ok = page?.center === center && Array.isArray(page.nodes) && Array.isArray(listing?.lists) && Array.isArray(listing.chosen)
    && Array.isArray(listing.more) && Array.isArray(edges?.id) && Array.isArray(edges.strings);
  const decoded = ok ? decodeEdges(edges) : null;
  // in the key order of a computed page (graph.ts)
  return decoded && { page: { center: page.center, nodes: page.nodes, edges: decoded, more: page.more, total: page.total, nextOffset: page.nextOffset }, listing };
}
