// What the layouts without cytoscape (scaleLayout.ts) need to know of a node: its box with the label.
// Asking cytoscape for it (boundingBox) styles the node and lays its label out first, about 0.25 ms a
// node, and only once the node is on the canvas; a few hundred new nodes then cost a long frozen frame
// before they can even be placed (PERFORMANCE.md R2). NodeBoxes computes the same box from the node's
// data: the label wrapped and measured as cytoscape does it (text widths from a canvas, cached per
// label), around a body measured once per kind by cytoscape itself.
import cytoscape, { type Core, type EdgeCollection, type NodeSingular, type StylesheetJson } from 'cytoscape';
import type { LayoutEdge, LayoutNode, Rect } from './boxes';
import type { VisualKind } from './palette';
import { NODE_LABEL, nodeLabelFont } from './style';

/** A node's body (no label): its box around its position, and the height its label hangs from. */
export interface Body { box: Rect; height: number }

/** Where NodeBoxes gets what only a browser can say. */
export interface BoxSource {
  /** width in px of one line of `text` in the CSS `font` */
  textWidth(font: string, text: string): number;
  body(visualKind: string, pinned: boolean, selected: boolean): Body;
}

/** What of a node's data its box depends on. */
export interface NodeLook { label: string; visualKind: string; pinned: boolean; selected: boolean }

// cytoscape widens a label's box by its background padding and 2 px "for browser inaccuracies"
// (collection/dimensions/bounds.mjs); the render bench checks every box against cytoscape's (R2 row)
const LABEL_SLACK = NODE_LABEL.backgroundPadding + 2;

/**
 * cytoscape's 'wrap' for one line (extensions/renderer/base/coord-ele-math/labels.mjs getLabelText),
 * quirks included: a wrapped line keeps its trailing space, and it is measured with it.
 */
function wrapLine(line: string, maxWidth: number, width: (text: string) => number): string[] {
  if (Math.ceil(width(line)) <= maxWidth) return [line];
  const lines: string[] = [];
  let subline = '';
  let previous = 0;
  for (const match of line.matchAll(/[\s\u200b]+|$/g)) {
    const separator = match[0];
    const word = line.substring(previous, match.index);
    previous = match.index + separator.length;
    const test = subline.length === 0 ? word : subline + word + separator;
    if (Math.ceil(width(test)) <= maxWidth) subline += word + separator;
    else {
      if (subline) lines.push(subline);
      subline = word + separator;
    }
  }
  if (!/^[\s\u200b]+$/.test(subline)) lines.push(subline);
  return lines;
}

export class NodeBoxes {
  // label → [width, lines] per font: a canvas repeats the same labels ("+12 more", kinds of sources)
  private readonly labels = new Map<string, { width: number; lines: number }>();

  constructor(private readonly source: BoxSource) {}

  private labelSize(label: string, font: string, maxWidth: number): { width: number; lines: number } {
    const key = `${font}\u0000${label}`;
    const known = this.labels.get(key);
    if (known) return known;
    const width = (text: string) => this.source.textWidth(font, text);
    const lines = label.split('\n').flatMap((line) => wrapLine(line, maxWidth, width));
    const size = { width: Math.max(0, ...lines.map((line) => Math.ceil(width(line)))), lines: lines.length };
    this.labels.set(key, size);
    return size;
  }

  /** The box cytoscape's boundingBox({ includeLabels: true, includeOverlays: false }) gives the node. */
  box(id: string, look: NodeLook): LayoutNode {
    const body = this.source.body(look.visualKind, look.pinned, look.selected);
    let { x1, y1, x2, y2 } = body.box;
    if (look.label) {
      const { font, size, maxWidth } = nodeLabelFont(look.visualKind, look.selected);
      const label = this.labelSize(look.label, font, maxWidth);
      const top = body.height / 2 + NODE_LABEL.marginY;
      x1 = Math.min(x1, -label.width / 2 - LABEL_SLACK);
      x2 = Math.max(x2, label.width / 2 + LABEL_SLACK);
      y1 = Math.min(y1, top - LABEL_SLACK);
      y2 = Math.max(y2, top + label.lines * size + LABEL_SLACK);
    }
    return { id, w: Math.max(10, x2 - x1), h: Math.max(10, y2 - y1), oy: (y1 + y2) / 2 };
  }
}

