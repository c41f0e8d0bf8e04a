// Calls only the desktop transport answers: `export.saveAs` needs the native save dialog, which
// lives in the main process. main.ts builds this map with Electron's dialog and the window; browser
// mode never registers it (the browser downloads the file itself), so the router answers "declared
// but has no handler" there. No value import of `electron`, so the logic is tested in Node with a
// fake dialog.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ApiError } from '../shared/api/errors';
import type { ExportFiles } from './export-files';
import type { HandlerMap } from './handlers/types';

export interface SaveDialog {
  /** Electron's dialog.showSaveDialog, bound to the window */
  (options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface DesktopDeps {
  showSaveDialog: SaveDialog;
  files: ExportFiles;
  /** the folder the dialog opens in (the user's Downloads or Documents) */
  defaultDir: string;
}

/** Writes to `<target>.tmp-<random>` beside the target and renames over it, so a crash never leaves half a file. */
export function writeAtomically(target: string, fill: (tempPath: string) => void): void {
  const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    fill(temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function filtersFor(name: string): { name: string; extensions: string[] }[] {
  // "x.skein.json" → "json": the dialog matches the last extension only
  const ext = extname(name).slice(1);
  return ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : [];
}

export function createDesktopHandlers({ showSaveDialog, files, defaultDir }: DesktopDeps): HandlerMap {
  return {
    'export.saveAs': async (_ctx, { downloadId, name, base64 }) => {
      // look the download up before asking, so an expired one fails without a pointless dialog
      const prepared = downloadId === undefined ? null : files.find(downloadId);
      if (downloadId !== undefined && !prepared) throw new ApiError('not_found', 'That export has expired; export it again');
      const choice = await showSaveDialog({ title: 'Save export', defaultPath: join(defaultDir, name), filters: filtersFor(name) });
      if (choice.canceled || !choice.filePath) return { saved: false };
      const target = choice.filePath;
      if (prepared) {
        // copy, not rename: the temp folder may be on another file system than the chosen folder
        writeAtomically(target, (temp) => copyFileSync(prepared.path, temp));
        files.remove(prepared.id);
      } else {
        const bytes = Buffer.from(base64 ?? '', 'base64');
        writeAtomically(target, (temp) => {
          const fd = openSync(temp, 'wx', 0o644);
          try {
            writeSync(fd, bytes);
          } finally {
            closeSync(fd);
          }
        });
      }
      return { saved: true, where: target };
    },
  };
}
