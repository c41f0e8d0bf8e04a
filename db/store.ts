// The graph store: one investigation file, its transactions and its history.
// Every write goes through `write`, which runs in one IMMEDIATE transaction and folds the rows it
// touched into one history entry; undo and redo replay those row images.
import type { HistoryEntry } from '../shared/domain/model';
import { ApiError } from '../shared/api/errors';
import { appendChanges, applyChanges, clearChanges, installRecorder, StaleHistoryError, type RowChange } from './history';
import { openDatabase, type OpenOptions, type SqliteDb } from './open';
import { dropPages } from './queries/graph-page-cache';

export interface WriteMeta {
  action: string;
  summary: string;
  actor?: string;
}

export interface WriteResult<T> {
  value: T;
  historyId: number | null;
}

export interface StoreOptions extends OpenOptions {
  /** record history (default true); bulk loaders switch it off */
  history?: boolean;
}

interface HistoryRow {
  id: number; at: number; actor: string; action: string; summary: string; changes: string;
  undoes: number | null; redoes: number | null;
}

const NODE_OF: Record<string, (row: Record<string, unknown>) => (string | null)[]> = {
  entity: (r) => [`e:${r.id}`],
  alias: (r) => [`e:${r.entity_id}`],
  source: (r) => [`s:${r.id}`],
  claim: (r) => [`c:${r.id}`],
  claim_role: (r) => [`c:${r.claim_id}`],
  relation: (r) => [`e:${r.from_id}`, `e:${r.to_id}`],
  span: (r) => [r.claim_id != null ? `c:${r.claim_id}` : r.entity_id != null ? `e:${r.entity_id}` : null, `s:${r.source_id}`],
  note: (r) => [r.entity_id != null ? `e:${r.entity_id}` : r.claim_id != null ? `c:${r.claim_id}` : r.source_id != null ? `s:${r.source_id}` : null],
  merge: (r) => [`e:${r.survivor_id}`, `e:${r.merged_id}`],
  not_duplicate: (r) => [`e:${r.a}`, `e:${r.b}`],
};

const MAX_ITEMS = 20;

/** Adds the graph nodes a change touched; false once there are enough. */
function addItems(items: Set<string>, change: RowChange): boolean {
  const row = change.a ?? change.b;
  if (row) for (const id of NODE_OF[change.t]?.(row) ?? []) if (id) items.add(id);
  return items.size < MAX_ITEMS;
}

/** The number of row changes and the graph nodes they touched (for "jump to item"). */
export function summarizeChanges(changes: RowChange[]): { changeCount: number; items: string[] } {
  const items = new Set<string>();
  for (const change of changes) if (!addItems(items, change)) break;
  return { changeCount: changes.length, items: [...items] };
}

/** What listeners hear after a commit: the history entry, its action, and the nodes it touched. */
export interface ChangeNotice {
  historyId: number | null;
  action: string;
  nodeIds: string[];
}

export class GraphStore {
  readonly db: SqliteDb;
  readonly path: string;
  private readonly recording: boolean;
  private listeners = new Set<(entry: ChangeNotice) => void>();

  constructor(path: string, options: StoreOptions = {}) {
    this.path = path;
    this.db = openDatabase(path, options);
    this.recording = (options.history ?? true) && !options.readonly;
    if (this.recording) installRecorder(this.db);
  }

  static memory(): GraphStore {
    return new GraphStore(':memory:');
  }

  close(): void {
    this.stopWatching();
    if (this.db.open) this.db.close();
  }

  private dataVersion = -1;
  private watchTimer: ReturnType<typeof setInterval> | null = null;

  /**
   * Another process (the desktop app and browser mode, or the CLI) may write the same file:
   * SQLite bumps `data_version` when another connection commits, so polling it is cheap.
   * Returns true (and notifies listeners) when something changed since the last check.
   */
  checkExternalChanges(): boolean {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const changed = this.dataVersion !== -1 && version !== this.dataVersion;
    this.dataVersion = version;
    if (changed) this.emit(null, 'external');
    return changed;
  }

  startWatching(intervalMs = 1000): void {
    if (this.watchTimer) return;
    this.checkExternalChanges();
    this.watchTimer = setInterval(() => this.checkExternalChanges(), intervalMs);
    this.watchTimer.unref?.();
  }

  stopWatching(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
  }

