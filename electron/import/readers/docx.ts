// Word documents (.docx) through mammoth's raw text extraction: paragraphs become blank-line
// separated paragraphs; formatting, images and comments are dropped.
import mammoth from 'mammoth';
import { ImportFileError, type ReadResult } from './types';
import { docxProblem } from './sniff';

export async function readDocx(path: string, bytes: Uint8Array): Promise<ReadResult> {
  const problem = docxProblem(bytes);
  if (problem) throw new ImportFileError(path, problem);
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch {
    throw new ImportFileError(path, 'the DOCX document is damaged or malformed and cannot be read');
  }
  if (!text.trim()) throw new ImportFileError(path, 'the document contains no text');
  return { text, metadata: {}, kind: 'document' };
}
