// Turns picked or dropped files into what import.preview takes. The renderer never sees real paths
// (browser mode, and Electron with context isolation), so text formats are read here and binary
// formats (.pdf, .docx) are sent as bytes for the main process's PDF and DOCX readers.
import { MAX_IMPORT_CHARS } from '../../shared/api/import';
import { toBase64 } from '../backend/types';

/** One thing to import: a text ready for import.preview, or the reason it cannot be read here. */
export interface ImportItem {
  name: string;
  text?: string;
  /** the bytes of a binary document, base64, read by the main process */
  file?: { name: string; base64: string };
  /** a title the file itself states (HTML <title>); sent with the preview, so it wins over the text's */
  title?: string;
  /** used only when neither the file nor the text names a title: the file name */
  fallbackTitle?: string;
  error?: string;
}

// .json/.graphml/.gexf: graphs made elsewhere, taken by the export feature's graph.importUpload hook
export const ACCEPT = '.txt,.md,.html,.htm,.pdf,.docx,.json,.graphml,.gexf';
const TEXT_EXT = ['txt', 'md', 'markdown', 'text'];
const HTML_EXT = ['html', 'htm'];
const BINARY_EXT = ['pdf', 'docx'];

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

// blocks that end a line when an HTML page is flattened to text
const BLOCKS = 'p,div,section,article,header,footer,li,h1,h2,h3,h4,h5,h6,blockquote,pre,tr,br,figcaption';

/**
 * The readable text of a saved web page. DOMParser documents are inert (no scripts run, nothing
 * loads); script/style and page chrome are dropped, and block ends become line breaks.
 */
export function htmlToText(html: string): { text: string; title?: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || doc.title.trim() || undefined;
  doc.querySelectorAll('script,style,noscript,template,nav,aside,form,iframe,svg').forEach((el) => el.remove());
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return { text: '', title };
  root.querySelectorAll(BLOCKS).forEach((el) => el.after(doc.createTextNode('\n')));
  const text = (root.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text, title };
}

/** The title a file's name suggests ("krasnov-article.txt" → "krasnov article"). */
function titleFromName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
}

/** File.text(), with a FileReader fallback for environments whose File lacks it (jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/** File.arrayBuffer, with a FileReader fallback for environments whose File lacks it (jsdom). */
export function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsArrayBuffer(file);
  });
}

/** True when the item can be previewed (text read here, or bytes for the main process). */
export function isReadable(item: ImportItem): boolean {
  return item.text !== undefined || item.file !== undefined;
}

/** The import.preview arguments for an item that isReadable. */
export function previewArgs(item: ImportItem): { text: string; title?: string } | { file: { name: string; base64: string }; title?: string } {
  const title = item.title ? { title: item.title } : {};
  return item.file ? { file: item.file, ...title } : { text: item.text ?? '', ...title };
}

export async function readFileItem(file: File): Promise<ImportItem> {
  const ext = extension(file.name);
  if (BINARY_EXT.includes(ext)) {
    if (file.size > MAX_IMPORT_CHARS) return { name: file.name, error: 'The file is larger than the 20 MB limit' };
    try {
      return { name: file.name, file: { name: file.name, base64: await toBase64(new Uint8Array(await readBytes(file))) }, fallbackTitle: titleFromName(file.name) };
    } catch (error) {
      return { name: file.name, error: `The file could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (!TEXT_EXT.includes(ext) && !HTML_EXT.includes(ext)) return { name: file.name, error: 'Not a supported file type (.txt, .md, .html, .htm, .pdf, .docx)' };
  // the API's limit is in characters; bytes ≥ characters for UTF-8, so this refuses before reading 20 MB+
  if (file.size > MAX_IMPORT_CHARS) return { name: file.name, error: 'The file is larger than the 20 MB limit' };
  try {
    const raw = await readText(file);
    if (raw.includes('\u0000')) return { name: file.name, error: 'The file looks binary, not text' };
    const read = HTML_EXT.includes(ext) ? htmlToText(raw) : { text: raw, title: undefined };
    if (!read.text.trim()) return { name: file.name, error: 'The file contains no text' };
    return { name: file.name, text: read.text, title: read.title, fallbackTitle: titleFromName(file.name) };
  } catch (error) {
    return { name: file.name, error: `The file could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

export function readFileItems(files: readonly File[]): Promise<ImportItem[]> {
  return Promise.all(files.map(readFileItem));
}
