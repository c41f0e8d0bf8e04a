// Each interchange format parsed back by an independent reader (fast-xml-parser, papaparse, zod),
// the HTML report's escaping and isolation, and atomic writes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport, type ExportFormat } from '../../../db/export';
import { writeAtomically } from '../../../db/export/atomic';
import { richApp, tempDir } from './fixtures';

type App = Awaited<ReturnType<typeof richApp>>;
let app: App;
const dir = tempDir();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute'].includes(n) });
const run = (format: ExportFormat, name: string, extra: Partial<Parameters<typeof runExport>[1]> = {}) =>
  runExport(app.store.db, { format, path: join(dir, name), scope: { kind: 'investigation' }, appVersion: '1', ...extra });

beforeAll(async () => {
  app = await richApp();
});

describe('interchange formats read back', () => {
  it('GraphML declares typed keys and carries every node and edge', () => {
    const out = run('graphml', 'g.graphml');
    const doc = xml.parse(readFileSync(out.path, 'utf8')).graphml;
    expect(doc.key.find((k: Record<string, string>) => k['@attr.name'] === 'credibility')['@attr.type']).toBe('long');
    expect(doc.graph.node).toHaveLength(out.counts.nodes!);
    expect(doc.graph.edge).toHaveLength(out.counts.edges!);
    const kindKey = doc.key.find((k: Record<string, string>) => k['@attr.name'] === 'kind' && k['@for'] === 'node')['@id'];
    const source = doc.graph.node.find((n: { '@id': string }) => n['@id'] === `s:${app.sourceId}`);
    expect(source.data.find((d: Record<string, string>) => d['@key'] === kindKey)['#text']).toBe('article');
    expect(doc.graph.edge.map((e: Record<string, string>) => e['@id'])).toContain(`al:${app.ids.allegation.id}:${app.ids.minister.id}:${app.ids.service.id}`);
  });

  it('GEXF 1.3 has typed attributes, labels and the same counts', () => {
    const out = run('gexf', 'g.gexf');
    const doc = xml.parse(readFileSync(out.path, 'utf8')).gexf;
    expect(doc['@version']).toBe('1.3');
    expect(doc.graph.attributes[0].attribute.length).toBeGreaterThan(10);
    expect(doc.graph.nodes.node).toHaveLength(out.counts.nodes!);
    expect(doc.graph.edges.edge).toHaveLength(out.counts.edges!);
    expect(doc.graph.nodes.node.map((n: Record<string, string>) => n['@label'])).toContain('The "Heron" file <b>');
  });

  it('Cytoscape JSON validates and carries positions for a view', () => {
    const out = run('cyjs', 'v.cyjs', { scope: { kind: 'view', nodeIds: ['e:1', 'e:3'], positions: { 'e:1': { x: 10, y: -4 } } } });
    const Cy = z.object({ elements: z.object({
      nodes: z.array(z.object({ data: z.object({ id: z.string(), kind: z.string() }).passthrough(), position: z.object({ x: z.number(), y: z.number() }).optional() })),
      edges: z.array(z.object({ data: z.object({ id: z.string(), source: z.string(), target: z.string() }).passthrough() })),
    }) });
    const doc = Cy.parse(JSON.parse(readFileSync(out.path, 'utf8')));
    expect(doc.elements.nodes).toHaveLength(2);
    expect(doc.elements.nodes[0]!.position).toEqual({ x: 10, y: -4 });
    expect(doc.elements.edges.map((e) => e.data.id)).toEqual(['r:1']);
  });

  it('CSV files in the zip parse with headers, quotes and formula escaping', () => {
    const out = run('csv', 'g.zip');
    const files = unzipSync(readFileSync(out.path));
    expect(Object.keys(files).sort()).toEqual(['claims.csv', 'edges.csv', 'nodes.csv']);
    const parse = (name: string) => Papa.parse<Record<string, string>>(strFromU8(files[name]!).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    const nodes = parse('nodes.csv');
    expect(nodes.errors).toEqual([]);
    expect(nodes.data).toHaveLength(out.counts.nodes!);
    expect(nodes.data.find((n) => n.id === `s:${app.sourceId}`)!.label).toBe('The "Heron" file <b>');
    expect(parse('edges.csv').data).toHaveLength(out.counts.edges!);
    const claims = parse('claims.csv').data;
    expect(claims.find((c) => c.claim_id === `c:${app.ids.allegation.id}`)!.quote).toBe('Marta Quell was recruited by the KGB in 1989');
  });

  it('FtM lines are entities with string-list properties', () => {
    const out = run('ftm', 'g.ftm.jsonl');
    const Line = z.object({ id: z.string(), schema: z.string(), properties: z.record(z.string(), z.array(z.string())) }).strict();
    const lines = readFileSync(out.path, 'utf8').trim().split('\n').map((l) => Line.parse(JSON.parse(l)));
    const schemas = lines.map((l) => l.schema);
    expect(schemas).toEqual(expect.arrayContaining(['Person', 'Organization', 'Address', 'Article', 'Membership', 'Documentation']));
    const article = lines.find((l) => l.schema === 'Article')!;
    expect(article.properties.publisher).toEqual(['Daily & Co']);
    expect(article.properties.bodyText![0]).toContain('Varnavin');
  });

  it('claims become Web Annotations with quote and position selectors', () => {
    const out = run('annotations', 'a.jsonld');
    const doc = JSON.parse(readFileSync(out.path, 'utf8'));
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const items = doc.first.items as { body: { value: string; purpose: string }[]; target: { selector: { type: string; exact?: string; start?: number }[] }[] }[];
    expect(items).toHaveLength(2);
    const alleged = items.find((i) => i.target.length > 0)!;
    expect(alleged.body.map((b) => b.value)).toEqual(expect.arrayContaining(['stance:asserts', 'status:unverified']));
    expect(alleged.target[0]!.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(alleged.target[0]!.selector[0]!.exact).toBe('Marta Quell was recruited by the KGB in 1989');
  });
});

describe('HTML report', () => {
  it('escapes imported text, embeds only the picture and forbids the network', () => {
    app.store.db.prepare("UPDATE entity SET name = '<script>alert(\"x\")</script>' WHERE id = ?").run(app.ids.defector.id);
    const picture = 'data:image/png;base64,iVBORw0KGgo=';
    const html = readFileSync(run('report', 'r.html', { picture }).path, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('The &quot;Heron&quot; file &lt;b&gt;');
    expect(html).toContain(`src="${picture}"`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:|\/\/)/);
    expect(html).toMatch(/<td>B<\/td>/);
  });

  it('refuses a picture that is not an image data URL', () => {
    expect(() => run('report', 'r2.html', { picture: 'javascript:alert(1)' })).toThrow(/data:image\/png/);
  });
});

describe('atomic writes', () => {
  it('a failing export leaves no partial file and keeps the previous one', () => {
    const path = join(dir, 'keep.graphml');
    writeFileSync(path, 'previous export');
    expect(() => writeAtomically(path, (file) => {
      file.write('<graphml>half');
      throw new Error('disk full');
    })).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('previous export');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a missing folder with a clear message', () => {
    expect(() => run('graphml', 'missing/dir/g.graphml')).toThrow(/folder .* does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
