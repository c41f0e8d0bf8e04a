// The canvas stylesheet as data, one per theme. Rules key on the `data` fields set by elements.ts:
// shape and colour per kind, claim colour by status, stance on claimant edges with denials red, and
// the derived `alleged` edge always dashed, so an allegation never reads as an established fact.
import type { StylesheetJson } from 'cytoscape';
import type { ClaimStatus, Reliability } from '../../shared/domain/model';
import { CLAIM_STATUSES, RELIABILITY_GRADES } from '../../shared/domain/model';
import { KIND_SHAPE, PALETTES, type Theme, type VisualKind } from './palette';

// System fonts only: the app is offline and its CSP allows no remote fonts.
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Smallest on-screen font size, in px, at which a label is still drawn. */
export const MIN_SCREEN_FONT = 5;

/** How a node's label is set, read by the stylesheet and by the measuring that places new nodes (measure.ts). */
export const NODE_LABEL = { size: 12, maxWidth: 150, marginY: 5, backgroundPadding: 2 } as const;
export const CLAIM_LABEL = { size: 11, maxWidth: 180 } as const;

/** The CSS font and wrap width of a node's label, as the stylesheet below sets them. */
export function nodeLabelFont(visualKind: string, selected: boolean): { font: string; size: number; maxWidth: number } {
  const claim = visualKind === 'claim';
  const size = claim ? CLAIM_LABEL.size : NODE_LABEL.size;
  return { font: `${claim ? 'italic' : 'normal'} ${selected ? 'bold' : 'normal'} ${size}px ${FONT_FAMILY}`, size, maxWidth: claim ? CLAIM_LABEL.maxWidth : NODE_LABEL.maxWidth };
}

/** The alleged edge's dash pattern; tests assert on it. */
export const ALLEGED_DASH = [8, 5];

export function graphStyle(theme: Theme): StylesheetJson {
  const p = PALETTES[theme];
  const entityKinds: Exclude<VisualKind, 'claim'>[] = ['person', 'organization', 'place', 'event', 'source'];
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': NODE_LABEL.size,
        // a label smaller than this on screen is not drawn: unreadable anyway, and on a zoomed-out
        // canvas of a thousand nodes drawing them is most of each frame (exports draw at full size)
        'min-zoomed-font-size': MIN_SCREEN_FONT,
        color: p.text,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_LABEL.maxWidth}px`,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': NODE_LABEL.marginY,
        // a background behind each label keeps it legible where it crosses an edge
        'text-background-color': p.textBackground,
        'text-background-opacity': 0.88,
        'text-background-padding': `${NODE_LABEL.backgroundPadding}px`,
        'text-background-shape': 'roundrectangle',
        width: 38,
        height: 38,
        'border-width': 2,
        'border-color': p.background,
        'overlay-padding': 4,
      },
    },
    ...entityKinds.map((kind) => ({
      selector: `node[visualKind = "${kind}"]`,
      style: { shape: KIND_SHAPE[kind] as never, 'background-color': p.kind[kind] },
    })),
    { selector: 'node[visualKind = "organization"]', style: { width: 46, height: 34 } },
    { selector: 'node[visualKind = "source"]', style: { width: 40, height: 30, 'border-width': 4 } },
    ...(['ungraded', ...RELIABILITY_GRADES] as (Reliability | 'ungraded')[]).map((grade) => ({
      selector: `node[visualKind = "source"][reliability = "${grade}"]`,
      style: { 'border-color': p.reliability[grade] },
    })),
    {
      selector: 'node[visualKind = "claim"]',
      style: {
        shape: KIND_SHAPE.claim as never,
        width: 30, height: 30,
        'background-color': p.status.unverified,
        'font-size': CLAIM_LABEL.size,
        'text-max-width': `${CLAIM_LABEL.maxWidth}px`,
        'font-style': 'italic',
      },
    },
    ...(CLAIM_STATUSES as readonly ClaimStatus[]).map((status) => ({
      selector: `node[visualKind = "claim"][status = "${status}"]`,
      style: { 'background-color': p.status[status] },
    })),
    { selector: 'node[pinned = 1]', style: { 'border-width': 4, 'border-style': 'double', 'border-color': p.text } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-style': 'solid', 'border-color': p.selection, 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        // straight unless another edge joins the same two nodes: a bundled bezier looks the same
        // when alone, but cytoscape then compares every edge of both ends with every other (a
        // hub's thousand edges cost seconds per draw)
        'curve-style': 'straight',
        width: 1.6,
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': 10,
        'min-zoomed-font-size': MIN_SCREEN_FONT,
        color: p.muted,
        'text-rotation': 'autorotate',
        'text-background-color': p.background,
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    { selector: 'edge[bundled = 1]', style: { 'curve-style': 'bezier' } },
    { selector: 'edge[type = "relation"]', style: { width: 2.6, color: p.text } },
    { selector: 'edge[type = "claimant"]', style: { width: 2, 'line-style': 'solid' } },
    // subject/object and "reported in" links are many and self-explanatory (thin, dotted): their
    // words only appear on the selected edge, which keeps the canvas readable
    { selector: 'edge[type = "role"]', style: { width: 1.2, 'target-arrow-shape': 'none', opacity: 0.8, label: '' } },
    { selector: 'edge[type = "reported_in"]', style: { width: 1.2, 'line-style': 'dotted', 'target-arrow-shape': 'vee', label: '' } },
    { selector: 'edge[type = "role"]:selected, edge[type = "reported_in"]:selected', style: { label: 'data(label)' } },
    { selector: 'edge[type = "responds_to"]', style: { width: 2, 'target-arrow-shape': 'tee' } },
    {
      selector: 'edge[type = "alleged"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': ALLEGED_DASH,
        width: 2,
        'line-color': p.alleged,
        'target-arrow-color': p.alleged,
        'target-arrow-shape': 'triangle',
        color: p.alleged,
        'font-style': 'italic',
      },
    },
    {
      selector: 'edge[denies = 1]',
      style: { 'line-color': p.denies, 'target-arrow-color': p.denies, color: p.denies, width: 2.4, 'font-weight': 'bold' },
    },
    {
      selector: 'edge:selected',
      style: { width: 3.5, 'line-color': p.selection, 'target-arrow-color': p.selection },
    },
    // the alleged rule must win over :selected for the dash: selection recolours, never solidifies
    { selector: 'edge[type = "alleged"]:selected', style: { 'line-style': 'dashed' } },
    // explore (renderer/explore): filtered elements leave the drawing but stay on the canvas, so a
    // filter change is a class toggle, not a refetch; found paths stand out, the rest steps back
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.28 } },
    // a halo, not a recolour: a denial on a path must still read red, an allegation still dashed
    { selector: 'node.path', style: { 'underlay-color': p.selection, 'underlay-opacity': 0.3, 'underlay-padding': 8, 'underlay-shape': 'ellipse', opacity: 1 } as never },
    { selector: 'edge.path', style: { width: 4, 'underlay-color': p.selection, 'underlay-opacity': 0.3, 'underlay-padding': 4, opacity: 1, label: 'data(label)' } as never },
  ];
}
