// Reading GraphML and GEXF (1.1–1.3) into one neutral shape: nodes and edges with their id, label
// and typed attributes. fast-xml-parser builds the tree; a DOCTYPE is refused outright, so no
// external or recursive entity can be expanded. Nested nodes (GEXF hierarchies, GraphML
// subgraphs) are flattened, with the parent kept as an attribute.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type AttrValue = string | number | boolean;
export interface RawNode { id: string; label: string | null; attrs: Record<string, AttrValue> }
export interface RawEdge { id: string | null; source: string; target: string; label: string | null; attrs: Record<string, AttrValue> }
export interface RawGraph { format: 'graphml' | 'gexf'; directed: boolean; nodes: RawNode[]; edges: RawEdge[] }

export class GraphFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphFileError';
  }
}

type El = Record<string, unknown>;
const ARRAYS = new Set(['key', 'graph', 'node', 'edge', 'data', 'attributes', 'attribute', 'attvalue', 'nodes', 'edges']);
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false,
  processEntities: true, removeNSPrefix: true, trimValues: true, isArray: (name) => ARRAYS.has(name),
});

const list = (value: unknown): El[] => (Array.isArray(value) ? (value as El[]) : []);
const str = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

function typed(value: string, type: string | undefined): AttrValue {
  switch ((type ?? 'string').toLowerCase()) {
    case 'int': case 'integer': case 'long': case 'float': case 'double': {
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case 'boolean': return value === 'true' || value === '1';
    default: return value;
  }
}

/** Parses GraphML or GEXF text, refusing anything else with a readable message. */
export function parseGraphText(text: string, name: string): RawGraph {
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 64 * 1024))) {
    throw new GraphFileError(`${name} declares a DOCTYPE; Skein refuses it in graph files (entity expansion is unsafe)`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new GraphFileError(`${name} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  let doc: El;
  try {
    doc = parser.parse(text) as El;
  } catch (error) {
    throw new GraphFileError(`${name} cannot be read as XML: ${(error as Error).message}`);
  }
  if (doc.graphml) return readGraphml(doc.graphml as El, name);
  if (doc.gexf) return readGexf(doc.gexf as El, name);
  throw new GraphFileError(`${name} is XML but neither GraphML nor GEXF`);
}

function readGraphml(root: El, name: string): RawGraph {
  const keys = new Map<string, { name: string; type: string | undefined; for: string; default: string | null }>();
  for (const key of list(root.key)) {
    const id = str(key['@id']);
    if (id) keys.set(id, { name: str(key['@attr.name']) ?? id, type: str(key['@attr.type']) ?? undefined, for: str(key['@for']) ?? 'all', default: str(key.default) });
  }
  const graph = list(root.graph)[0];
  if (!graph) throw new GraphFileError(`${name} has no <graph> element`);
  const out: RawGraph = { format: 'graphml', directed: str(graph['@edgedefault']) !== 'undirected', nodes: [], edges: [] };
  const dataOf = (el: El, kind: 'node' | 'edge') => {
    const attrs: Record<string, AttrValue> = {};
    for (const [, key] of keys) if ((key.for === kind || key.for === 'all') && key.default !== null) attrs[key.name] = typed(key.default, key.type);
    for (const d of list(el.data)) {
      const key = keys.get(str(d['@key']) ?? '');
      const value = str(d['#text']) ?? '';
      attrs[key?.name ?? str(d['@key']) ?? 'data'] = typed(value, key?.type);
    }
    return attrs;
  };
  const walk = (g: El, parent: string | null) => {
    for (const node of list(g.node)) {
      const id = str(node['@id']);
      if (!id) throw new GraphFileError(`${name}: a <node> has no id`);
      const attrs = dataOf(node, 'node');
      if (parent) attrs.parent = parent;
      const label = typeof attrs.label === 'string' ? attrs.label : typeof attrs.name === 'string' ? attrs.name : null;
      out.nodes.push({ id, label, attrs });
      for (const sub of list(node.graph)) walk(sub, id);
    }
    for (const edge of list(g.edge)) {
      const source = str(edge['@source']);
      const target = str(edge['@target']);
      if (!source || !target) throw new GraphFileError(`${name}: an <edge> lacks its source or target`);
      const attrs = dataOf(edge, 'edge');
      out.edges.push({ id: str(edge['@id']), source, target, label: typeof attrs.label === 'string' ? attrs.label : null, attrs });
    }
  };
  walk(graph, null);
  return out;
}

function readGexf(root: El, name: string): RawGraph {
  const graph = list(root.graph)[0];
  if (!graph) throw new GraphFileError(`${name} has no <graph> element`);
  const defs: Record<'node' | 'edge', Map<string, { title: string; type: string | undefined; default: string | null }>> = { node: new Map(), edge: new Map() };
  for (const block of list(graph.attributes)) {
    const cls = str(block['@class']) === 'edge' ? 'edge' : 'node';
    for (const a of list(block.attribute)) {
      const id = str(a['@id']);
      if (id) defs[cls].set(id, { title: str(a['@title']) ?? id, type: str(a['@type']) ?? undefined, default: str(a.default) });
    }
  }
  const out: RawGraph = { format: 'gexf', directed: str(graph['@defaultedgetype']) !== 'undirected', nodes: [], edges: [] };
  const attvalues = (el: El, cls: 'node' | 'edge') => {
    const attrs: Record<string, AttrValue> = {};
    for (const [, def] of defs[cls]) if (def.default !== null) attrs[def.title] = typed(def.default, def.type);
    const holder = (el.attvalues as El | undefined) ?? {};
    for (const v of list(holder.attvalue)) {
      const def = defs[cls].get(str(v['@for']) ?? str(v['@id']) ?? '');
      attrs[def?.title ?? str(v['@for']) ?? 'value'] = typed(str(v['@value']) ?? '', def?.type);
    }
    for (const viz of ['position', 'color', 'size', 'shape', 'thickness'] as const) {
      const el2 = el[viz] as El | undefined;
      if (el2 && typeof el2 === 'object') {
        attrs[`viz_${viz}`] = JSON.stringify(Object.fromEntries(Object.entries(el2).filter(([k]) => k.startsWith('@')).map(([k, v]) => [k.slice(1), v])));
      }
    }
    for (const span of ['start', 'end', 'pid', 'weight', 'kind']) {
      const v = str(el[`@${span}`]);
      if (v !== null) attrs[span] = typed(v, span === 'weight' ? 'double' : 'string');
    }
    return attrs;
  };
  const walkNodes = (holder: El, parent: string | null) => {
    for (const nodes of list(holder.nodes)) {
      for (const node of list(nodes.node)) {
        const id = str(node['@id']);
        if (!id) throw new GraphFileError(`${name}: a <node> has no id`);
        const attrs = attvalues(node, 'node');
        if (parent) attrs.parent = parent;
        out.nodes.push({ id, label: str(node['@label']), attrs });
        walkNodes(node, id);
      }
    }
  };
  walkNodes(graph, null);
  for (const edges of list(graph.edges)) {
    for (const edge of list(edges.edge)) {
      const source = str(edge['@source']);
      const target = str(edge['@target']);
      if (!source || !target) throw new GraphFileError(`${name}: an <edge> lacks its source or target`);
      out.edges.push({ id: str(edge['@id']), source, target, label: str(edge['@label']), attrs: attvalues(edge, 'edge') });
    }
  }
  return out;
}
