// Loading a file's bytes for import: checks that it exists, is a regular file, is not empty and is
// within the size limit before reading it, and turns OS errors into words.
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, formatLimit, ImportFileError } from './types';

const OS_MESSAGES: Record<string, string> = {
  ENOENT: 'the file does not exist',
  EACCES: 'permission denied: you are not allowed to read this file',
  EPERM: 'permission denied: you are not allowed to read this file',
  EISDIR: 'this is a folder, not a file',
  ENOTDIR: 'a folder in this path does not exist',
  ELOOP: 'the path has too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open; try again with fewer files',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is in use by another program',
};

/** The OS error as a sentence ("the file does not exist"), not "ENOENT: no such file or directory, open …". */
export function osMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (OS_MESSAGES[code]) return OS_MESSAGES[code];
  const message = error instanceof Error ? error.message : String(error);
  // "EXDEV: cross-device link not permitted, open '/x'" → "cross-device link not permitted"
  return `the file cannot be read (${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')})`;
}

export async function loadFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ImportFileError(path, 'this is a folder, not a file');
    if (!info.isFile()) throw new ImportFileError(path, 'not a regular file (a device, pipe or socket cannot be imported)');
    size = info.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(path, osMessage(error));
  }
  if (size === 0) throw new ImportFileError(path, 'the file is empty');
  if (size > maxBytes) throw new ImportFileError(path, `the file is larger than the ${formatLimit(maxBytes)} limit`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ImportFileError(path, osMessage(error));
  }
  // the file may have grown between stat and read
  if (bytes.length > maxBytes) throw new ImportFileError(path, `the file is larger than the ${formatLimit(maxBytes)} limit`);
  if (bytes.length === 0) throw new ImportFileError(path, 'the file is empty');
  return bytes;
}
