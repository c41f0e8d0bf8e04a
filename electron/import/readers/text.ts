// Plain text and Markdown files. Text must be UTF-8 (with or without a BOM) or UTF-16 with a BOM;
// anything else is refused rather than guessed, because a wrong guess silently corrupts quotes.
import type { ReadResult } from './types';
import { ImportFileError } from './types';
import { hasUtf16Bom, textProblem } from './sniff';

/** Decodes UTF-8 (BOM stripped) or BOM-marked UTF-16; throws a readable error on invalid UTF-8. */
export function decodeText(path: string, bytes: Uint8Array): string {
  const problem = textProblem(bytes);
  if (problem) throw new ImportFileError(path, problem);
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return new TextDecoder(encoding).decode(bytes.subarray(2));
  }
  try {
    // ignoreBOM false (the default) drops a UTF-8 BOM
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(path, 'the file is not valid UTF-8 text (save it as UTF-8 and try again)');
  }
}

export function readPlainText(path: string, bytes: Uint8Array): ReadResult {
  return { text: decodeText(path, bytes), metadata: {}, kind: 'article' };
}

/**
 * Markdown: a leading "# Heading" becomes the title, and the markup that would otherwise end up in
 * quotes (emphasis, link targets, heading marks, images) is dropped. The text stays prose.
 */
export function readMarkdown(path: string, bytes: Uint8Array): ReadResult {
  let text = decodeText(path, bytes);
  let title: string | undefined;
  const heading = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/.exec(text);
  if (heading) {
    title = heading[1]!.trim();
    text = text.slice(heading[0].length);
  }
  text = text
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
  return { text, metadata: title ? { title } : {}, kind: 'article' };
}
