// Pure time arithmetic for the timeline strip: partial dates on a fractional-year axis, the axis
// extent for the claims shown, and a brush (two x positions) turned back into a date-range filter.
import { dateBounds } from './filterModel';

export interface Extent { from: number; to: number }

/** The middle of the period a partial date covers, as a fractional year ("1991" → 1991.5). */
export function dateToYear(date: string): number {
  const [a, b] = dateBounds(date);
  return (dayToYear(a) + dayToYear(b) + 1 / 372) / 2;
}

/** A yyyymmdd number as a fractional year (months as twelfths, days as 31sts of a month). */
export function dayToYear(n: number): number {
  return Math.floor(n / 10000) + ((Math.floor(n / 100) % 100) - 1) / 12 + ((n % 100) - 1) / 372;
}

/** The axis: every date shown, padded half a year each side, at least two years wide. */
export function timelineExtent(dates: readonly string[]): Extent | null {
  if (dates.length === 0) return null;
  const years = dates.map(dateToYear);
  let from = Math.floor(Math.min(...years) - 0.5);
  let to = Math.ceil(Math.max(...years) + 0.5);
  if (to - from < 2) { from -= 1; to += 1; }
  return { from, to };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A fractional year as the month it falls in ("1991-05"). */
export function yearToMonth(year: number): string {
  const y = Math.floor(year);
  const m = Math.min(12, Math.max(1, Math.floor((year - y) * 12) + 1));
  return `${y}-${pad(m)}`;
}

/** A brush from x0 to x1 (in any order, 0…width) as a month-granular date range. */
export function brushToRange(x0: number, x1: number, width: number, extent: Extent): { dateFrom: string; dateTo: string } {
  const toYear = (x: number) => extent.from + (Math.max(0, Math.min(width, x)) / width) * (extent.to - extent.from);
  const a = toYear(Math.min(x0, x1));
  const b = toYear(Math.max(x0, x1));
  return { dateFrom: yearToMonth(a), dateTo: yearToMonth(b) };
}

/** Where a date range sits on the axis (0…1), for drawing the brush back from the filters. */
export function rangeToFractions(from: string | null, to: string | null, extent: Extent): [number, number] {
  const span = extent.to - extent.from;
  const lo = from ? dayToYear(dateBounds(from)[0]) : extent.from;
  const hi = to ? dayToYear(dateBounds(to)[1]) + 1 / 372 : extent.to;
  return [Math.max(0, (lo - extent.from) / span), Math.min(1, (hi - extent.from) / span)];
}

/** Year ticks that fit: every year, or every 2/5/10/… when the axis is long. */
export function yearTicks(extent: Extent, maxTicks = 12): number[] {
  const span = extent.to - extent.from;
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => span / s <= maxTicks) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(extent.from / step) * step; y <= extent.to; y += step) ticks.push(y);
  return ticks;
}
