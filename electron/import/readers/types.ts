// What every file reader returns, and the one error type readers throw: a message about the file
// that a user can act on, never a stack trace.
import { basename } from 'node:path';
import type { SourceMetadata } from '../../../shared/extract/types';
import { ApiError } from '../../../shared/api/errors';

export type ImportKind = 'article' | 'document';

export interface ReadResult {
  /** plain text, not yet normalised (the pipeline runs normalizeText) */
  text: string;
  metadata: Partial<SourceMetadata>;
  kind: ImportKind;
}

export interface ReadOptions {
  /** refuse files larger than this many bytes (default 20 MB) */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file that cannot be imported. It is an ApiError ("refused") so that the router passes the
 * message through unchanged; `path` lets batch reports name the file.
 */
export class ImportFileError extends ApiError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('refused', `${basename(path) || path}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
