// 0070: expansion pages kept across connections and sessions (PERFORMANCE.md S2 and S6).
//
// A hub's page costs 10–50 ms to compute on a cold file (SQLite first reads ~1,500 scattered file
// pages). The per-connection cache (db/queries/graph-page-cache.ts) only helps the second time a
// connection asks; page_store keeps the pages themselves in the file, each with the graph_touch seq
// (migration 0060) it reflects, so that a new connection (the app after a restart, browser mode, a
// reader during a batch import) reads a hub's page back in a few ms and brings it up to date with
// what changed since, exactly as the per-connection cache does (db/queries/page-store.ts).
//
// - key: the per-connection cache's key (centre, limit, offset, known); center: the centre's
//   touchKey (0060), to tell which nodes have pages; seq: the graph_touch seq the page reflects;
//   format: the body's format (page-store.ts PAGE_FORMAT, which includes the schema version, so a
//   later migration makes every stored page stale); body: the page (graph-page-codec.ts).
// - Derived: never recorded in history (db/history.ts records a fixed list of tables), never exported
//   (snapshots and GraphML write their own sections), bounded (page-store.ts STORE_PAGES rows).
// - A page is only as good as graph_touch: whoever changes graph rows with the derived_* triggers
//   dropped (the bench loader) empties page_store, and emptying graph_touch empties it too (the
//   trigger below: its seqs would start again from 1, below the stored ones, and a page stored
//   before could look current). Its name does not start with derived_, so bulk loaders keep it.
import type { Migration } from './types';

export const migration0070: Migration = {
  version: 70,
  name: 'page-store',
  up: `
CREATE TABLE page_store (
  key TEXT PRIMARY KEY,
  center INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  format INTEGER NOT NULL,
  body BLOB NOT NULL
) STRICT;
CREATE TRIGGER page_store_touch_reset AFTER DELETE ON graph_touch BEGIN
  DELETE FROM page_store;
END;
`,
};
