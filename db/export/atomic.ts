// Atomic export files: everything is written to `<out>.tmp-<random>` in the same folder and renamed
// over `<out>` only when complete, so a crash or an error never leaves half a file and never
// damages an earlier export. Writes are buffered and synchronous because the rows come from
// better-sqlite3's synchronous iterators inside one read transaction.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync, accessSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors';

const FLUSH_AT = 256 * 1024;

/** Checks that `path` can be written (its folder exists and is writable), with a readable message. */
export function assertWritableTarget(path: string): string {
  const out = resolve(path);
  const dir = dirname(out);
  if (!existsSync(dir)) throw new ApiError('invalid_arguments', `Cannot export to ${out}: the folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new ApiError('invalid_arguments', `Cannot export to ${out}: ${dir} is not a folder`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new ApiError('invalid_arguments', `Cannot export to ${out}: it is a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ApiError('invalid_arguments', `Cannot export to ${out}: the folder ${dir} is not writable`);
  }
  return out;
}

export class AtomicFile {
  readonly target: string;
  readonly tempPath: string;
  private fd: number;
  private chunks: string[] = [];
  private pending = 0;
  bytes = 0;

  constructor(path: string) {
    this.target = assertWritableTarget(path);
    this.tempPath = `${this.target}.tmp-${randomBytes(6).toString('hex')}`;
    this.fd = openSync(this.tempPath, 'wx', 0o644);
  }

  write(text: string): void {
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  writeBytes(data: Uint8Array): void {
    this.flush();
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.fd, data, offset);
    this.bytes += data.length;
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const buffer = Buffer.from(this.chunks.join(''), 'utf8');
    this.chunks = [];
    this.pending = 0;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
  }

  /** Flushes, syncs and renames over the target; returns the bytes written. */
  commit(): number {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tempPath, this.target);
    return this.bytes;
  }

  /** Removes the temporary file; the target is untouched. */
  abort(): void {
    if (this.fd >= 0) {
      try { closeSync(this.fd); } catch { /* already closed */ }
      this.fd = -1;
    }
    rmSync(this.tempPath, { force: true });
  }
}

/** Runs `fill` against a fresh atomic file; commits on success, removes the temp file on failure. */
export function writeAtomically(path: string, fill: (file: AtomicFile) => void): { path: string; bytes: number } {
  const file = new AtomicFile(path);
  try {
    fill(file);
    return { path: file.target, bytes: file.commit() };
  } catch (error) {
    file.abort();
    throw error;
  }
}
