// PNG and SVG of the current view as drawn: the whole graph (`full`, labels included, since
// cytoscape's bounding box counts labels) plus a margin, so nothing is cut at the edge. The PNG is
// composited onto a padded canvas; the SVG gets a wider viewBox. Sizes are exact: `scale` pixels per
// model unit, never multiplied by the screen's pixel ratio.
import cytoscape, { type Core } from 'cytoscape';
import svgExtension from 'cytoscape-svg';

/** margin around the drawing, in model units (scaled with the picture) */
export const PICTURE_PADDING = 24;
/** Chromium refuses canvases much beyond this side; a bigger picture is scaled down to fit */
export const MAX_PICTURE_SIDE = 16_000;

let registered = false;
function registerSvg(): void {
  if (registered) return;
  cytoscape.use(svgExtension);
  registered = true;
}

export interface PictureSize {
  width: number;
  height: number;
  /** the scale actually used (smaller than asked when the picture would be too big) */
  scale: number;
}

/** The padded picture size for a scale, shrinking the scale when a side would pass MAX_PICTURE_SIDE. */
export function pictureSize(box: { w: number; h: number }, asked: number): PictureSize {
  const side = Math.max(Math.ceil(box.w), Math.ceil(box.h)) + 2 * PICTURE_PADDING;
  const scale = Math.min(asked, MAX_PICTURE_SIDE / side);
  return {
    width: Math.round((Math.ceil(box.w) + 2 * PICTURE_PADDING) * scale),
    height: Math.round((Math.ceil(box.h) + 2 * PICTURE_PADDING) * scale),
    scale,
  };
}

/**
 * The options for cytoscape's own export. cytoscape multiplies `scale` by devicePixelRatio unless a
 * maximum size is given, so a (never reached) maxWidth keeps 2× meaning 2× on every screen.
 */
export function drawOptions(scale: number): { full: true; scale: number; maxWidth: number } {
  return { full: true, scale, maxWidth: Number.MAX_SAFE_INTEGER };
}

/** The colour behind the canvas in the current theme, for pictures that are not transparent. */
export function canvasBackground(cy: Core): string {
  const container = cy.container();
  for (const el of [container, container?.parentElement ?? null, document.body]) {
    if (!el) continue;
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded'))), 'image/png'));
}

export async function makePng(cy: Core, options: { scale: number; transparent: boolean }): Promise<{ blob: Blob } & PictureSize> {
  if (cy.elements().empty()) throw new Error('The canvas is empty: put something on it first');
  const size = pictureSize(cy.elements().boundingBox({}), options.scale);
  const drawn = cy.png({ ...drawOptions(size.scale), output: 'blob' }) as unknown as Blob;
  const bitmap = await createImageBitmap(drawn);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw pictures');
  if (!options.transparent) {
    context.fillStyle = canvasBackground(cy);
    context.fillRect(0, 0, size.width, size.height);
  }
  const margin = Math.round(PICTURE_PADDING * size.scale);
  context.drawImage(bitmap, margin, margin);
  bitmap.close();
  return { blob: await toBlob(canvas), ...size };
}

export function makeSvg(cy: Core): { text: string } & PictureSize {
  if (cy.elements().empty()) throw new Error('The canvas is empty: put something on it first');
  registerSvg();
  const size = pictureSize(cy.elements().boundingBox({}), 1);
  const raw = (cy as Core & { svg(options: object): string }).svg(drawOptions(size.scale));
  const doc = new DOMParser().parseFromString(raw, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') throw new Error('The SVG picture could not be made');
  const inner = { w: Number.parseFloat(root.getAttribute('width') ?? '0'), h: Number.parseFloat(root.getAttribute('height') ?? '0') };
  const pad = (size.width - inner.w) / 2;
  root.setAttribute('viewBox', `${-pad} ${-pad} ${size.width} ${size.height}`);
  root.setAttribute('width', String(size.width));
  root.setAttribute('height', String(size.height));
  // a background rectangle under everything, so the picture reads the same in any viewer
  const background = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of [['x', -pad], ['y', -pad], ['width', size.width], ['height', size.height]] as const) background.setAttribute(name, String(value));
  background.setAttribute('fill', canvasBackground(cy));
  root.insertBefore(background, root.firstChild);
  return { text: new XMLSerializer().serializeToString(doc), ...size };
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}
