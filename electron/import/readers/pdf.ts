// PDF files: the text layer through pdfjs-dist (legacy build, which runs in Node; pdf.js falls back
// to its in-process "fake worker" there). Text items are joined into lines by their baseline and
// lines into paragraphs where the vertical gap is larger than a line. Scanned PDFs without a text
// layer are refused with a message saying so.
import type { SourceMetadata } from '../../../shared/extract/types';
import { ImportFileError, type ReadResult } from './types';
import { pdfProblem } from './sniff';
import { dropNulls } from './html';

/**
 * pdf.js, loaded on the first PDF. At load it builds objects of the DOM's geometry API, which Node
 * lacks, from @napi-rs/canvas found beside its own module file (import.meta.url): so it is loaded
 * as its own module, never folded into the app's bundles (scripts/build-electron.mjs keeps it
 * external), and no process that never reads a PDF pays for it.
 */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;

interface Item { str: string; transform: number[]; height: number; hasEOL?: boolean }

/** PDF dates look like "D:20250303120000Z" → "2025-03-03". */
export function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return null;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

function pageText(items: Item[]): string {
  // group items into lines by baseline
  const lines: { y: number; text: string }[] = [];
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) <= 1) last.text += item.str;
    else lines.push({ y, text: item.str });
  }
  // the usual distance between baselines is the lower-quartile gap; a clearly larger one ends a paragraph
  const gaps = lines.slice(1).map((line, i) => Math.abs(lines[i]!.y - line.y)).sort((a, b) => a - b);
  const usual = gaps[Math.floor((gaps.length - 1) / 4)] ?? 0;
  return lines.map((line, i) => {
    if (i === 0) return line.text;
    const gap = Math.abs(lines[i - 1]!.y - line.y);
    return (usual > 0 && gap > usual * 1.5 ? '\n\n' : '\n') + line.text;
  }).join('');
}

/** Re-joins lines that wrap inside a paragraph, and words hyphenated across a line break. */
function unwrap(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => para.replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2').replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((para) => para.length > 0)
    .join('\n\n');
}

export async function readPdf(path: string, bytes: Uint8Array): Promise<ReadResult> {
  const problem = pdfProblem(bytes);
  if (problem) throw new ImportFileError(path, problem);
  const { getDocument } = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  let doc;
  try {
    // a copy: pdf.js transfers (detaches) the buffer it is given
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true }).promise;
  } catch (error) {
    const reason = (error as Error | null)?.name === 'PasswordException' ? 'the PDF is password-protected' : 'the PDF is damaged or malformed and cannot be read';
    throw new ImportFileError(path, reason);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(unwrap(pageText((content.items as unknown[]).filter((i): i is Item => typeof (i as Item).str === 'string'))));
      page.cleanup();
    }
    const text = pages.filter(Boolean).join('\n\n');
    if (!text.trim()) throw new ImportFileError(path, 'the PDF has no text layer (a scanned document needs OCR first)');
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const metadata: Partial<SourceMetadata> = { title: str(info.Title), author: str(info.Author), publishedAt: pdfDate(info.CreationDate) };
    return { text, metadata: dropNulls(metadata), kind: 'document' };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(path, 'the PDF is damaged or malformed and cannot be read');
  } finally {
    await doc.destroy();
  }
}
