// The renderer's one zustand store, assembled from slices (zustand's slices pattern). Components
// select the smallest piece they need; tests call resetStore() between cases.
import { create } from 'zustand';
import { createExploreSlice, type ExploreSlice } from './exploreSlice';
import { createCurationSlice, type CurationSlice } from './curationSlice';
import { createGraphSlice, type GraphSlice } from './graphSlice';
import {
  createSearchSlice, createSelectionSlice, createShellSlice, type SearchSlice, type SelectionSlice, type ShellSlice,
} from './uiSlices';

export type SkeinState = GraphSlice & SelectionSlice & SearchSlice & ShellSlice & ExploreSlice & CurationSlice;

export const useSkein = create<SkeinState>()((...a) => ({
  ...createGraphSlice(...a),
  ...createSelectionSlice(...a),
  ...createSearchSlice(...a),
  ...createShellSlice(...a),
  ...createExploreSlice(...a),
  ...createCurationSlice(...a),
}));

/** Back to the state of a freshly opened window (tests; another investigation opened). */
export function resetStore(): void {
  useSkein.setState(useSkein.getInitialState(), true);
}
