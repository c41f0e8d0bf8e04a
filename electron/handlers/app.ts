// app.* and stats.*: what the status bar and the CLI show.
import { SCHEMA_VERSION } from '../../db/migrations';
import { counts } from '../../db/queries/stats';
import type { HandlerMap } from './types';

export const appHandlers: HandlerMap = {
  'app.info': ({ store, appVersion }) => ({
    version: appVersion, dbPath: store.path, schemaVersion: SCHEMA_VERSION, counts: counts(store.db),
  }),
  'stats.get': ({ store }) => counts(store.db),
};
