// Reading any supported file for import: picks the reader by extension, after the size and
// existence checks, so that every failure is one sentence about that file.
import { extname } from 'node:path';
import { loadFile } from './file';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { readMarkdown, readPlainText } from './text';
import { DEFAULT_MAX_BYTES, ImportFileError, type ReadOptions, type ReadResult } from './types';

export { DEFAULT_MAX_BYTES, ImportFileError, type ReadOptions, type ReadResult } from './types';

type Reader = (path: string, bytes: Uint8Array) => ReadResult | Promise<ReadResult>;

const READERS: Record<string, Reader> = {
  '.txt': readPlainText,
  '.text': readPlainText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  '.xhtml': readHtml,
  '.pdf': readPdf,
  '.docx': readDocx,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(READERS);

export function isSupportedFile(path: string): boolean {
  return extname(path).toLowerCase() in READERS;
}

/** Reads a file's bytes sent by a window (no path on disk); the name picks the reader. */
export async function readImportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const reader = READERS[extname(name).toLowerCase()];
  if (!reader) throw new ImportFileError(name, `not a text/HTML/PDF/DOCX file (supported: .txt, .md, .html, .htm, .pdf, .docx)`);
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > max) throw new ImportFileError(name, `larger than the ${Math.round(max / 1048576)} MB limit`);
  if (bytes.byteLength === 0) throw new ImportFileError(name, 'the file is empty');
  return reader(name, bytes);
}

export async function readImportFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new ImportFileError(path, `not a text/HTML/PDF/DOCX file (supported: ${['.txt', '.md', '.html', '.htm', '.pdf', '.docx'].join(', ')})`);
  }
  const bytes = await loadFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return reader(path, bytes);
}
