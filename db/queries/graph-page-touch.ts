// What changed since a cached or stored expansion page was made (graph-page-cache.ts), from this
// connection's counters and migration 0060's graph_touch: the version to compare, the nodes touched
// since a seq, and what they change on a page (nodes to patch, neighbours whose rank may let them
// into its lists).
import type { Statement } from 'better-sqlite3';
import type { NodeType } from '../../shared/graph/ids';
import type { RankFloors } from './graph';
import type { SqliteDb } from '../open';
import { tempWriteCount } from './graph-edges';
import { storeWriteCount } from './page-store';

/** More nodes touched than this since the last look (a bulk import): every page is dropped. */
export const TOUCH_LIMIT = 20_000;
/**
 * More rank suspects than this since a page was last served and its lists are read again without
 * testing them: the test costs ~2-4 µs a suspect, reading a hub's lists again a few ms. A batch
 * import ranks ~100 nodes a commit, so a hub page read every few seconds gathers thousands (S6).
 */
export const SUSPECT_LIMIT = 2_000;

const VERSION_SQL = `SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version()) AS d,
  (SELECT schema_version FROM pragma_schema_version()) AS s`;

/** The hot SQL of the cross-connection check, exported so that a query-plan test checks what runs. */
export const TOUCH_SQL = {
  /** the version and the last change seq in one statement: one read snapshot */
  version: `SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version()) AS d,
    (SELECT schema_version FROM pragma_schema_version()) AS s, (SELECT coalesce(max(seq), 0) FROM graph_touch) AS q`,
  touched: 'SELECT node FROM graph_touch WHERE seq > ? LIMIT ?',
  /**
   * Whether one of the entities / claims (JSON arrays) whose rank changed is next to the centre and
   * at least as important as the page's floor for its type (graph.ts RankFloors): only then can it
   * enter, leave or move in the page's ranked lists. An edge added or removed since touches the
   * centre itself, so the current adjacency is the one to test.
   */
  adjacent: {
    entity: `SELECT EXISTS (SELECT 1 FROM json_each(@entities) j CROSS JOIN entity e ON e.id = j.value
        WHERE e.importance >= @entityFloor AND (EXISTS (SELECT 1 FROM relation r WHERE r.from_id = @id AND r.to_id = e.id)
          OR EXISTS (SELECT 1 FROM relation r WHERE r.to_id = @id AND r.from_id = e.id)))
      OR EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND (c.claimant_id = @id
          OR EXISTS (SELECT 1 FROM claim_role r WHERE r.claim_id = c.id AND r.entity_id = @id))) AS near`,
    claim: `SELECT EXISTS (SELECT 1 FROM json_each(@entities) j CROSS JOIN entity e ON e.id = j.value
        WHERE e.importance >= @entityFloor AND (EXISTS (SELECT 1 FROM claim c WHERE c.id = @id AND c.claimant_id = e.id)
          OR EXISTS (SELECT 1 FROM claim_role r WHERE r.claim_id = @id AND r.entity_id = e.id)))
      OR EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND (c.responds_to = @id
          OR EXISTS (SELECT 1 FROM claim p WHERE p.id = @id AND p.responds_to = c.id))) AS near`,
    source: `SELECT EXISTS (SELECT 1 FROM json_each(@claims) j CROSS JOIN claim c ON c.id = j.value
        WHERE c.importance >= @claimFloor AND EXISTS (SELECT 1 FROM span s WHERE s.claim_id = c.id AND s.source_id = @id)) AS near`,
  } satisfies Record<NodeType, string>,
} as const;

interface Statements { version: Statement; touched: Statement | null; adjacent: Map<NodeType, Statement> }

/** This connection's own writes and schema, others' commits, and the last change seq. */
export interface Version { own: string; data: number; seq: number | null }

const prepared = new WeakMap<SqliteDb, Statements>();

/** The check's statements on this connection (`touched` null: the file has no graph_touch). */
export function statementsOf(db: SqliteDb): Statements {
  let s = prepared.get(db);
  if (!s) {
    try {
      s = { version: db.prepare(TOUCH_SQL.version), touched: db.prepare(TOUCH_SQL.touched).pluck(), adjacent: new Map() };
    } catch {
      // a file without graph_touch (read-only, not migrated): any commit elsewhere drops every page
      s = { version: db.prepare(VERSION_SQL), touched: null, adjacent: new Map() };
    }
    prepared.set(db, s);
  }
  return s;
}

