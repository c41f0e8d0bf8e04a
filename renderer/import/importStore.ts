// Whether the import screen is open and with which dropped or menu-picked files. Its own tiny store
// (not the shell's dialog slice) so the import feature plugs into the shell with two hook lines.
import { create } from 'zustand';

interface ImportScreenState {
  open: boolean;
  /** files handed over by a window drop; the screen reads them once on open */
  files: File[];
  /** bumped on every open so a second drop while open re-reads the new files */
  seq: number;
}

export const useImportScreen = create<ImportScreenState>()(() => ({ open: false, files: [], seq: 0 }));

export function openImport(files: File[] = []): void {
  useImportScreen.setState((s) => ({ open: true, files, seq: s.seq + 1 }));
}

export function closeImport(): void {
  useImportScreen.setState({ open: false, files: [] });
}
