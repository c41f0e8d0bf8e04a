// Saved web pages: the article text through Mozilla Readability on a linkedom DOM, and the page's
// metadata (title, byline, date, canonical URL, site name). linkedom only parses: it has no script
// engine, so nothing in the page ever runs; script and style elements are dropped before reading.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { SourceMetadata } from '../../../shared/extract/types';
import { decodeText } from './text';
import { ImportFileError, type ReadResult } from './types';
import { textProblem } from './sniff';

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
type Element = Node & { getAttribute(name: string): string | null; remove(): void; textContent: string | null };
type Doc = { querySelector(s: string): Element | null; querySelectorAll(s: string): ArrayLike<Element>; documentElement: Element | null; body: Element | null; title: string };

const INERT = 'script, style, noscript, template, iframe, object, embed, svg, canvas';
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** Decodes the page: UTF-8 first, then the charset its <meta> declares (old pages are often windows-1252). */
function decodeHtml(path: string, bytes: Uint8Array): string {
  const problem = textProblem(bytes);
  if (problem) throw new ImportFileError(path, problem);
  try {
    return decodeText(path, bytes);
  } catch (error) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
    if (!declared || /^utf-?8$/i.test(declared)) throw error;
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw new ImportFileError(path, `the page declares the character set "${declared}", which cannot be read`);
    }
  }
}

/** Text of a DOM subtree with paragraphs (block elements) separated by blank lines. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') return void parts.push('\n');
    const block = BLOCKS.has(name);
    if (block) parts.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/ {2,}/g, ' ').trim();
}

/** "2025-03-03T10:00:00Z" → "2025-03-03"; anything that is not an ISO date → null. */
export function partialDate(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return year!;
  if (day && (Number(day) < 1 || Number(day) > 31)) return `${year}-${month}`;
  return [year, month, day].filter(Boolean).join('-');
}

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}

type Json = Record<string, unknown>;

/** The first schema.org Article-like object of the page's JSON-LD blocks. */
function jsonLd(doc: Doc): Json | null {
  const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < blocks.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(blocks[i]!.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and harmless
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((d) => (d && typeof d === 'object' && Array.isArray((d as Json)['@graph']) ? ((d as Json)['@graph'] as unknown[]) : [d]));
    const article = items.find((d): d is Json => !!d && typeof d === 'object' && /Article|Posting|Report/i.test(String((d as Json)['@type'] ?? '')));
    if (article) return article;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object' && typeof (first as Json).name === 'string') return ((first as Json).name as string).trim() || null;
  return null;
}

function pageMetadata(doc: Doc): Partial<SourceMetadata> {
  const ld = jsonLd(doc);
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const lang = doc.documentElement?.getAttribute('lang') ?? null;
  return {
    title: meta(doc, 'og:title', 'twitter:title') ?? nameOf(ld?.headline) ?? (doc.title.trim() || null),
    author: meta(doc, 'author', 'article:author') ?? nameOf(ld?.author),
    publisher: meta(doc, 'og:site_name') ?? nameOf(ld?.publisher),
    url: (canonical?.trim() || null) ?? meta(doc, 'og:url'),
    publishedAt: partialDate(meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'pubdate'))
      ?? partialDate(typeof ld?.datePublished === 'string' ? ld.datePublished : null) ?? partialDate(time),
    language: lang ? lang.trim().slice(0, 2).toLowerCase() || null : null,
  };
}

export function readHtml(path: string, bytes: Uint8Array): ReadResult {
  const html = decodeHtml(path, bytes);
  if (!/<[a-z!][\s\S]*>/i.test(html)) throw new ImportFileError(path, 'not a text/HTML/PDF/DOCX file: it has no HTML markup');
  let doc: Doc;
  try {
    doc = parseHTML(html).document as unknown as Doc;
  } catch {
    throw new ImportFileError(path, 'the page is malformed and cannot be read as HTML');
  }
  const metadata = pageMetadata(doc); // before Readability, which rewrites the DOM
  const inert = doc.querySelectorAll(INERT);
  for (let i = inert.length - 1; i >= 0; i--) inert[i]!.remove();

  let text = '';
  try {
    const article = new Readability(doc as never, { charThreshold: 100 }).parse();
    if (article?.content) {
      text = blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as Node);
      metadata.author ??= article.byline?.replace(/^\s*by\s+/i, '').trim() || null;
      metadata.publisher ??= article.siteName?.trim() || null;
      metadata.publishedAt ??= partialDate(article.publishedTime);
      metadata.title ??= article.title?.trim() || null;
    }
  } catch {
    text = ''; // Readability gives up on odd pages; the whole body is the fallback below
  }
  if (!text && doc.body) text = blockText(doc.body);
  if (!text.trim()) throw new ImportFileError(path, 'no readable text was found in this page');
  return { text, metadata: dropNulls(metadata), kind: 'article' };
}

export function dropNulls(metadata: Partial<SourceMetadata>): Partial<SourceMetadata> {
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<SourceMetadata>;
}