/** Where this connection stands; its own writes to temp id sets and to the page store do not count. */
export function versionOf(db: SqliteDb): Version {
  const v = statementsOf(db).version.get() as { t: number; d: number; s: number; q?: number };
  return { own: `${v.t - tempWriteCount(db) - storeWriteCount(db)}:${v.s}`, data: v.d, seq: v.q ?? null };
}

/** What a page's freshness rests on (graph-page-cache.ts keeps one per page). */
export interface PageState {
  center: { type: NodeType; id: number };
  /** touchKey of every node the page depends on (centre, nodes, known); null: any commit drops it */
  deps: Set<number> | null;
  /** touchKey of the nodes it shows (centre included) */
  shown: Set<number> | null;
  /** how important a neighbour must be to enter the page's lists (null: any neighbour may) */
  floors: RankFloors | null;
  /** whether it can be brought up to date with changed nodes of it (else it is computed again) */
  patch: unknown;
  /** touchKey of the page's nodes changed since it was made or patched */
  pending: Set<number> | null;
  /**
   * neighbours off the page whose rank changed since it was last served; `many`: more than
   * SUSPECT_LIMIT of them (no longer kept: the lists are read again)
   */
  suspects: { entities: Set<number>; claims: Set<number>; many: boolean } | null;
}

/** Nodes touched since a seq (touchKeys without the rank bit): changed themselves, or in rank. */
export interface Touched { nodes: number[]; ranked: number[] }

/** What was touched after `seq`; null when it was too much to tell (a bulk import). */
export function touchedSince(db: SqliteDb, seq: number): Touched | null {
  const touched = statementsOf(db).touched!.all(seq, TOUCH_LIMIT + 1) as number[];
  if (touched.length > TOUCH_LIMIT) return null;
  const result: Touched = { nodes: [], ranked: [] };
  for (const key of touched) (key % 2 === 0 ? result.nodes : result.ranked).push(key - (key % 2));
  return result;
}

/**
 * Marks what the touched nodes change on a page: its changed nodes to patch when it is next asked
 * for, its neighbours whose rank changed to test then. False: the page must go.
 */
export function touchEntry(entry: PageState, { nodes, ranked }: Touched): boolean {
  if (!entry.deps) return false;
  const changed = [...nodes, ...ranked].filter((k) => entry.deps!.has(k));
  const shown = entry.shown!;
  if (changed.length > 0) {
    if (!entry.patch) return false;
    // patched when next asked for (a commit may touch many pages; most are not read before the next)
    entry.pending ??= new Set();
    for (const k of changed) entry.pending.add(k);
  }
  if (ranked.length === 0) return true;
  const floors = entry.floors ?? { entity: -Infinity, claim: -Infinity };
  const entities: number[] = [];
  const claims: number[] = [];
  // a node the page shows moves in its lists by a patch (which checks the floors); any other
  // neighbour, a known node included, may enter them
  for (const k of ranked) {
    if (shown.has(k)) continue;
    const type = (k % 8) / 2;
    if (type === 0 && floors.entity !== Infinity) entities.push((k - type * 2) / 8);
    else if (type === 1 && floors.claim !== Infinity) claims.push((k - type * 2) / 8);
  }
  if (entities.length === 0 && claims.length === 0) return true;
  // tested when the page is next asked for (most pages are not, before the next commit), against
  // the importance they have then
  const suspects = (entry.suspects ??= { entities: new Set(), claims: new Set(), many: false });
  if (suspects.many) return true;
  for (const id of entities) suspects.entities.add(id);
  for (const id of claims) suspects.claims.add(id);
  if (suspects.entities.size + suspects.claims.size > SUSPECT_LIMIT) {
    suspects.many = true;
    suspects.entities.clear();
    suspects.claims.clear();
  }
  return true;
}

/** Whether a suspect of the page (a neighbour whose rank changed) can now be in its lists (too many: yes). */
export function suspectNear(db: SqliteDb, entry: PageState): boolean {
  if (entry.suspects!.many) return true;
  const floors = entry.floors ?? { entity: -Infinity, claim: -Infinity };
  const { type, id } = entry.center;
  const statements = statementsOf(db);
  let adjacent = statements.adjacent.get(type);
  if (!adjacent) statements.adjacent.set(type, (adjacent = db.prepare(TOUCH_SQL.adjacent[type]).pluck()));
  const floor = (value: number) => Math.max(value, -Number.MAX_VALUE);
  const args = { id, claims: JSON.stringify([...entry.suspects!.claims]), claimFloor: floor(floors.claim) };
  return Boolean(adjacent.get(type === 'source' ? args : { ...args, entities: JSON.stringify([...entry.suspects!.entities]), entityFloor: floor(floors.entity) }));
}
