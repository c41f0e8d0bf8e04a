// Cuts the source text into runs for the review pane: each run knows which entity mention (at most
// one), which claim quotes and which relation quotes cover it. Runs become React text nodes, so the
// text is never parsed as HTML; ignored entities simply contribute no mention boundaries.
import type { ImportProposal } from '../../shared/api/import';
import type { Review } from './review';

export interface Run {
  start: number;
  end: number;
  text: string;
  /** entity key and mention index ("p1", 0) when the run is inside a mention */
  entity: { key: string; kind: string; mention: number } | null;
  claims: string[];
  relations: string[];
}

interface Range { start: number; end: number }

/** Anchor ids shared by the text runs and the side lists (click an item → flash its runs). */
export const anchor = {
  mention: (key: string, index: number) => `m-${key}-${index}`,
  claim: (key: string) => `c-${key}`,
  relation: (key: string) => `r-${key}`,
};

function clamp(range: Range, length: number): Range | null {
  const start = Math.max(0, Math.min(range.start, length));
  const end = Math.max(0, Math.min(range.end, length));
  return end > start ? { start, end } : null;
}

export function buildRuns(proposal: ImportProposal, review: Review): Run[] {
  const { text } = proposal;
  const live = new Map(review.entities.filter((e) => e.action !== 'ignore').map((e) => [e.key, e]));
  const mentions: { range: Range; key: string; kind: string; mention: number }[] = [];
  for (const entity of proposal.entities) {
    const decided = live.get(entity.key);
    if (!decided) continue;
    entity.mentions.forEach((m, mention) => {
      const range = clamp(m, text.length);
      if (range) mentions.push({ range, key: entity.key, kind: decided.kind, mention });
    });
  }
  // mentions should not overlap; if the extractor ever produces nested ones the first (longest) wins
  mentions.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const claims = review.claims.flatMap((c) => { const r = clamp(c.span, text.length); return r ? [{ range: r, key: c.key }] : []; });
  const relations = review.relations.flatMap((c) => { const r = clamp(c.span, text.length); return r ? [{ range: r, key: c.key }] : []; });

  const cuts = new Set<number>([0, text.length]);
  for (const item of [...mentions, ...claims, ...relations]) { cuts.add(item.range.start); cuts.add(item.range.end); }
  const points = [...cuts].sort((a, b) => a - b);

  const runs: Run[] = [];
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (m < mentions.length && mentions[m]!.range.end <= start) m++;
    const hit = mentions[m] && mentions[m]!.range.start <= start && mentions[m]!.range.end >= end ? mentions[m]! : null;
    runs.push({
      start, end, text: text.slice(start, end),
      entity: hit ? { key: hit.key, kind: hit.kind, mention: hit.mention } : null,
      claims: claims.filter((c) => c.range.start <= start && c.range.end >= end).map((c) => c.key),
      relations: relations.filter((r) => r.range.start <= start && r.range.end >= end).map((r) => r.key),
    });
  }
  return runs;
}
