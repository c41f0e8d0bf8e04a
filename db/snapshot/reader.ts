// Reading a snapshot without loading it: a synchronous line reader (capped line length) over the
// layout the exporter writes, validating the header, the manifest and every record with zod. A
// snapshot that is valid JSON but laid out differently (pretty-printed by another tool) is read
// whole when it is small enough. Every failure is a SnapshotError with a message for the user.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import {
  Manifest, SECTION_NAMES, SECTIONS, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SectionName,
} from '../../shared/snapshot/schema';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export interface SnapshotSink {
  manifest(manifest: Manifest): void;
  record(section: SectionName, value: unknown): void;
}

export interface ReadLimits {
  /** longest line (one record) accepted, in bytes */
  maxLine: number;
  /** largest file read whole when it is not in the line layout */
  maxWhole: number;
}
export const DEFAULT_LIMITS: ReadLimits = { maxLine: 64 * 1024 * 1024, maxWhole: 64 * 1024 * 1024 };

function issues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

/** Yields the file's lines (without the newline), refusing any longer than `maxLine`. */
function* lines(fd: number, maxLine: number): Generator<string> {
  const chunk = Buffer.alloc(1024 * 1024);
  let parts: Buffer[] = [];
  let partLength = 0;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 || nl >= n ? n : nl;
      partLength += end - start;
      if (partLength > maxLine) throw new SnapshotError(`A line of the snapshot is longer than ${maxLine} bytes: the file is damaged or not a Skein snapshot`);
      parts.push(Buffer.from(chunk.subarray(start, end)));
      if (end === n) break;
      yield Buffer.concat(parts).toString('utf8');
      parts = [];
      partLength = 0;
      start = end + 1;
    }
  }
  if (partLength > 0) yield Buffer.concat(parts).toString('utf8');
}

function checkHeader(value: { format?: unknown; version?: unknown }): void {
  if (value.format !== SNAPSHOT_FORMAT) throw new SnapshotError('This JSON file is not a Skein snapshot (no "format": "skein-snapshot")');
  if (value.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(
      typeof value.version === 'number' && value.version > SNAPSHOT_VERSION
        ? `This snapshot is format version ${value.version}, written by a newer Skein; this version reads version ${SNAPSHOT_VERSION}. Update Skein to import it.`
        : `Unknown snapshot version ${JSON.stringify(value.version)?.slice(0, 40)}`,
    );
  }
}

function parseManifest(value: unknown): Manifest {
  const parsed = Manifest.safeParse(value);
  if (!parsed.success) throw new SnapshotError(`The snapshot's manifest is invalid (${issues(parsed.error)})`);
  return parsed.data;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SnapshotError(`${where} is not valid JSON: the file is damaged or truncated`);
  }
}

const HEADER = /^\{"format":"skein-snapshot","version":(\d{1,6}),$/;

/** Reads the snapshot at `path`, passing the manifest and each record (unvalidated) to `sink`. */
export function readSnapshot(path: string, sink: SnapshotSink, limits: ReadLimits = DEFAULT_LIMITS): Manifest {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new SnapshotError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new SnapshotError(`${path} is a folder, not a snapshot`);
    const iterator = lines(fd, limits.maxLine);
    const first = iterator.next();
    const header = first.done ? null : HEADER.exec(first.value);
    if (!header) return readWhole(fd, sink, limits);
    checkHeader({ format: SNAPSHOT_FORMAT, version: Number(header[1]) });
    return readLines(iterator, sink);
  } finally {
    closeSync(fd);
  }
}

function readLines(iterator: Generator<string>, sink: SnapshotSink): Manifest {
  let lineNo = 1;
  const next = (): string => {
    const item = iterator.next();
    lineNo += 1;
    if (item.done) throw new SnapshotError('The snapshot ends early: the file is truncated');
    return item.value;
  };
  const manifestLine = next();
  if (!manifestLine.startsWith('"manifest":') || !manifestLine.endsWith(',')) throw new SnapshotError(`Line ${lineNo}: expected the manifest`);
  const manifest = parseManifest(parseJson(manifestLine.slice('"manifest":'.length, -1), 'The manifest'));
  sink.manifest(manifest);
  SECTION_NAMES.forEach((name, index) => {
    const last = index === SECTION_NAMES.length - 1;
    const opening = next();
    if (opening !== `"${name}":[`) throw new SnapshotError(`Line ${lineNo}: expected the "${name}" section`);
    for (;;) {
      const line = next();
      if (line === (last ? ']' : '],')) break;
      const body = line.endsWith(',') ? line.slice(0, -1) : line;
      if (!body.startsWith('{')) throw new SnapshotError(`Line ${lineNo}: expected a ${name} record`);
      sink.record(name, parseJson(body, `Line ${lineNo}`));
    }
  });
  if (next() !== '}') throw new SnapshotError(`Line ${lineNo}: expected the end of the snapshot`);
  for (let extra = iterator.next(); !extra.done; extra = iterator.next()) {
    if (extra.value.trim() !== '') throw new SnapshotError('The snapshot has data after its end');
  }
  return manifest;
}

/** A small snapshot in another layout: parsed at once (V8's JSON.parse does not recurse on the stack). */
function readWhole(fd: number, sink: SnapshotSink, limits: ReadLimits): Manifest {
  const size = fstatSync(fd).size;
  if (size === 0) throw new SnapshotError('The file is empty');
  if (size > limits.maxWhole) throw new SnapshotError('This file is not a Skein snapshot (it does not start with the snapshot header)');
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    const n = readSync(fd, buffer, offset, size - offset, 0 + offset);
    if (n === 0) break;
    offset += n;
  }
  const value = parseJson(buffer.toString('utf8'), 'The file');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError('This JSON file is not a Skein snapshot');
  const doc = value as Record<string, unknown>;
  checkHeader(doc);
  const manifest = parseManifest(doc.manifest);
  sink.manifest(manifest);
  for (const key of Object.keys(doc)) {
    if (!['format', 'version', 'manifest', ...SECTION_NAMES].includes(key)) throw new SnapshotError(`Unknown field "${key.slice(0, 40)}" in the snapshot`);
  }
  for (const name of SECTION_NAMES) {
    const section = doc[name] ?? [];
    if (!Array.isArray(section)) throw new SnapshotError(`The "${name}" section is not a list`);
    for (const record of section) sink.record(name, record);
  }
  return manifest;
}

/** Validates one record against its section's schema. */
export function validateRecord<S extends SectionName>(section: S, value: unknown, index: number): z.infer<(typeof SECTIONS)[S]> {
  const parsed = SECTIONS[section].safeParse(value);
  if (!parsed.success) throw new SnapshotError(`Record ${index + 1} of "${section}" is invalid (${issues(parsed.error)})`);
  return parsed.data as z.infer<(typeof SECTIONS)[S]>;
}
