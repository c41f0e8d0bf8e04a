// Counts by kind, for the status bar, `app.info` and the CLI's `stats`.
import type { Counts } from '../../shared/api/contract';
import type { SqliteDb } from '../open';

export function counts(db: SqliteDb): Counts {
  const kinds = db.prepare('SELECT kind, count(*) AS n FROM entity WHERE merged_into IS NULL GROUP BY kind').all() as { kind: string; n: number }[];
  const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    entities: kinds.reduce((sum, k) => sum + k.n, 0),
    people: byKind.person ?? 0,
    organizations: byKind.organization ?? 0,
    places: byKind.place ?? 0,
    events: byKind.event ?? 0,
    aliases: n('alias'),
    claims: n('claim'),
    relations: n('relation'),
    sources: n('source'),
    spans: n('span'),
    notes: n('note'),
    history: n('history'),
  };
}
