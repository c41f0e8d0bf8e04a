// Dates in a claim's sentence, with chrono-node: the time the claim is about ("in 1987",
// "March 2022", "the 1980s") and when it was made (the article date, moved by "on Sunday",
// "last week"). Partial ISO strings: only the parts the text states.
import * as chrono from 'chrono-node';

export interface ClaimDates {
  madeOn: string | null;
  aboutTime: string | null;
  dateText: string | null;
}

const RELATIVE_ABOUT = /^(?:(?:in|during|since)\s+)?(?:last\s+(?:year|month|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)|(?:january|february|march|april|june|july|august|september|october|november|december))$/i;
const pad = (n: number) => String(n).padStart(2, '0');

function refDate(published: string | null): Date | undefined {
  if (!published) return undefined;
  const [y, m, d] = published.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1, 12));
}

export function datesIn(sentence: string, published: string | null): ClaimDates {
  const ref = refDate(published);
  let madeOn: string | null = published;
  let aboutTime: string | null = null;
  let dateText: string | null = null;
  const decade = /\b(?:the\s+)?((?:1[89]|20)\d0)s\b/.exec(sentence);
  let results: chrono.ParsedResult[] = [];
  try {
    results = chrono.parse(sentence, ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  } catch {
    results = [];
  }
  let relativeText: string | null = null;
  for (const r of results) {
    const c = r.start;
    const relative = !c.isCertain('year');
    // "last March", "last year", "in November": the time a claim is about, written without a year
    if (relative && !relativeText && RELATIVE_ABOUT.test(r.text)) {
      const last = /\blast\s+$/i.test(sentence.slice(Math.max(0, r.index - 5), r.index)) ? sentence.slice(r.index - 5, r.index) : '';
      relativeText = `${last}${r.text}`.replace(/^(?:in|on|during|since)\s+/i, '');
    }
    if (relative) {
      // "on Sunday", "last week", "yesterday": when the statement was made
      if (ref && (c.isCertain('weekday') || c.isCertain('day') || /\b(?:yesterday|today|last|this)\b/i.test(r.text))) {
        madeOn = `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
        if (!c.isCertain('day') && !c.isCertain('weekday')) madeOn = madeOn.slice(0, 7);
      }
      continue;
    }
    if (aboutTime) continue;
    const y = c.get('year');
    if (!y || y < 1800 || y > 2100) continue;
    aboutTime = c.isCertain('day') ? `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}` : c.isCertain('month') ? `${y}-${pad(c.get('month')!)}` : String(y);
    dateText = r.text.replace(/^(?:in|on|during|since)\s+/i, '');
  }
  if (!aboutTime) {
    const year = /\b(?:in|during|since|from|by|around|until|between|of)\s+((?:1[89]|20)\d{2})\b(?!s)/.exec(sentence) ?? /(?<![\d-])((?:1[89]|20)\d{2})(?![\d-]|s)/.exec(sentence);
    if (year) {
      aboutTime = year[1]!;
      dateText = year[1]!;
    }
  }
  if (!aboutTime && decade) {
    // a decade has no partial ISO form; keep it as written for review
    dateText = `${decade[1]}s`;
  }
  if (!dateText && relativeText) dateText = relativeText;
  // the claim is not "about" the article's own date
  if (aboutTime && published && aboutTime === published) {
    aboutTime = null;
    dateText = null;
  }
  return { madeOn, aboutTime, dateText };
}
