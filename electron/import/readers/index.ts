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

export async function readImportFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new ImportFileError(path, `not a text/HTML/PDF/DOCX file (supported: ${['.txt', '.md', '.html', '.htm', '.pdf', '.docx'].join(', ')})`);
  }
  const bytes = await loadFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return reader(path, bytes);
}
