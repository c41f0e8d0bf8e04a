// Adapters from an Extraction to the corpus scorers' formats (../shared/corpus/README.md): the
// score-claims prediction object and eval-ner's typed mentions. Also exported under the names the
// scorers' `--extractor` option looks for, so `npm run eval` can load this module directly.
import type { Stance } from './types-local';
import type { Extraction } from './types';
import { extractArticle } from './index';
import { notNerName } from './ner-filters';

const STANCE_NAMES: Record<Stance, 'asserted' | 'denied' | 'reported' | 'questioned'> = {
  asserts: 'asserted', denies: 'denied', reports: 'reported', questions: 'questioned',
};

export interface EvalPrediction {
  people: { name: string; aliases: string[] }[];
  organizations: { name: string; aliases: string[] }[];
  places: { name: string; aliases: string[] }[];
  other: { name: string; aliases: string[] }[];
  claims: { claimant: string | null; subjects: string[]; predicate: string | null; stance: string; date: string | null; evidence_cue: string | null }[];
}

export function toEvalPrediction(x: Extraction): EvalPrediction {
  const out: EvalPrediction = { people: [], organizations: [], places: [], other: [], claims: [] };
  const names = new Map(x.entities.map((e) => [e.key, e.name]));
  for (const e of x.entities) {
    const item = { name: e.name, aliases: [...new Set(e.aliases.map((a) => a.name))] };
    if (e.kind === 'person') out.people.push(item);
    else if (e.kind === 'organization') out.organizations.push(item);
    else if (e.kind === 'place') out.places.push(item);
    else out.other.push(item);
  }
  for (const c of x.claims) {
    out.claims.push({
      claimant: c.claimantKey ? names.get(c.claimantKey) ?? null : c.claimantLabel,
      subjects: [...c.subjectKeys, ...c.objectKeys].map((k) => names.get(k)).filter((n): n is string => !!n),
      predicate: c.predicate ?? c.text.slice(0, 160),
      stance: STANCE_NAMES[c.stance],
      date: c.dateText,
      evidence_cue: c.evidenceCue,
    });
  }
  return out;
}

export interface NerMention { type: 'PER' | 'ORG' | 'LOC'; start: number; end: number; text: string }

const NER_TYPES = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

/** Typed mentions, offsets into `x.text`; entities whose kind is only the fallback guess are left out. */
export function toNerMentions(x: Extraction): NerMention[] {
  const out: NerMention[] = [];
  for (const e of x.entities) {
    // a kind no cue spoke for is a guess: typed NER output leaves it out
    if (e.kind === 'event' || e.guessed) continue;
    for (const m of e.mentions) if (!notNerName(x.text, m.start, m.end)) out.push({ type: NER_TYPES[e.kind], start: m.start, end: m.end, text: m.text });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** score-claims `--extractor` entry. */
export function extractGraph(text: string): EvalPrediction {
  return toEvalPrediction(extractArticle(text));
}

/** eval-ner `--extractor` entry: offsets into the given text (the extractor trims and cuts metadata). */
export function extract(text: string): NerMention[] {
  const x = extractArticle(text);
  const shift = x.text === text ? 0 : text.indexOf(x.text);
  return toNerMentions(x).map((m) => (shift >= 0 ? { ...m, start: m.start + shift, end: m.end + shift } : { ...m, start: -1, end: -1 }))
    .map((m) => (m.start < 0 ? ({ type: m.type, text: m.text } as unknown as NerMention) : m));
}
