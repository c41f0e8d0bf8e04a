// Curation slice (issue 5): which curation panel is open, the merge dialog's candidates, whether the
// inspector is in edit mode, and the last refused edit's message. Kept apart from the shell's slices
// so the curation UI can grow without touching them.
import type { StateCreator } from 'zustand';
import type { SkeinState } from './store';

export type CurationPanel = 'duplicates' | 'history' | null;

export interface CurationSlice {
  curationPanel: CurationPanel;
  /** entity ids offered to the merge dialog; null when it is closed */
  mergeIds: number[] | null;
  /** the inspector item being edited, by node id ("e:3"); null when reading */
  editingId: string | null;
  /** a refused edit's message (stale, invalid), shown in the inspector until the next edit */
  curationError: string | null;
  /** the claim dialog: new claim (null id) with optional pre-filled roles, or closed */
  claimDialog: { subjectId?: number; claimantId?: number } | null;
  setCurationPanel(panel: CurationPanel): void;
  openMerge(ids: number[]): void;
  closeMerge(): void;
  setEditing(id: string | null): void;
  setCurationError(message: string | null): void;
  openClaimDialog(prefill: { subjectId?: number; claimantId?: number } | null): void;
}

export const createCurationSlice: StateCreator<SkeinState, [], [], CurationSlice> = (set, get) => ({
  curationPanel: null,
  mergeIds: null,
  editingId: null,
  curationError: null,
  claimDialog: null,
  // toggling the open panel closes it, so one toolbar button opens and closes
  setCurationPanel: (panel) => set({ curationPanel: get().curationPanel === panel ? null : panel }),
  openMerge: (ids) => set({ mergeIds: [...new Set(ids)] }),
  closeMerge: () => set({ mergeIds: null }),
  setEditing: (id) => set({ editingId: id, curationError: null }),
  setCurationError: (message) => set({ curationError: message }),
  openClaimDialog: (prefill) => set({ claimDialog: prefill }),
});
