// The import pipeline up to the review: read a file (or take pasted text), normalise it, find the
// investigation's entities that the text names, run the extractor, and hand back a proposal with
// "already imported" and "matches an existing entity" marked. Nothing is written here; writing is
// db/import/commit.ts, after the analyst (or batch auto-accept) has decided.
import { basename } from 'node:path';
import { CommitArgsSchema, type AutoArgs, type AutoResult, type CommitArgs, type EntityMatch, type ImportProposal } from '../../shared/api/import';
import { commitImport } from '../../db/import/commit';
import { ApiError } from '../../shared/api/errors';
import type { Extraction, ExtractOptions, KnownEntity, SourceMetadata } from '../../shared/extract/types';
import { normalizeKey, normalizeText } from '../../shared/text/normalize';
import { knownEntitiesIn } from '../../db/import/gazetteer';
import { findSourceByHash, sha256 } from '../../db/queries/sources';
import type { GraphStore } from '../../db/store';
import { DEFAULT_MAX_BYTES, readImportBytes, readImportFile } from './readers';
import { formatLimit, type ImportKind } from './readers/types';

export interface PreviewInput {
  text?: string;
  path?: string;
  /** a file's content sent by a window that has no path to give */
  file?: { name: string; base64: string };
  title?: string;
}

export interface PipelineOptions {
  /** file size limit in bytes (default 20 MB); pasted text is held to the same limit */
  maxBytes?: number;
  /** the extractor (default: the shared worker pool) */
  extract?: (text: string, options: ExtractOptions) => Promise<Extraction>;
}

export interface ReadInput {
  text: string;
  metadata: Partial<SourceMetadata>;
  kind: ImportKind;
  fileName: string | null;
}

/** Reads the file or takes the pasted text, normalised; refuses empty and oversized input. */
export async function readInput(input: PreviewInput, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadInput> {
  const given = [input.text, input.path, input.file].filter((x) => x !== undefined).length;
  if (given !== 1) throw new ApiError('invalid_arguments', 'Give either a text or a file, not both');
  let read: ReadInput;
  if (input.file !== undefined) {
    const bytes = Buffer.from(input.file.base64, 'base64');
    const file = await readImportBytes(input.file.name, bytes, { maxBytes });
    read = { ...file, text: normalizeText(file.text), fileName: input.file.name };
    if (!read.text) throw new ApiError('refused', `${read.fileName}: the file contains no text`);
  } else if (input.path !== undefined) {
    const file = await readImportFile(input.path, { maxBytes });
    read = { ...file, text: normalizeText(file.text), fileName: basename(input.path) };
    if (!read.text) throw new ApiError('refused', `${read.fileName}: the file contains no text`);
  } else {
    if (Buffer.byteLength(input.text!, 'utf8') > maxBytes) throw new ApiError('refused', `The text is larger than the ${formatLimit(maxBytes)} limit`);
    read = { text: normalizeText(input.text!), metadata: {}, kind: 'article', fileName: null };
    if (!read.text) throw new ApiError('invalid_arguments', 'The text is empty');
  }
  const title = input.title?.trim();
  if (title) read.metadata = { ...read.metadata, title };
  return read;
}

/** For each extracted entity linked to a known one: which existing entity, and by which of its names. */
export function matchesOf(extraction: Extraction, known: readonly KnownEntity[]): EntityMatch[] {
  const byId = new Map(known.map((k) => [k.id, k]));
  const matches: EntityMatch[] = [];
  for (const entity of extraction.entities) {
    if (entity.existingId === null) continue;
    const existing = byId.get(entity.existingId);
    if (!existing) continue;
    const used = new Set([entity.name, ...entity.aliases.map((a) => a.name), ...entity.mentions.map((m) => m.text)].map(normalizeKey));
    const alias = [existing.name, ...existing.aliases.map((a) => a.name)].find((name) => used.has(normalizeKey(name))) ?? existing.name;
    matches.push({ key: entity.key, entityId: existing.id, name: existing.name, kind: existing.kind, alias });
  }
  return matches;
}

/** Everything the review screen needs; writes nothing. */
export async function previewImport(store: GraphStore, input: PreviewInput, options: PipelineOptions = {}): Promise<ImportProposal> {
  const read = await readInput(input, options.maxBytes);
  const known = store.read((db) => knownEntitiesIn(db, read.text));
  const extract = options.extract ?? (async (text, opts) => (await import('./extract-pool')).sharedPool().extract(text, opts));
  let extraction: Extraction;
  try {
    extraction = await extract(read.text, { known, metadata: read.metadata });
  } catch (error) {
    throw new ApiError('internal', `${read.fileName ?? 'The text'}: the extractor failed (${(error as Error).message})`);
  }
  if (!extraction.text.trim()) throw new ApiError('refused', `${read.fileName ?? 'The text'}: nothing is left to import after the metadata lines`);
  // the analyst's title wins over one found in the text
  const metadata = input.title?.trim() ? { ...extraction.metadata, title: input.title.trim() } : extraction.metadata;
  const hash = sha256(extraction.text);
  const duplicate = store.read((db) => findSourceByHash(db, hash));
  return {
    ...extraction,
    metadata,
    claims: extraction.claims.map((c) => ({ ...c, text: c.text.slice(0, 2000) })),
    kind: read.kind,
    sha256: hash,
    duplicateOf: duplicate?.id ?? null,
    matches: matchesOf(extraction, known),
    fileName: read.fileName,
  };
}

/**
 * The commit of a proposal accepted as the extractor made it (batch and "Import all"), checked
 * against the API's schema; `title` is given to a text that has none of its own.
 */
export function acceptAsProposed(proposal: ImportProposal, title?: string): CommitArgs {
  const metadata = proposal.metadata.title || !title ? undefined : { title };
  const commit = CommitArgsSchema.safeParse({ proposal, decisions: [], ...(metadata ? { metadata } : {}) });
  if (!commit.success) throw new ApiError('internal', `the extractor's proposal was refused (${commit.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return commit.data;
}

/**
 * One file of "Import all": previewed, then committed as proposed (one transaction), or skipped as
 * already imported. A text without a title of its own gets `fallbackTitle` (its file's name).
 */
export async function autoImport(store: GraphStore, args: AutoArgs, options: PipelineOptions = {}): Promise<AutoResult> {
  const { fallbackTitle, ...input } = args;
  const proposal = await previewImport(store, input, options);
  if (proposal.duplicateOf !== null) return { status: 'skipped', sourceId: proposal.duplicateOf, entities: 0, claims: 0 };
  const written = commitImport(store, acceptAsProposed(proposal, fallbackTitle));
  return { status: 'imported', sourceId: written.sourceId, entities: written.entities, claims: written.claims };
}
