// The desktop-only export.saveAs (a fake save dialog stands in for Electron's) and the window's
// graph.importUpload: files land whole or not at all, cancelling writes nothing, and a malformed
// upload is a clear error that leaves the investigation and the temp folder untouched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers, writeAtomically, type SaveDialog } from '../../../electron/desktop-handlers';
import { createExportFiles, exportFiles, type ExportFiles } from '../../../electron/export-files';
import { allHandlers } from '../../../electron/handlers';
import { createRouter } from '../../../electron/router';
import { GraphStore } from '../../../db/store';
import { seedLikeGraph, testApp } from '../helpers';

let dir: string;
let files: ExportFiles;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skein-saveas-'));
  files = createExportFiles(join(dir, 'exports'));
});
afterEach(() => {
  files.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function desktopRouter(showSaveDialog: SaveDialog) {
  const store = new GraphStore(':memory:');
  const router = createRouter({ store, appVersion: '0.0.0-test' }, [...allHandlers, createDesktopHandlers({ showSaveDialog, files, defaultDir: dir })]);
  return { store, call: (method: string, args: unknown) => router.call(method, args) as Promise<{ saved: boolean; where?: string }> };
}

describe('export.saveAs (desktop)', () => {
  it('writes renderer-made bytes to the chosen path and offers the name in the dialog', async () => {
    const asked: string[] = [];
    const target = join(dir, 'picture.png');
    const app = desktopRouter(async (options) => { asked.push(options.defaultPath, options.filters[0]?.extensions[0] ?? ''); return { canceled: false, filePath: target }; });
    const result = await app.call('export.saveAs', { name: 'view.png', base64: Buffer.from('PNGDATA').toString('base64') });
    expect(result).toEqual({ saved: true, where: target });
    expect(readFileSync(target, 'utf8')).toBe('PNGDATA');
    expect(asked).toEqual([join(dir, 'view.png'), 'png']);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('copies a prepared export over an existing file and removes the download', async () => {
    const { id, path } = files.reserve('a.graphml');
    writeFileSync(path, '<graphml/>');
    files.publish(id, 'a.graphml');
    const target = join(dir, 'out.graphml');
    writeFileSync(target, 'OLD');
    const app = desktopRouter(async () => ({ canceled: false, filePath: target }));
    expect(await app.call('export.saveAs', { downloadId: id, name: 'a.graphml' })).toEqual({ saved: true, where: target });
    expect(readFileSync(target, 'utf8')).toBe('<graphml/>');
    expect(files.find(id)).toBeNull();
    await expect(app.call('export.saveAs', { downloadId: id, name: 'a.graphml' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const app = desktopRouter(async () => ({ canceled: true }));
    expect(await app.call('export.saveAs', { name: 'x.svg', base64: 'AAAA' })).toEqual({ saved: false });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses folder names, both or neither payload, and bad base64 before any dialog opens', async () => {
    let opened = 0;
    const app = desktopRouter(async () => { opened++; return { canceled: true }; });
    await expect(app.call('export.saveAs', { name: '../x.png', base64: 'AAAA' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(app.call('export.saveAs', { name: 'x.png' })).rejects.toThrow(/either downloadId or base64/);
    await expect(app.call('export.saveAs', { name: 'x.png', base64: 'AAAA', downloadId: 'AAAAAAAAAAAAAAAAAAAAAA' })).rejects.toThrow(/either/);
    await expect(app.call('export.saveAs', { name: 'x.png', base64: '<svg>' })).rejects.toThrow(/base64/);
    expect(opened).toBe(0);
  });

  it('leaves the earlier file intact when writing fails half-way', () => {
    const target = join(dir, 'keep.txt');
    writeFileSync(target, 'EARLIER');
    expect(() => writeAtomically(target, (temp) => { writeFileSync(temp, 'HALF'); throw new Error('disk full'); })).toThrow(/disk full/);
    expect(readFileSync(target, 'utf8')).toBe('EARLIER');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe('graph.importUpload', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('imports a GraphML file sent as bytes and removes the scratch copy', async () => {
    const app = testApp();
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k" for="node" attr.name="label" attr.type="string"/>
      <graph edgedefault="undirected"><node id="a"><data key="k">Anna</data></node><node id="b"><data key="k">Boris</data></node><edge source="a" target="b"/></graph></graphml>`;
    const result = await app.call('graph.importUpload', { name: 'made-elsewhere.graphml', base64: b64(graphml) });
    expect(result).toMatchObject({ kind: 'graphml', nodes: 2, edges: 1 });
    expect(existsSync(exportFiles().root) ? readdirSync(exportFiles().root).filter((f) => f.startsWith('upload-')) : []).toEqual([]);
  });

  it('round-trips a snapshot made by export.prepare', async () => {
    const source = testApp();
    await seedLikeGraph(source);
    const { downloadId, name } = await source.call('export.prepare', { format: 'snapshot' });
    const bytes = readFileSync(join(exportFiles().root, downloadId, name));
    const target = testApp();
    const result = await target.call('graph.importUpload', { name, base64: bytes.toString('base64') });
    expect(result.kind).toBe('snapshot');
    expect((await target.call('app.info', {})).counts.entities).toBe(4);
  });

  it('gives a clear error for malformed input and writes nothing', async () => {
    const app = testApp();
    const before = (await app.call('app.info', {})).counts;
    await expect(app.call('graph.importUpload', { name: 'broken.graphml', base64: b64('<graphml><graph><node id="a">') })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(app.call('graph.importUpload', { name: 'notes.txt', base64: b64('just some words') })).rejects.toThrow(/not a Skein snapshot, GraphML or GEXF file/);
    await expect(app.call('graph.importUpload', { name: 'x.gexf', base64: '%%%' })).rejects.toThrow(/base64/);
    await expect(app.call('graph.importUpload', { name: 'x.gexf', base64: '' })).rejects.toThrow(/empty/);
    await expect(app.call('graph.importUpload', { name: '../../x.gexf', base64: b64('<gexf/>') })).rejects.toThrow(/without folders/);
    expect((await app.call('app.info', {})).counts).toEqual(before);
    expect(existsSync(exportFiles().root) ? readdirSync(exportFiles().root).filter((f) => f.startsWith('upload-')) : []).toEqual([]);
  });
});
