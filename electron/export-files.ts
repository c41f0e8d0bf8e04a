// Prepared exports waiting to be delivered: the window never sees paths, so `export.prepare` writes
// the file into a private temp folder (`<tmp>/skein-exports-<pid>/<random>/<name>`) and hands out an
// unguessable download id. Browser mode streams it from /api/download/<id>; the desktop copies it to
// the path chosen in the save dialog. A download is taken once, expires after ten minutes, and the
// whole folder is removed when the process exits. Also gives imports from the window a scratch file.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOWNLOAD_ID_PATTERN } from '../shared/api/export';

export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;
/** older prepared files beyond this count are dropped on the next prepare */
const MAX_PENDING = 8;

export interface PreparedFile {
  id: string;
  name: string;
  path: string;
  bytes: number;
  expires: number;
}

export interface ExportFiles {
  readonly root: string;
  /** a fresh empty folder for one export and the path of `name` inside it (written by the caller) */
  reserve(name: string): { id: string; path: string };
  /** registers the file written at the reserved path; returns what the download route will serve */
  publish(id: string, name: string): PreparedFile;
  /** the file under this id, or null for a malformed, unknown or expired id */
  find(id: string): PreparedFile | null;
  /** takes the file out of the table (one delivery per id); its folder stays until `remove` */
  take(id: string): PreparedFile | null;
  remove(id: string): void;
  /** writes bytes to a scratch file for an import; the returned function deletes it */
  scratch(name: string, bytes: Uint8Array): { path: string; dispose(): void };
  dispose(): void;
}

export function createExportFiles(root = join(tmpdir(), `skein-exports-${process.pid}`), now: () => number = Date.now): ExportFiles {
  const pending = new Map<string, PreparedFile>();
  let rootMade = false;
  const ensureRoot = () => {
    if (rootMade) return;
    // 0700: other users of the machine must not read an investigation's exports
    mkdirSync(root, { recursive: true, mode: 0o700 });
    rootMade = true;
  };
  const folderOf = (id: string) => join(root, id);

  function remove(id: string): void {
    pending.delete(id);
    // the id pattern is checked before it ever becomes a path, so no id can point outside the root
    if (DOWNLOAD_ID_PATTERN.test(id)) rmSync(folderOf(id), { recursive: true, force: true });
  }

  function sweep(): void {
    const t = now();
    for (const file of [...pending.values()]) if (file.expires <= t) remove(file.id);
    const byAge = [...pending.values()].sort((a, b) => a.expires - b.expires);
    for (const file of byAge.slice(0, Math.max(0, byAge.length - MAX_PENDING + 1))) remove(file.id);
  }

  return {
    root,
    reserve(name) {
      sweep();
      ensureRoot();
      const id = randomBytes(16).toString('base64url');
      mkdirSync(folderOf(id), { mode: 0o700 });
      return { id, path: join(folderOf(id), name) };
    },
    publish(id, name) {
      const path = join(folderOf(id), name);
      const file = { id, name, path, bytes: statSync(path).size, expires: now() + DOWNLOAD_TTL_MS };
      pending.set(id, file);
      return file;
    },
    find(id) {
      if (!DOWNLOAD_ID_PATTERN.test(id)) return null;
      const file = pending.get(id);
      if (!file) return null;
      if (file.expires <= now()) {
        remove(id);
        return null;
      }
      return file;
    },
    take(id) {
      const file = this.find(id);
      if (file) pending.delete(id);
      return file;
    },
    remove,
    scratch(name, bytes) {
      ensureRoot();
      const dir = mkdtempSync(join(root, 'upload-'));
      const path = join(dir, name);
      writeFileSync(path, bytes, { mode: 0o600 });
      return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
    dispose() {
      pending.clear();
      rmSync(root, { recursive: true, force: true });
      rootMade = false;
    },
  };
}

let shared: ExportFiles | null = null;

/** The process's one table of prepared exports, shared by the handlers and the download route. */
export function exportFiles(): ExportFiles {
  if (!shared) {
    const files = createExportFiles();
    shared = files;
    // exports may hold the investigation's text: never leave them behind in /tmp
    process.once('exit', () => files.dispose());
  }
  return shared;
}

/** The name an export of `format` gets: the investigation's name, the scope and the date. */
export function suggestedName(investigation: string, format: string, scope: 'investigation' | 'view', date: Date): string {
  const base = investigation.replace(/\.skein$/i, '').replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 80) || 'investigation';
  const day = date.toISOString().slice(0, 10);
  return `${base}-${scope === 'view' ? 'view' : 'all'}-${day}${EXTENSIONS[format] ?? `.${format}`}`;
}

const EXTENSIONS: Record<string, string> = {
  snapshot: '.skein.json', graphml: '.graphml', gexf: '.gexf', cyjs: '.cyjs', csv: '.csv.zip',
  ftm: '.ftm.json', annotations: '.annotations.jsonld', report: '.html',
};
