// Cuts a source text into segments at every span boundary, so each segment knows every span that
// covers it (spans may overlap: a claim quote containing entity mentions, two claims sharing a
// sentence). Segments become React text nodes in the reader; the text is never parsed as HTML.
// Also maps a DOM selection inside the reader back to text offsets.

export interface SpanLike { id?: number; start: number; end: number; target: 'entity' | 'claim' | 'relation'; targetId: number }

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** spans covering the whole segment, outermost (longest) first */
  marks: SpanLike[];
  /** inside the range the reader was opened at */
  focus: boolean;
}

/** Splits `text` at every span (and focus) boundary; spans outside the text are clamped or dropped. */
export function segmentText(text: string, spans: readonly SpanLike[], focus: { start: number; end: number } | null = null): Segment[] {
  const length = text.length;
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  const valid = spans
    .map((s) => ({ ...s, start: clamp(s.start), end: clamp(s.end) }))
    .filter((s) => s.end > s.start);
  const f = focus ? { start: clamp(focus.start), end: clamp(focus.end) } : null;
  const cuts = new Set<number>([0, length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  if (f && f.end > f.start) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].sort((a, b) => a - b);
  // sweep: spans sorted by start enter the active set, and leave it once the sweep passes their end
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  let next = 0;
  let active: SpanLike[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!);
    active = active.filter((s) => s.end > start);
    const marks = active.filter((s) => s.start <= start && s.end >= end).sort((a, b) => (b.end - b.start) - (a.end - a.start));
    segments.push({ start, end, text: text.slice(start, end), marks, focus: Boolean(f && f.start <= start && f.end >= end && f.end > f.start) });
  }
  return segments;
}

/** The innermost mark of a kind, which decides the segment's colour. */
export function innermost(marks: readonly SpanLike[], target: SpanLike['target']): SpanLike | undefined {
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i]!.target === target) return marks[i];
  return undefined;
}

/**
 * The text offset of a DOM position inside the reader. Each segment is an element carrying
 * `data-start` with exactly one text node, so a text position is the segment's start plus the offset.
 */
export function textOffset(root: Node, node: Node, offset: number, textLength: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === 3) {
    const el = node.parentElement;
    const start = el?.closest<HTMLElement>('[data-start]')?.dataset.start;
    return start === undefined ? null : Number(start) + offset;
  }
  const el = node as HTMLElement;
  if (el.dataset?.start !== undefined) return Number(el.dataset.start) + (offset > 0 ? (el.textContent ?? '').length : 0);
  // a position between segments: the start of the child it precedes, or the end of the text
  const child = el.childNodes[offset] as HTMLElement | undefined;
  if (child?.dataset?.start !== undefined) return Number(child.dataset.start);
  const inner = child?.querySelector?.<HTMLElement>('[data-start]');
  if (inner?.dataset.start !== undefined) return Number(inner.dataset.start);
  return textLength;
}

/** Narrows a range so it does not start or end on whitespace. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let a = Math.min(start, end);
  let b = Math.max(start, end);
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}

/** The sentence around an offset (for "new claim" from a few selected words). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return trimRange(text, a, b);
}
