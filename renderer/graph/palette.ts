// Colours and shapes per kind, per theme: one table shared by the canvas stylesheet, the legend and
// the search results, so a person is the same blue everywhere. Colours are chosen to keep white or
// near-black label text readable on both themes and to stay distinct for common colour-blindness
// (kind is also carried by shape, status also by the legend's words).
import type { ClaimStatus, Reliability } from '../../shared/domain/model';

export type Theme = 'light' | 'dark';
export type VisualKind = 'person' | 'organization' | 'place' | 'event' | 'claim' | 'source';

export const KIND_SHAPE: Record<VisualKind, string> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  place: 'round-triangle',
  event: 'round-hexagon',
  claim: 'round-diamond',
  source: 'round-tag',
};

export const KIND_LABEL: Record<VisualKind, string> = {
  person: 'Person', organization: 'Organization', place: 'Place', event: 'Event', claim: 'Claim', source: 'Source',
};

export interface Palette {
  background: string;
  text: string;
  textBackground: string;
  muted: string;
  edge: string;
  selection: string;
  kind: Record<Exclude<VisualKind, 'claim'>, string>;
  status: Record<ClaimStatus, string>;
  denies: string;
  alleged: string;
  reliability: Record<Reliability | 'ungraded', string>;
}

const shared = {
  status: { unverified: '#d99a0b', disputed: '#e0662a', corroborated: '#2e9d5b', refuted: '#8f96a3' },
  reliability: { A: '#2e9d5b', B: '#5aa845', C: '#c9a227', D: '#e0862a', E: '#d4553a', F: '#b3303a', ungraded: '#8f96a3' },
} as const;

export const PALETTES: Record<Theme, Palette> = {
  light: {
    background: '#f7f8fa', text: '#1d2330', textBackground: '#ffffff', muted: '#6b7385', edge: '#8a93a6',
    selection: '#0b6bcb',
    kind: { person: '#3b7dd8', organization: '#7c5cd6', place: '#1a9c8c', event: '#cf4f93', source: '#5f6b7d' },
    denies: '#d12c2c', alleged: '#b7791f', ...shared,
  },
  dark: {
    background: '#161a22', text: '#e6e9ef', textBackground: '#202633', muted: '#9aa3b5', edge: '#6d778b',
    selection: '#5cb2ff',
    kind: { person: '#5b9bf0', organization: '#9b80ef', place: '#2bb8a6', event: '#e36aa9', source: '#8793a6' },
    denies: '#ff5c5c', alleged: '#e0a43a', ...shared,
  },
};

export function kindColor(palette: Palette, kind: string): string {
  if (kind in palette.kind) return palette.kind[kind as keyof Palette['kind']];
  if (kind === 'claim') return palette.status.unverified;
  return palette.kind.source; // article, document, note
}

/** Source kinds (article, document, note) draw as one "source" kind. */
export function visualKind(type: string, kind: string): VisualKind {
  if (type === 'claim') return 'claim';
  if (type === 'source') return 'source';
  return (['person', 'organization', 'place', 'event'] as const).find((k) => k === kind) ?? 'person';
}
