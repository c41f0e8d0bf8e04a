// history.*: the audit list, undo and redo.
import type { HandlerMap } from './types';

export const historyHandlers: HandlerMap = {
  'history.list': ({ store }, { limit }) => ({ entries: store.history(limit) }),
  'history.undo': ({ store }) => ({ entry: store.undo() }),
  'history.redo': ({ store }) => ({ entry: store.redo() }),
};
