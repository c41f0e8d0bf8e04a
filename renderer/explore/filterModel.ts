// Canvas filters as pure data and pure functions: which canvas elements a set of filters hides, the
// chips that name each active filter, and the path-finder filter the same settings translate to.
// Hiding is computed here and applied as a cytoscape class (canvasEffects.ts), so a filter change
// never refetches anything.
import type { PathFilterArgs } from '../../shared/api/explore';
import type { ClaimStatus, Reliability, Stance } from '../../shared/domain/model';
import { RELIABILITY_GRADES } from '../../shared/domain/model';
import type { GraphEdge, GraphNode } from '../../shared/graph/model';
import { visualKind, type VisualKind } from '../graph/palette';
import type { z } from 'zod';

export interface Filters {
  /** node kinds to hide */
  kinds: VisualKind[];
  /** claim statuses to hide */
  statuses: ClaimStatus[];
  /** claim stances to hide */
  stances: Stance[];
  /** hide sources graded worse than this ("hide sources below C"); ungraded sources stay */
  minReliability: Reliability | null;
  /** hide claims graded worse than this (1 best … 6); ungraded claims stay */
  maxCredibility: number | null;
  /** partial ISO dates; a dated claim outside [from, to] is hidden, undated claims stay */
  dateFrom: string | null;
  dateTo: string | null;
}

export const NO_FILTERS: Filters = {
  kinds: [], statuses: [], stances: [], minReliability: null, maxCredibility: null, dateFrom: null, dateTo: null,
};

/** What the filters need to know about a claim (from the node, or claim.get for dates and edge claims). */
export interface ClaimFacts {
  status: ClaimStatus;
  stance: Stance;
  credibility: number | null;
  madeOn: string | null;
  aboutTime: string | null;
}

/** A partial date ("1991", "1991-05", "1991-05-03") as the first and last day it covers, as yyyymmdd numbers. */
export function dateBounds(date: string): [number, number] {
  const [y = '0', m, d] = date.split('-');
  const year = Number(y);
  if (d) { const n = year * 10000 + Number(m) * 100 + Number(d); return [n, n]; }
  if (m) return [year * 10000 + Number(m) * 100 + 1, year * 10000 + Number(m) * 100 + 31];
  return [year * 10000 + 101, year * 10000 + 1231];
}

/** A claim passes the date range when one of its dates (made on, about) overlaps it; undated claims pass. */
export function inDateRange(facts: Pick<ClaimFacts, 'madeOn' | 'aboutTime'>, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  const dates = [facts.madeOn, facts.aboutTime].filter((d): d is string => Boolean(d));
  if (dates.length === 0) return true;
  const lo = from ? dateBounds(from)[0] : -Infinity;
  const hi = to ? dateBounds(to)[1] : Infinity;
  return dates.some((d) => { const [a, b] = dateBounds(d); return b >= lo && a <= hi; });
}

const worseGrade = (grade: Reliability, floor: Reliability) => RELIABILITY_GRADES.indexOf(grade) > RELIABILITY_GRADES.indexOf(floor);

export function claimPasses(facts: Partial<ClaimFacts>, f: Filters): boolean {
  if (facts.status && f.statuses.includes(facts.status)) return false;
  if (facts.stance && f.stances.includes(facts.stance)) return false;
  if (f.maxCredibility !== null && facts.credibility != null && facts.credibility > f.maxCredibility) return false;
  return inDateRange({ madeOn: facts.madeOn ?? null, aboutTime: facts.aboutTime ?? null }, f.dateFrom, f.dateTo);
}

export function nodePasses(node: GraphNode, f: Filters, facts?: ClaimFacts): boolean {
  if (f.kinds.includes(visualKind(node.type, node.kind))) return false;
  if (node.type === 'source') return !(f.minReliability && node.reliability && worseGrade(node.reliability, f.minReliability));
  if (node.type === 'claim') {
    // the node's own fields are current; the fetched facts add the dates
    return claimPasses({ ...facts, status: node.status ?? facts?.status, stance: node.stance ?? facts?.stance, credibility: node.credibility ?? facts?.credibility ?? null }, f);
  }
  return true;
}

