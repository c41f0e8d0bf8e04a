// Whether the export dialog is open. Its own tiny store (like the import screen's), so the export
// feature plugs into the shell with a button, a command and one component.
import { create } from 'zustand';

export const useExportDialog = create<{ open: boolean }>()(() => ({ open: false }));

export function openExport(): void {
  useExportDialog.setState({ open: true });
}

export function closeExport(): void {
  useExportDialog.setState({ open: false });
}
