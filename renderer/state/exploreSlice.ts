// Explore slice (issue 4): canvas filters, the claim facts they need, the source reader and paths
// panel requests, the context menu, the current layout, path highlights and the exploration history
// (back/forward). Kept apart from the graph slice so the shell's own state stays small.
import type { StateCreator } from 'zustand';
import { NO_FILTERS, type ClaimFacts, type Filters } from '../explore/filterModel';
import type { Position } from './graphSlice';
import type { SkeinState } from './store';

/** Where the reader should open: a source, optionally scrolled to a range or to an item's first mention. */
export interface ReaderRequest {
  sourceId: number;
  start?: number;
  end?: number;
  /** scroll to the first span anchoring this item when no range is given */
  target?: { type: 'entity' | 'claim'; id: number };
  seq: number;
}

export interface ContextMenuState { kind: 'node' | 'edge'; id: string; x: number; y: number }

/** One step of the exploration history: what was on the canvas and where. */
export interface Snapshot { nodeIds: string[]; positions: Record<string, Position>; pinned: string[] }

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid' | 'saved';

export interface ExploreSlice {
  filters: Filters;
  claimFacts: Record<number, ClaimFacts>;
  reader: ReaderRequest | null;
  pathsOpen: boolean;
  pathEnds: { from: string | null; to: string | null };
  filtersOpen: boolean;
  contextMenu: ContextMenuState | null;
  layoutName: LayoutName;
  /** node and edge ids of the paths last found, highlighted on the canvas */
  highlighted: string[];
  history: Snapshot[];
  historyIndex: number;
  setFilters(filters: Filters): void;
  addClaimFacts(facts: Record<number, ClaimFacts>): void;
  openReader(request: Omit<ReaderRequest, 'seq'>): void;
  closeReader(): void;
  openPaths(ends?: { from?: string | null; to?: string | null }): void;
  closePaths(): void;
  setFiltersOpen(open: boolean): void;
  setContextMenu(menu: ContextMenuState | null): void;
  setLayoutName(name: LayoutName): void;
  setHighlighted(ids: string[]): void;
  /** records a step unless it equals the current one; drops the forward steps */
  recordStep(step: Snapshot): void;
  moveHistory(delta: number): Snapshot | null;
  /** closes the topmost explore panel; false when none was open */
  closeTopPanel(): boolean;
}

export const HISTORY_MAX = 100;

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export const createExploreSlice: StateCreator<SkeinState, [], [], ExploreSlice> = (set, get) => ({
  filters: NO_FILTERS,
  claimFacts: {},
  reader: null,
  pathsOpen: false,
  pathEnds: { from: null, to: null },
  filtersOpen: false,
  contextMenu: null,
  layoutName: 'fcose',
  highlighted: [],
  history: [],
  historyIndex: -1,
  setFilters: (filters) => set({ filters }),
  addClaimFacts: (facts) => set({ claimFacts: { ...get().claimFacts, ...facts } }),
  openReader: (request) => set({ reader: { ...request, seq: (get().reader?.seq ?? 0) + 1 }, contextMenu: null }),
  closeReader: () => set({ reader: null }),
  openPaths: (ends) => {
    const current = get().pathEnds;
    set({
      pathsOpen: true, contextMenu: null,
      pathEnds: { from: ends?.from !== undefined ? ends.from : current.from, to: ends?.to !== undefined ? ends.to : current.to },
    });
  },
  closePaths: () => set({ pathsOpen: false, highlighted: [] }),
  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
  setContextMenu: (contextMenu) => set({ contextMenu }),
  setLayoutName: (layoutName) => set({ layoutName }),
  setHighlighted: (highlighted) => set({ highlighted }),
  recordStep: (step) => {
    const { history, historyIndex } = get();
    const ids = [...step.nodeIds].sort();
    if (historyIndex >= 0 && sameIds([...history[historyIndex]!.nodeIds].sort(), ids)) return;
    const kept = history.slice(0, historyIndex + 1).concat({ ...step, nodeIds: ids }).slice(-HISTORY_MAX);
    set({ history: kept, historyIndex: kept.length - 1 });
  },
  moveHistory: (delta) => {
    const { history, historyIndex } = get();
    const next = historyIndex + delta;
    if (next < 0 || next >= history.length) return null;
    // the step being left keeps where its nodes ended up (layouts finish after it was recorded)
    const { positions, pinned } = get();
    const leaving = history[historyIndex]!;
    const kept = Object.fromEntries(leaving.nodeIds.filter((id) => positions[id]).map((id) => [id, positions[id]!]));
    const updated = history.map((step, i) => (i === historyIndex ? { ...step, positions: kept, pinned: Object.keys(pinned) } : step));
    set({ history: updated, historyIndex: next });
    return updated[next]!;
  },
  closeTopPanel: () => {
    const s = get();
    if (s.contextMenu) { set({ contextMenu: null }); return true; }
    if (s.reader) { set({ reader: null }); return true; }
    if (s.pathsOpen) { set({ pathsOpen: false, highlighted: [] }); return true; }
    if (s.filtersOpen) { set({ filtersOpen: false }); return true; }
    return false;
  },
});