/**
 * Ids of the canvas elements the filters hide. An edge hides with either end, and an edge drawn on
 * behalf of a claim (alleged, claimant, role) hides when that claim fails, even if the claim's own
 * node is not on the canvas: a hidden allegation must not survive as a dashed line.
 */
export function hiddenIds(
  nodes: Record<string, GraphNode>, edges: Record<string, GraphEdge>, f: Filters, facts: Record<number, ClaimFacts> = {},
): Set<string> {
  const hidden = new Set<string>();
  for (const node of Object.values(nodes)) {
    const claimFacts = node.type === 'claim' ? facts[Number(node.id.slice(2))] : undefined;
    if (!nodePasses(node, f, claimFacts)) hidden.add(node.id);
  }
  for (const edge of Object.values(edges)) {
    const claim = edge.claimId !== undefined ? facts[edge.claimId] : undefined;
    if (hidden.has(edge.source) || hidden.has(edge.target) || (claim && !claimPasses(claim, f))) hidden.add(edge.id);
  }
  return hidden;
}

export interface Chip { key: string; label: string; clear(f: Filters): Filters }

const without = <T,>(list: T[], item: T) => list.filter((x) => x !== item);

/** One chip per active filter, each able to remove itself. */
export function filterChips(f: Filters): Chip[] {
  const chips: Chip[] = [];
  for (const k of f.kinds) chips.push({ key: `kind:${k}`, label: `No ${k}s`, clear: (x) => ({ ...x, kinds: without(x.kinds, k) }) });
  for (const s of f.statuses) chips.push({ key: `status:${s}`, label: `Hide ${s}`, clear: (x) => ({ ...x, statuses: without(x.statuses, s) }) });
  for (const s of f.stances) chips.push({ key: `stance:${s}`, label: `Hide stance “${s}”`, clear: (x) => ({ ...x, stances: without(x.stances, s) }) });
  if (f.minReliability) chips.push({ key: 'reliability', label: `Sources ≥ ${f.minReliability}`, clear: (x) => ({ ...x, minReliability: null }) });
  if (f.maxCredibility !== null) chips.push({ key: 'credibility', label: `Claims ≥ ${f.maxCredibility}`, clear: (x) => ({ ...x, maxCredibility: null }) });
  if (f.dateFrom || f.dateTo) chips.push({ key: 'dates', label: `Dates ${f.dateFrom ?? '…'} – ${f.dateTo ?? '…'}`, clear: (x) => ({ ...x, dateFrom: null, dateTo: null }) });
  return chips;
}

/** The same thresholds for path.find, so "only through what I can see" means what it says. */
export function toPathFilter(f: Filters): z.input<typeof PathFilterArgs> {
  return {
    excludeStances: [...f.stances],
    excludeStatuses: [...f.statuses],
    maxCredibility: f.maxCredibility,
    minReliability: f.minReliability,
    requireGraded: false,
  };
}

/** Filters read back from a saved view; anything malformed falls back to "no filter". */
export function parseFilters(raw: Record<string, unknown> | undefined): Filters {
  if (!raw) return NO_FILTERS;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    kinds: list(raw.kinds) as VisualKind[],
    statuses: list(raw.statuses) as ClaimStatus[],
    stances: list(raw.stances) as Stance[],
    minReliability: (RELIABILITY_GRADES as readonly string[]).includes(String(raw.minReliability)) ? (raw.minReliability as Reliability) : null,
    maxCredibility: typeof raw.maxCredibility === 'number' ? raw.maxCredibility : null,
    dateFrom: str(raw.dateFrom),
    dateTo: str(raw.dateTo),
  };
}
