// The import feature's one mount point in the shell: shows the import screen when it is open (or the
// "Import all" batch's indicator when the screen was hidden while it runs), and turns files dropped
// anywhere on the window into an opened import screen with those files.
import { useEffect } from 'react';
import type { Actions } from '../app/actions';
import { BatchIndicator } from './BatchStage';
import { cancelImportBatch, closeImport, openImport, useImportScreen } from './importStore';
import { ImportScreen } from './ImportScreen';

function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

export function ImportRoot({ actions }: { actions: Actions }) {
  const open = useImportScreen((s) => s.open);
  const batch = useImportScreen((s) => s.batch);

  useEffect(() => {
    // without preventDefault on dragover the browser would navigate to the dropped file
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) openImport(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => { window.removeEventListener('dragover', onDragOver); window.removeEventListener('drop', onDrop); };
  }, []);

  if (open) return <ImportScreen actions={actions} onClose={closeImport} />;
  return batch ? <BatchIndicator batch={batch} onShow={() => openImport()} onCancel={cancelImportBatch} /> : null;
}
