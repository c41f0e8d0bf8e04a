// What pressing Export does, kept out of the dialog so it is tested without a browser: builds the
// export.prepare arguments (the view = the canvas's node ids and positions), makes the pictures
// here from the canvas, hands the file to the Backend's saveFile and words the result line.
import type { Core } from 'cytoscape';
import type { Args } from '../../shared/api/contract';
import { NODE_ID_PATTERN } from '../../shared/graph/ids';
import type { Backend } from '../backend/types';
import { blobToDataUrl, makePng, makeSvg } from './pictures';

export const SERVER_FORMATS = ['snapshot', 'graphml', 'gexf', 'cyjs', 'csv', 'ftm', 'annotations', 'report'] as const;
export type ExportChoiceFormat = (typeof SERVER_FORMATS)[number] | 'png' | 'svg';

export interface ExportChoice {
  format: ExportChoiceFormat;
  scope: 'investigation' | 'view';
  /** PNG pixels per canvas unit */
  scale: 1 | 2 | 4;
  transparent: boolean;
  gexfVersion: '1.3' | '1.2draft';
  includeHistory: boolean;
}

export interface CanvasState {
  cy: Core | null;
  /** ids of the nodes on the canvas (the store's, which is what the analyst opened) */
  nodeIds: string[];
  /** the investigation's file name, for the picture's file name */
  investigation: string;
}

export const isPicture = (format: ExportChoiceFormat): format is 'png' | 'svg' => format === 'png' || format === 'svg';

/** The view scope: graph nodes only (never the "show more" placeholders) with their drawn positions. */
export function viewScope(canvas: CanvasState): Extract<Args<'export.prepare'>['scope'], { kind: 'view' }> {
  const nodeIds = canvas.nodeIds.filter((id) => NODE_ID_PATTERN.test(id));
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of nodeIds) {
    const node = canvas.cy?.getElementById(id);
    if (node && node.nonempty()) {
      const { x, y } = node.position();
      if (Number.isFinite(x) && Number.isFinite(y)) positions[id] = { x, y };
    }
  }
  return { kind: 'view', nodeIds, positions };
}

export function prepareArgs(choice: ExportChoice, canvas: CanvasState, picture: string | null): Args<'export.prepare'> {
  if (isPicture(choice.format)) throw new Error('Pictures are made in the window, not by export.prepare');
  return {
    format: choice.format,
    scope: choice.scope === 'view' ? viewScope(canvas) : { kind: 'investigation' },
    includeHistory: choice.format === 'snapshot' && choice.includeHistory,
    picture,
    gexfVersion: choice.gexfVersion,
  };
}

export function pictureName(investigation: string, ext: 'png' | 'svg', now = new Date()): string {
  const base = investigation.replace(/\.skein$/i, '').replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 80) || 'investigation';
  return `${base}-view-${now.toISOString().slice(0, 10)}.${ext}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function countsText(counts: Record<string, number>): string {
  return Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n.toLocaleString('en')} ${what}`).join(', ');
}

/** Runs one export; returns the result line. Throws with a readable message on failure. */
export async function runExport(backend: Backend, choice: ExportChoice, canvas: CanvasState): Promise<string> {
  const where = (result: { saved: boolean; where?: string }, what: string) =>
    result.saved ? `Saved ${what}${result.where ? ` to ${result.where}` : ''}` : 'Not saved: the save dialog was cancelled';

  if (choice.format === 'png' || choice.format === 'svg') {
    if (!canvas.cy) throw new Error('The canvas is not ready');
    const picture = choice.format === 'png' ? await makePng(canvas.cy, choice) : makeSvg(canvas.cy);
    const name = pictureName(canvas.investigation, choice.format);
    const bytes = 'blob' in picture ? picture.blob : new Blob([picture.text], { type: 'image/svg+xml' });
    const shrunk = picture.scale < (choice.format === 'png' ? choice.scale : 1) ? ', scaled down to fit' : '';
    const result = await backend.saveFile({ name, bytes });
    return where(result, `${name} (${picture.width} × ${picture.height} px${shrunk}, ${formatBytes(bytes.size)})`);
  }

  // the report's picture is the current view as drawn, at 2× so it stays sharp when printed
  const picture = choice.format === 'report' && canvas.cy && canvas.cy.elements().nonempty()
    ? await blobToDataUrl((await makePng(canvas.cy, { scale: 2, transparent: false })).blob)
    : null;
  const prepared = await backend.invoke('export.prepare', prepareArgs(choice, canvas, picture));
  const result = await backend.saveFile({ downloadId: prepared.downloadId, name: prepared.name });
  const counts = countsText(prepared.counts);
  return where(result, `${prepared.name} (${formatBytes(prepared.bytes)}${counts ? `: ${counts}` : ''})`);
}