/** How a node on the canvas looks, for NodeBoxes. */
export function lookOf(data: Record<string, unknown>, selected = false): NodeLook {
  return { label: String(data.label ?? ''), visualKind: String(data.visualKind), pinned: Number(data.pinned) === 1, selected };
}

const KINDS: VisualKind[] = ['person', 'organization', 'place', 'event', 'claim', 'source'];

/**
 * Text widths from a canvas like the one cytoscape measures with, and every kind's body measured by
 * cytoscape once, on a throwaway instance (body boxes depend on shape and border only); null without
 * a DOM (tests in Node: they pass their own source).
 */
export function canvasBoxSource(style: StylesheetJson): BoxSource | null {
  if (typeof document === 'undefined') return null;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  let font = '';
  let bodies: Map<string, Body> | null = null;
  const key = (kind: string, pinned: boolean, selected: boolean) => `${kind}:${pinned ? 1 : 0}:${selected ? 1 : 0}`;
  const measureBodies = (): Map<string, Body> => {
    const probe: Core = cytoscape({ container: document.createElement('div'), style, headless: false, layout: { name: 'null' } });
    const found = new Map<string, Body>();
    for (const kind of KINDS) {
      for (const pinned of [false, true]) {
        for (const selected of [false, true]) {
          const node = probe.add({ group: 'nodes', data: { id: key(kind, pinned, selected), visualKind: kind, pinned: pinned ? 1 : 0, label: '' }, position: { x: 0, y: 0 } });
          if (selected) node.select();
          const bb = node.boundingBox({ includeLabels: false, includeOverlays: false });
          found.set(node.id(), { box: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 }, height: node.height() });
        }
      }
    }
    probe.destroy();
    return found;
  };
  return {
    textWidth(wanted, text) {
      if (wanted !== font) { context.font = wanted; font = wanted; }
      return context.measureText(text).width;
    },
    body(kind, pinned, selected) {
      bodies ??= measureBodies();
      return bodies.get(key(kind, pinned, selected)) ?? bodies.get(key('person', pinned, selected))!;
    },
  };
}

/**
 * The node's box as cytoscape measures it, kept on the node while its label, kind, pinning and
 * selection stay the same (a placement next to hundreds of placed nodes would otherwise ask cytoscape
 * for every one of their boxes again).
 */
export function layoutNode(node: NodeSingular): LayoutNode {
  const key = `${String(node.data('label'))}\u0000${String(node.data('visualKind'))}\u0000${String(node.data('pinned'))}\u0000${node.selected() ? 1 : 0}`;
  const kept = node.scratch('_skeinBox') as { key: string; box: LayoutNode } | undefined;
  if (kept?.key === key) return kept.box;
  const at = node.position();
  const bb = node.boundingBox({ includeLabels: true, includeOverlays: false });
  const box = { id: node.id(), w: Math.max(10, bb.w), h: Math.max(10, bb.h), oy: (bb.y1 + bb.y2) / 2 - at.y };
  node.scratch('_skeinBox', { key, box });
  return box;
}

/** The node's box from `boxes` when there are (no styling, no label layout), else from cytoscape. */
export function nodeBox(node: NodeSingular, boxes: NodeBoxes | null | undefined): LayoutNode {
  return boxes ? boxes.box(node.id(), lookOf(node.data() as Record<string, unknown>, node.selected())) : layoutNode(node);
}

export function layoutEdges(edges: EdgeCollection): LayoutEdge[] {
  return edges.map((e) => ({ source: e.source().id(), target: e.target().id() }));
}