  /** Called after every committed write (the transports push it to the windows). */
  onChange(listener: (entry: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` in one transaction and records what it changed as one history entry. */
  write<T>(meta: WriteMeta, fn: (db: SqliteDb) => T): WriteResult<T> {
    const run = this.db.transaction(() => {
      if (this.recording) clearChanges(this.db);
      const value = fn(this.db);
      return { value, ...this.appendHistory(meta, null, null) };
    });
    let outcome: ReturnType<typeof run.immediate>;
    try {
      outcome = run.immediate();
    } finally {
      // committed or rolled back: a page cached inside the transaction may show neither state
      dropPages(this.db);
    }
    const { value, historyId, nodeIds } = outcome;
    this.emit(historyId, meta.action, nodeIds);
    return { value, historyId };
  }

  /** Reads inside a deferred transaction so that multi-statement reads see one snapshot. */
  read<T>(fn: (db: SqliteDb) => T): T {
    return this.db.transaction(() => fn(this.db)).deferred();
  }

  /** Folds what the transaction changed into one history entry (none when nothing changed). */
  private appendHistory(meta: WriteMeta, undoes: number | null, redoes: number | null): { historyId: number | null; nodeIds: string[] } {
    if (!this.recording) return { historyId: null, nodeIds: [] };
    const items = new Set<string>();
    const historyId = appendChanges(this.db, {
      at: Date.now(), actor: meta.actor ?? 'user', action: meta.action, summary: meta.summary, undoes, redoes,
    }, (change) => addItems(items, change));
    return { historyId, nodeIds: [...items] };
  }

  /**
   * Passes on a commit made by another connection that announced it (the background batch import
   * process, electron/import/batch-process.ts), so that the windows hear of it at once rather than
   * at the next poll of `data_version`.
   */
  relay(notice: ChangeNotice): void {
    this.emit(notice.historyId, notice.action, notice.nodeIds);
  }

  private emit(historyId: number | null, action: string, nodeIds: string[] = []): void {
    for (const listener of this.listeners) listener({ historyId, action, nodeIds });
  }

  /** An original entry is undone while it has more undo entries than redo entries. */
  private isUndone(id: number): boolean {
    const row = this.db
      .prepare('SELECT (SELECT count(*) FROM history WHERE undoes = ?) - (SELECT count(*) FROM history WHERE redoes = ?) AS n')
      .get(id, id) as { n: number };
    return row.n > 0;
  }

  /** The newest original change that is in effect. */
  private undoTarget(): HistoryRow | undefined {
    const rows = this.db
      .prepare('SELECT * FROM history WHERE undoes IS NULL AND redoes IS NULL ORDER BY id DESC LIMIT 200')
      .iterate() as IterableIterator<HistoryRow>;
    for (const row of rows) if (!this.isUndone(row.id)) return row;
    return undefined;
  }

  /** The oldest undone change with nothing newer in effect (a new change clears the redo stack). */
  private redoTarget(): HistoryRow | undefined {
    const originals = this.db
      .prepare('SELECT * FROM history WHERE undoes IS NULL AND redoes IS NULL ORDER BY id DESC LIMIT 200')
      .all() as HistoryRow[];
    let candidate: HistoryRow | undefined;
    for (const row of originals) {
      if (!this.isUndone(row.id)) break;
      candidate = row;
    }
    return candidate;
  }

  undo(): HistoryEntry | null {
    return this.replay('undo');
  }

  redo(): HistoryEntry | null {
    return this.replay('redo');
  }

  private replay(direction: 'undo' | 'redo'): HistoryEntry | null {
    if (!this.recording) throw new ApiError('refused', 'This investigation is open without history');
    const run = this.db
      .transaction(() => {
        const target = direction === 'undo' ? this.undoTarget() : this.redoTarget();
        if (!target) return null;
        clearChanges(this.db);
        try {
          applyChanges(this.db, JSON.parse(target.changes) as RowChange[], direction);
        } catch (error) {
          if (error instanceof StaleHistoryError) {
            throw new ApiError('stale', `Cannot ${direction} "${target.summary}": ${error.message}`);
          }
          throw error;
        }
        const verb = direction === 'undo' ? 'Undo' : 'Redo';
        const { historyId: id, nodeIds } = this.appendHistory(
          { action: `history.${direction}`, summary: `${verb}: ${target.summary}` },
          direction === 'undo' ? target.id : null,
          direction === 'redo' ? target.id : null,
        );
        return { id, target, nodeIds };
      });
    let outcome: ReturnType<typeof run.immediate>;
    try {
      outcome = run.immediate();
    } finally {
      dropPages(this.db);
    }
    if (!outcome) return null;
    this.emit(outcome.id, `history.${direction}`, outcome.nodeIds);
    return this.historyEntry(outcome.target);
  }

  private historyEntry(row: HistoryRow): HistoryEntry {
    return {
      id: row.id, at: row.at, actor: row.actor, action: row.action, summary: row.summary, undoes: row.undoes ?? row.redoes,
      undone: row.undoes === null && row.redoes === null ? this.isUndone(row.id) : false,
      ...summarizeChanges(JSON.parse(row.changes) as RowChange[]),
    };
  }

  history(limit: number): HistoryEntry[] {
    const rows = this.db.prepare('SELECT * FROM history ORDER BY id DESC LIMIT ?').all(limit) as HistoryRow[];
    return rows.map((row) => this.historyEntry(row));
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
