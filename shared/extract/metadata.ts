// Leading metadata lines of a pasted or plain-text article: "date 2025-03-03" (also glued to the
// first sentence), "Title: …", "By …", "Source:", "URL:". They become source metadata and are cut
// from the text, so every offset later points into the article body. A dateline ("VIENNA —") stays
// in the text (it is a place mention) and is only located here.
import type { SourceMetadata, TextRange } from './types';

export interface ParsedHead {
  body: string;
  metadata: SourceMetadata;
  /** the dateline's place word(s) in `body`, if any */
  dateline: TextRange | null;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function emptyMetadata(): SourceMetadata {
  return { title: null, author: null, publisher: null, url: null, publishedAt: null, language: null };
}

export function parseHead(text: string, given: Partial<SourceMetadata> = {}): ParsedHead {
  const metadata: SourceMetadata = { ...emptyMetadata(), ...given };
  let rest = text;
  // consume metadata lines one by one; stop at the first line that is article text
  for (let guard = 0; guard < 12; guard++) {
    rest = rest.replace(/^\s+/, '');
    const date = /^(?:date|published|dated)\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})\b[ \t]*\n?/i.exec(rest);
    if (date) {
      if (ISO_DATE.test(date[1]!) && !metadata.publishedAt) metadata.publishedAt = date[1]!;
      rest = rest.slice(date[0].length);
      continue;
    }
    const field = /^(title|headline|by|author|source|publisher|url|link|language|lang)\s*:\s*(.*)(?:\n|$)/i.exec(rest);
    if (field) {
      const value = field[2]!.trim();
      const key = field[1]!.toLowerCase();
      if (key === 'title' || key === 'headline') metadata.title ??= value || null;
      else if (key === 'by' || key === 'author') metadata.author ??= value || null;
      else if (key === 'source' || key === 'publisher') metadata.publisher ??= value || null;
      else if (key === 'url' || key === 'link') metadata.url ??= value || null;
      else metadata.language ??= value || null;
      rest = rest.slice(field[0].length);
      continue;
    }
    // a byline on its own short line: "By Jane Doe"
    const byline = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})[ \t]*(?:\n|$)/u.exec(rest);
    if (byline) {
      metadata.author ??= byline[1]!;
      rest = rest.slice(byline[0].length);
      continue;
    }
    break;
  }
  const body = rest.trim();
  const dl = /^(\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*)(?:,\s*[\p{L} .]+?)?\s+[—–-]{1,2}\s/u.exec(body);
  const dateline = dl ? { start: 0, end: dl[1]!.length } : null;
  return { body, metadata, dateline };
}
