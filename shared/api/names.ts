// The names of the API calls and push events as plain strings, for the desktop preload: it must
// refuse unknown names before anything crosses IPC, yet stay small (no zod, no schemas), because
// it is bundled into every window. tests/unit/http/names.test.ts keeps these lists equal to the
// contract (contract.ts) and the events map (events.ts): add a new name in both places.

export const METHOD_NAMES: readonly string[] = [
  'app.info', 'stats.get', 'search.query',
  'graph.nodes', 'graph.neighborhood', 'graph.edgesAmong',
  'entity.get', 'entity.create', 'entity.update', 'entity.delete',
  'entity.usage', 'entity.merge', 'entity.unmerge', 'entity.duplicates', 'entity.notDuplicate',
  'alias.add', 'alias.remove', 'alias.update',
  'relation.create', 'relation.delete', 'relation.update',
  'claim.get', 'claim.create', 'claim.delete', 'claim.update',
  'source.get', 'source.grade', 'source.update',
  'note.list', 'note.add', 'note.update', 'note.delete',
  'history.list', 'history.undo', 'history.redo',
  'import.preview', 'import.commit', 'import.auto', 'import.batch', 'import.cancel',
  'path.find', 'claim.facts', 'view.get', 'view.save', 'view.list',
  'export.run', 'export.prepare', 'export.saveAs', 'snapshot.import', 'graph.importFile', 'graph.importUpload',
];

export const EVENT_NAME_LIST: readonly string[] = ['graph.changed', 'task.progress', 'menu.command', 'app.reopened'];

/**
 * Electron's contextBridge copies only the message of an Error (electron/electron#25596), so the
 * preload appends the error code to the message and the renderer's backend takes it back off.
 */
const CODE_SUFFIX = /\s\[skein:([a-z_]+)\]$/;

export function encodeBridgeMessage(code: string, message: string): string {
  return `${message} [skein:${code}]`;
}

export function decodeBridgeMessage(text: string): { code: string | null; message: string } {
  const match = CODE_SUFFIX.exec(text);
  return match ? { code: match[1] ?? null, message: text.slice(0, match.index) } : { code: null, message: text };
}
