// The import screen's hook for graphs made elsewhere: a picked or dropped Skein snapshot, GraphML or
// GEXF file is sent as bytes to graph.importUpload (the main process detects the format by content
// and merges it in one transaction) instead of going through the article import.
import type { Result } from '../../shared/api/contract';
import type { Backend } from '../backend/types';
import { errorMessage, toBase64 } from '../backend/types';
import { readBytes } from '../import/files';

export const GRAPH_FILE = /\.(skein\.json|graphml|gexf)$/i;
const MAX_BYTES = 64 * 1024 * 1024;

type Notify = (kind: 'info' | 'error', text: string) => void;

export function describeGraphImport(name: string, r: Result<'graph.importUpload'>): string {
  if (r.kind === 'snapshot') {
    const added = Object.entries(r.added).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ');
    const conflicts = r.conflictCount;
    return `Imported snapshot ${name}: ${added || 'nothing new'}${conflicts > 0 ? `; ${conflicts} conflict${conflicts === 1 ? '' : 's'} kept the existing values` : ''}`;
  }
  return `Imported ${r.kind === 'gexf' ? 'GEXF' : 'GraphML'} ${name}: ${r.nodes} nodes → ${r.entities} entities, ${r.edges} edges → ${r.relations} relations`;
}

/** Starts the upload of the graph files among `files` and returns the others for the article import. */
export function takeGraphFiles(backend: Backend, files: File[], notify: Notify, done: () => void): File[] {
  const graphs = files.filter((f) => GRAPH_FILE.test(f.name));
  if (graphs.length === 0) return files;
  void (async () => {
    for (const file of graphs) {
      try {
        if (file.size > MAX_BYTES) throw new Error('the file is larger than the 64 MB limit');
        const base64 = await toBase64(new Uint8Array(await readBytes(file)));
        const result = await backend.invoke('graph.importUpload', { name: file.name, base64 });
        notify('info', describeGraphImport(file.name, result));
      } catch (error) {
        notify('error', `${file.name} was not imported: ${errorMessage(error)}`);
      }
    }
    done();
  })();
  return files.filter((f) => !GRAPH_FILE.test(f.name));
}
