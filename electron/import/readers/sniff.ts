// Content sniffing: the extension says what a file should be, the first bytes say what it is.
// A renamed image, archive or executable is refused before any parser sees it.

const NOT_SUPPORTED = 'not a text/HTML/PDF/DOCX file';

/** Magic numbers of common binary formats that must never be read as text. */
const BINARY_MAGIC: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a program (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a program (EXE)', [0x4d, 0x5a]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Returns why `bytes` cannot be a text or HTML file, or null when they can. */
export function textProblem(bytes: Uint8Array): string | null {
  if (hasUtf16Bom(bytes)) return null; // UTF-16 text is full of NUL bytes by design
  for (const [name, magic] of BINARY_MAGIC) {
    if (startsWith(bytes, magic)) return `${NOT_SUPPORTED}: it looks like ${name}`;
  }
  // NUL never occurs in real UTF-8 text; one in the first 64 KB marks a binary file
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return `${NOT_SUPPORTED}: it contains binary data`;
  return null;
}

/** PDF files start with "%PDF-", possibly after some junk bytes (the format allows 1 KB). */
export function pdfProblem(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-') ? null : `${NOT_SUPPORTED}: it does not start like a PDF`;
}

/** DOCX files are ZIP archives. */
export function docxProblem(bytes: Uint8Array): string | null {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ? null : `${NOT_SUPPORTED}: it is not a DOCX (Word) document`;
}
