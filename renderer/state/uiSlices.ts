// The small slices: selection, search typeahead, and the shell (theme, open dialog, status line,
// counts, undo status). Each is its own concern so components can subscribe narrowly.
import type { StateCreator } from 'zustand';
import type { Counts, SearchHit } from '../../shared/api/contract';
import type { SkeinState } from './store';

export interface SelectionSlice {
  selectedId: string | null;
  select(id: string | null): void;
}

export const createSelectionSlice: StateCreator<SkeinState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  select: (id) => set({ selectedId: id }),
});

export interface SearchSlice {
  query: string;
  hits: SearchHit[];
  /** index of the highlighted hit; -1 when none */
  active: number;
  open: boolean;
  setQuery(query: string): void;
  setHits(query: string, hits: SearchHit[]): void;
  moveActive(delta: number): void;
  closeSearch(): void;
}

export const createSearchSlice: StateCreator<SkeinState, [], [], SearchSlice> = (set, get) => ({
  query: '', hits: [], active: -1, open: false,
  setQuery: (query) => set({ query, open: query.trim().length > 0, ...(query.trim() ? {} : { hits: [], active: -1 }) }),
  // results for an older query than the one typed are stale and ignored (responses may overtake)
  setHits: (query, hits) => {
    if (query !== get().query) return;
    set({ hits, active: hits.length > 0 ? 0 : -1, open: true });
  },
  moveActive: (delta) => {
    const { hits, active } = get();
    if (hits.length === 0) return;
    set({ active: (active + delta + hits.length) % hits.length, open: true });
  },
  closeSearch: () => set({ open: false }),
});

export type Theme = 'light' | 'dark';
export type DialogName = 'entity' | 'relation' | 'shortcuts' | null;
export interface Notice { kind: 'info' | 'error'; text: string; seq: number }

export interface ShellSlice {
  theme: Theme;
  dialog: DialogName;
  legendOpen: boolean;
  notice: Notice | null;
  counts: Counts | null;
  dbPath: string | null;
  /** what the last undo/redo did, for the status bar */
  undoStatus: string | null;
  /** bumped whenever the investigation changed, so open detail views re-read */
  dataVersion: number;
  /** bumped to ask the search box to take focus (menu command, shortcut) */
  searchFocusSeq: number;
  setTheme(theme: Theme): void;
  openDialog(dialog: DialogName): void;
  notify(kind: Notice['kind'], text: string): void;
  clearNotice(): void;
  setInfo(counts: Counts, dbPath: string): void;
  setUndoStatus(text: string | null): void;
  focusSearch(): void;
  dataChanged(): void;
}

export const createShellSlice: StateCreator<SkeinState, [], [], ShellSlice> = (set, get) => ({
  theme: 'light', dialog: null, legendOpen: true, notice: null, counts: null, dbPath: null, undoStatus: null, dataVersion: 0, searchFocusSeq: 0,
  setTheme: (theme) => set({ theme }),
  openDialog: (dialog) => set({ dialog }),
  notify: (kind, text) => set({ notice: { kind, text, seq: (get().notice?.seq ?? 0) + 1 } }),
  clearNotice: () => set({ notice: null }),
  setInfo: (counts, dbPath) => set({ counts, dbPath }),
  setUndoStatus: (undoStatus) => set({ undoStatus }),
  focusSearch: () => set({ searchFocusSeq: get().searchFocusSeq + 1 }),
  dataChanged: () => set({ dataVersion: get().dataVersion + 1 }),
});
