// The stored form of an expansion page (page-store.ts): the page and the ranked lists it was made
// from (graph-page-patch.ts needs them to bring it up to date). It is read back on a cold start, so
// reading speed is what counts: a hub's page has ~3,300 edges, and JSON.parse of them as objects
// cost 5–7 ms. Here the edges are columns: their numbers (ends, labels and kinds as indexes into the
// strings they repeat, and the relation or claim id) as binary arrays read in place, their ids and
// the rest of the page as JSON, escaped to ASCII (one-byte strings decode and parse fastest). They
// come back as objects of the shapes graph-shapes.ts makes; an edge of any other shape is not
// stored (encodeEdges throws), so a shape change cannot come back wrong from the store.
//
// Layout: u32 length of the JSON, the JSON, padding to 8 bytes, f64 × n (ref), i32 × 5n (type,
// source, target, label, tag), in the byte order of the machine that wrote it (named in the JSON).
import { endianness } from 'node:os';
import type { GraphEdge, EdgeType } from '../../shared/graph/model';
import { EDGE_TYPES } from '../../shared/graph/model';
import type { NeighborhoodPage } from './graph';
import type { PageListing } from './graph-page-patch';

interface Stored { page: NeighborhoodPage; listing: PageListing }

/** The JSON part: the page without its edges, and the edges' strings. */
interface Head {
  page: Omit<NeighborhoodPage, 'edges'>;
  listing: PageListing;
  /** the byte order of the binary part */
  order: 'LE' | 'BE';
  /** the edges' ids, and the distinct strings of their ends, labels and kinds */
  ids: string[]; strings: string[];
}

/** The edges as columns: `tag` is the relationKind, stance or role (-1: none), `ref` the relationId or claimId. */
interface Columns { ids: string[]; strings: string[]; type: Int32Array; source: Int32Array; target: Int32Array; label: Int32Array; tag: Int32Array; ref: Float64Array }

/** Binary columns of `n` edges, after the JSON: ref first (8-byte aligned), then the five i32 columns. */
const binaryBytes = (n: number) => n * 8 + n * 4 * 5;
const align8 = (offset: number) => Math.ceil(offset / 8) * 8;

/** Per edge type: the field `tag` holds and the one `ref` holds (graph-shapes.ts). */
const FIELDS: Record<EdgeType, { tag: 'relationKind' | 'stance' | 'role' | null; ref: 'relationId' | 'claimId' }> = {
  relation: { tag: 'relationKind', ref: 'relationId' },
  claimant: { tag: 'stance', ref: 'claimId' },
  role: { tag: 'role', ref: 'claimId' },
  alleged: { tag: 'stance', ref: 'claimId' },
  responds_to: { tag: 'stance', ref: 'claimId' },
  reported_in: { tag: null, ref: 'claimId' },
};

function encodeEdges(edges: readonly GraphEdge[]): Columns {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const intern = (value: string) => {
    let i = index.get(value);
    if (i === undefined) index.set(value, (i = strings.push(value) - 1));
    return i;
  };
  const n = edges.length;
  const body: Columns = {
    ids: [], strings, type: new Int32Array(n), source: new Int32Array(n), target: new Int32Array(n), label: new Int32Array(n),
    tag: new Int32Array(n), ref: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const edge = edges[i]!;
    const fields = FIELDS[edge.type];
    const tag = fields.tag && edge[fields.tag];
    const ref = edge[fields.ref];
    if (ref === undefined || (fields.tag !== null && tag === undefined) || Object.keys(edge).length !== (fields.tag ? 7 : 6)) {
      throw new Error(`edge ${edge.id} has a shape the page store does not know`);
    }
    body.ids.push(edge.id);
    body.type[i] = EDGE_TYPES.indexOf(edge.type);
    body.source[i] = intern(edge.source);
    body.target[i] = intern(edge.target);
    body.label[i] = intern(edge.label);
    body.tag[i] = tag ? intern(tag) : -1;
    body.ref[i] = ref;
  }
  return body;
}

function decodeEdges({ ids: id, strings, type, source, target, label, tag, ref }: Columns): GraphEdge[] | null {
  const n = id.length;
  const edges: GraphEdge[] = new Array<GraphEdge>(n);
  for (let i = 0; i < n; i++) {
    const from = strings[source[i]!];
    const to = strings[target[i]!];
    const text = strings[label[i]!];
    if (from === undefined || to === undefined || text === undefined) return null;
    const base = { id: id[i]!, source: from, target: to, label: text };
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
  const columns = encodeEdges(edges);
  const head: Head = { page: rest, listing, order: endianness(), ids: columns.ids, strings: columns.strings };
  const json = Buffer.from(JSON.stringify(head).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1');
  const n = edges.length;
  const offset = align8(4 + json.length);
  const body = Buffer.alloc(offset + binaryBytes(n));
  body.writeUInt32LE(json.length, 0);
  json.copy(body, 4);
  Buffer.from(columns.ref.buffer).copy(body, offset);
  [columns.type, columns.source, columns.target, columns.label, columns.tag].forEach((column, i) => Buffer.from(column.buffer).copy(body, offset + n * 8 + i * n * 4));
  return body;
}

/** A typed array over part of `body`, in place when aligned (a copy otherwise). */
function view<T extends Int32Array | Float64Array>(make: new (buffer: ArrayBufferLike, offset?: number, length?: number) => T, body: Buffer, offset: number, length: number, bytes: number): T {
  const start = body.byteOffset + offset;
  if (start % bytes === 0) return new make(body.buffer, start, length);
  return new make(body.buffer.slice(start, start + length * bytes));
}

/** The page stored in `body` if it is one of `center` (anything else: null, never a throw). */
export function decodePage(body: Buffer, center: string): Stored | null {
  let head: Head;
  let offset: number;
  try {
    const length = body.readUInt32LE(0);
    head = JSON.parse(body.toString('latin1', 4, 4 + length)) as Head;
    offset = align8(4 + length);
  } catch {
    return null;
  }
  const { page, listing, ids, strings } = head ?? {};
  const ok = page?.center === center && Array.isArray(page.nodes) && Array.isArray(listing?.lists) && Array.isArray(listing.chosen)
    && Array.isArray(listing.more) && Array.isArray(ids) && Array.isArray(strings) && head.order === endianness()
    && body.length === offset + binaryBytes(ids.length);
  if (!ok) return null;
  const n = ids.length;
  const ints = (i: number) => view(Int32Array, body, offset + n * 8 + i * n * 4, n, 4);
  const edges = decodeEdges({ ids, strings, ref: view(Float64Array, body, offset, n, 8), type: ints(0), source: ints(1), target: ints(2), label: ints(3), tag: ints(4) });
  // in the key order of a computed page (graph.ts)
  return edges && { page: { center: page.center, nodes: page.nodes, edges, more: page.more, total: page.total, nextOffset: page.nextOffset }, listing };
}
