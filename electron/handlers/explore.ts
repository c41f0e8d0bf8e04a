// path.* and view.*: connections between two items, and the saved canvas.
import { ViewState } from '../../shared/api/explore';
import { findPaths } from '../../db/queries/paths';
import type { HandlerMap } from './types';

const VIEW_KEY = (name: string) => `view:${name}`;

export const exploreHandlers: HandlerMap = {
  'path.find': ({ store }, { from, to, maxHops, maxPaths, filter }) => store.read((db) => findPaths(db, from, to, { maxHops, maxPaths, filter })),
  'claim.facts': ({ store }, { ids }) => ({
    facts: store.read((db) => (db.prepare(`
      SELECT c.id, c.status, c.stance, c.credibility, c.made_on AS madeOn, c.about_time AS aboutTime
      FROM json_each(?) j CROSS JOIN claim c ON c.id = j.value`).all(JSON.stringify(ids)) as never[])),
  }),
  'view.get': ({ store }, { name }) => {
    const raw = store.getSetting(VIEW_KEY(name));
    if (raw === null) return { view: null };
    // a view saved by another version may not parse: start empty rather than fail to open
    const parsed = ViewState.safeParse(JSON.parse(raw));
    return { view: parsed.success ? parsed.data : null };
  },
  'view.save': ({ store }, { name, view }) => {
    store.setSetting(VIEW_KEY(name), JSON.stringify(view));
    return { ok: true as const };
  },
  'view.list': ({ store }) => ({
    names: (store.db.prepare("SELECT key FROM setting WHERE key LIKE 'view:%' ORDER BY key").all() as { key: string }[]).map((r) => r.key.slice(5)),
  }),
};
