// Graph view slice: what is on the canvas (nodes, edges), where (positions), what the analyst pinned,
// and what each expanded node still holds back ("show N more"). Never the whole investigation.
import type { StateCreator } from 'zustand';
import type { GraphPayload } from '../../shared/graph/model';
import { mergeGraph, removeNodes, replaceGraph, type CanvasGraph } from './merge';
import type { SkeinState } from './store';

export interface Position { x: number; y: number }

export interface MoreInfo {
  /** neighbours held back by the caps */
  count: number;
  nextOffset: number;
}

export interface GraphSlice extends CanvasGraph {
  positions: Record<string, Position>;
  pinned: Record<string, true>;
  more: Record<string, MoreInfo>;
  /** the node the canvas should centre on next, with a counter so the same id can be focused twice */
  focus: { id: string; seq: number } | null;
  fitSeq: number;
  addGraph(payload: GraphPayload): string[];
  /** a fresh reading of the `requested` ids replaces them (see merge.ts) */
  replaceGraph(payload: GraphPayload, requested: readonly string[]): void;
  hideNodes(ids: readonly string[]): void;
  clearCanvas(): void;
  setMore(id: string, more: MoreInfo | null): void;
  setPositions(positions: Record<string, Position>): void;
  togglePin(id: string): void;
  focusNode(id: string): void;
  requestFit(): void;
}

export const graphInitial = {
  nodes: {}, edges: {}, positions: {}, pinned: {}, more: {}, focus: null, fitSeq: 0,
} satisfies Partial<GraphSlice>;

export const createGraphSlice: StateCreator<SkeinState, [], [], GraphSlice> = (set, get) => ({
  ...graphInitial,
  addGraph(payload) {
    const merged = mergeGraph(get(), payload);
    set({ nodes: merged.nodes, edges: merged.edges });
    return merged.added;
  },
  replaceGraph(payload, requested) {
    const next = replaceGraph(get(), payload, requested);
    const { selectedId } = get();
    set({ ...next, ...(selectedId && !next.nodes[selectedId] ? { selectedId: null } : {}) });
  },
  hideNodes(ids) {
    const next = removeNodes(get(), ids);
    const { selectedId, positions, pinned, more } = get();
    const drop = <T,>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).filter(([id]) => !ids.includes(id)));
    set({
      ...next, positions: drop(positions), pinned: drop(pinned), more: drop(more),
      ...(selectedId && ids.includes(selectedId) ? { selectedId: null } : {}),
    });
  },
  clearCanvas() {
    set({ ...graphInitial, selectedId: null });
  },
  setMore(id, info) {
    const more = { ...get().more };
    if (info) more[id] = info;
    else delete more[id];
    set({ more });
  },
  setPositions(positions) {
    set({ positions: { ...get().positions, ...positions } });
  },
  togglePin(id) {
    const pinned = { ...get().pinned };
    if (pinned[id]) delete pinned[id];
    else pinned[id] = true;
    set({ pinned });
  },
  focusNode(id) {
    set({ focus: { id, seq: (get().focus?.seq ?? 0) + 1 }, selectedId: id });
  },
  requestFit() {
    set({ fitSeq: get().fitSeq + 1 });
  },
});
