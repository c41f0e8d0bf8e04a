import { mkdtempSync, writeFileSync, truncateSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readImportFile } from '../../../electron/import/readers';
import { makeDocx, makePdf } from './make-files';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'skein-readers-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

afterEach(() => vi.unstubAllGlobals());

describe('text and Markdown files', () => {
  it('strips a UTF-8 byte order mark and decodes UTF-16 with a BOM', async () => {
    const utf8 = await readImportFile(file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë Lind said so.')])));
    expect(utf8).toEqual({ text: 'Zoë Lind said so.', metadata: {}, kind: 'article' });
    const utf16 = await readImportFile(file('wide.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Краснов и Zoë', 'utf16le')])));
    expect(utf16.text).toBe('Краснов и Zoë');
  });

  it('refuses invalid UTF-8 with a message saying so', async () => {
    await expect(readImportFile(file('latin1.txt', Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x4c])))).rejects.toThrow('latin1.txt: the file is not valid UTF-8 text');
  });

  it('takes a Markdown heading as the title and drops the markup', async () => {
    const result = await readImportFile(join(FIXTURES, 'harbour.md'));
    expect(result.metadata).toEqual({ title: 'Harbour contract questioned' });
    expect(result.text).toContain('The port authority of Valmora signed a contract with Brightwater Logistics in 2021.');
    expect(result.text).toContain('Councillor Ines Dahl said the tender was rigged.');
    expect(result.text).not.toMatch(/[#*>[\]]|https:/);
  });
});

describe('saved web pages', () => {
  it('reads the article text and the page metadata, never running scripts', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const result = await readImportFile(join(FIXTURES, 'ledger-page.html'));
    expect(result.kind).toBe('article');
    expect(result.metadata).toEqual({
      title: 'Minister met banker, records show', author: 'Jana Roe', publisher: 'The Northern Ledger',
      url: 'https://ledger.example.invalid/2024/06/minister-banker', publishedAt: '2024-06-11', language: 'en',
    });
    expect(result.text).toContain('Interior minister Pavel Orlin met the banker Ruth Adler in Geneva in March');
    expect(result.text).toContain('Opposition deputy Marek Sild said');
    // paragraphs stay paragraphs
    expect(result.text).toMatch(/discussed\.\n\nAdler, who chairs/);
    // script elements are gone; script-like text in the article is kept as plain text
    expect(result.text).not.toContain('alert(1)');
    expect(result.text).not.toContain('alert(3)');
    expect(result.text).not.toContain('pwned');
    expect(result.text).toContain('The text <script>alert(2)</script> was quoted');
    expect(result.text).not.toMatch(/Home \| World|All rights reserved/);
    expect(alert).not.toHaveBeenCalled();
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it('finds the date in JSON-LD or a <time> element and the URL in og:url', async () => {
    const body = '<p>' + 'Ruth Adler chairs the board of Calder Private Bank in Geneva. '.repeat(6) + '</p>';
    const ld = await readImportFile(file('ld.html', `<html><head><link rel="x"><meta property="og:url" content="https://x.invalid/a">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Bank chair","datePublished":"2023-11-05T10:00:00Z","author":{"@type":"Person","name":"Ola Berg"},"publisher":{"@type":"Organization","name":"Geneva Wire"}}]}</script>
      </head><body><article>${body}</article></body></html>`));
    expect(ld.metadata).toMatchObject({ title: 'Bank chair', publishedAt: '2023-11-05', author: 'Ola Berg', publisher: 'Geneva Wire', url: 'https://x.invalid/a' });
    const time = await readImportFile(file('time.html', `<html><body><article><time datetime="2022-02-14">14 Feb</time>${body}</article></body></html>`));
    expect(time.metadata.publishedAt).toBe('2022-02-14');
  });

  it('refuses a page without text and a page without markup', async () => {
    await expect(readImportFile(file('empty-page.html', '<html><head><script>alert(1)</script></head><body>  </body></html>'))).rejects.toThrow('no readable text');
    await expect(readImportFile(file('no-markup.html', 'just words, no tags'))).rejects.toThrow('no HTML markup');
  });
});

describe('PDF and DOCX', () => {
  it('reads the text layer of a PDF into paragraphs, with its title, author and date', async () => {
    const pdf = makePdf(['Defence minister Ivo Kask said the', 'contract was lawful.', '', 'Auditors disagreed.'], { title: 'Audit memo', author: 'Lena Ots', created: 'D:20240303120000Z' });
    const result = await readImportFile(file('memo.pdf', pdf));
    expect(result).toEqual({
      text: 'Defence minister Ivo Kask said the contract was lawful.\n\nAuditors disagreed.',
      metadata: { title: 'Audit memo', author: 'Lena Ots', publishedAt: '2024-03-03' }, kind: 'document',
    });
  });

  it('refuses a damaged PDF', async () => {
    await expect(readImportFile(file('broken.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without end'))).rejects.toThrow('broken.pdf: the PDF is damaged or malformed');
  });

  it('reads the paragraphs of a DOCX and refuses a damaged one', async () => {
    const result = await readImportFile(file('note.docx', makeDocx(['Ivo Kask met Lena Ots.', 'They discussed <the> budget & more.'])));
    expect(result.kind).toBe('document');
    expect(result.text.trim()).toBe('Ivo Kask met Lena Ots.\n\nThey discussed <the> budget & more.');
    await expect(readImportFile(file('broken.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])))).rejects.toThrow('broken.docx: the DOCX document is damaged or malformed');
  });
});

describe('bad files', () => {
  it('refuses binary content whatever the extension says', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    await expect(readImportFile(file('photo.txt', png))).rejects.toThrow('photo.txt: not a text/HTML/PDF/DOCX file: it looks like a PNG image');
    await expect(readImportFile(file('blob.html', Buffer.from('abc\0def')))).rejects.toThrow('not a text/HTML/PDF/DOCX file: it contains binary data');
    await expect(readImportFile(file('fake.pdf', 'plain words'))).rejects.toThrow('not a text/HTML/PDF/DOCX file: it does not start like a PDF');
    await expect(readImportFile(file('fake.docx', 'plain words'))).rejects.toThrow('not a text/HTML/PDF/DOCX file: it is not a DOCX');
    await expect(readImportFile(file('image.png', png))).rejects.toThrow('not a text/HTML/PDF/DOCX file (supported');
  });

  it('refuses empty and oversized files before reading them', async () => {
    await expect(readImportFile(file('empty.txt', ''))).rejects.toThrow('empty.txt: the file is empty');
    const big = file('big.txt', 'a');
    truncateSync(big, 21 * 1024 * 1024); // sparse: costs no disk
    await expect(readImportFile(big)).rejects.toThrow('big.txt: the file is larger than the 20 MB limit');
    await expect(readImportFile(file('small.txt', 'x'.repeat(3000)), { maxBytes: 2048 })).rejects.toThrow('larger than the 2 KB limit');
  });

  it('turns unreadable paths into words', async () => {
    await expect(readImportFile(join(dir, 'missing.txt'))).rejects.toThrow('missing.txt: the file does not exist');
    mkdirSync(join(dir, 'folder.txt'));
    await expect(readImportFile(join(dir, 'folder.txt'))).rejects.toThrow('folder.txt: this is a folder, not a file');
    const plain = file('plain.txt', 'x');
    await expect(readImportFile(join(plain, 'child.txt'))).rejects.toThrow('child.txt: a folder in this path does not exist');
  });
});
