// Claims from attribution. For every cue in a sentence (cues.ts) the claimant is found — a name
// before the cue, a pronoun or descriptor resolved to the person or body last in focus, a city
// read as its government ("Moscow said"), the name after "according to", or a descriptive label
// ("intelligence reports") — then stance, subjects, dates, evidence cues and what a denial answers.
import type { ExtractedClaim, ExtractedEntity, TextRange } from './types';
import type { Stance } from './types-local';
import { findCues, NEGATIVE_CONTENT, type Cue } from './cues';
import { datesIn } from './dates';
import { ORG_NOUNS, PERSON_NOUNS } from './lexicon';
import { predicateOf } from './predicates';

export interface PlacedMention { start: number; end: number; key: string; sentence: number }

export interface ClaimInput {
  text: string;
  sentences: readonly TextRange[];
  headings: ReadonlySet<number>;
  mentions: readonly PlacedMention[];
  entities: readonly ExtractedEntity[];
  published: string | null;
}

const GAP_WORDS = String.raw`(?:\s|,|has|have|had|also|later|then|previously|repeatedly|consistently|firmly|publicly|strongly|flatly|again|himself|herself|itself|now|once|on\s+\w+day|who|which|in\s+a\s+[\w\s-]{1,30}?|was|is)*`;
const PRONOUN_TAIL = new RegExp(String.raw`\b(he|she|it|they)${GAP_WORDS}$`, 'i');
const DESCRIPTOR_TAIL = new RegExp(String.raw`\b((?:the|a|an|two|three|several|one|his|her|its|their)\s+(?:[\p{L}'’-]+\s+){0,5}?([\p{L}-]+?)s?)${GAP_WORDS}$`, 'iu');
const DOCUMENT_WORDS = /\b(?:reports?|records?|documents?|notice|indictment|filings?|register|registry|files?|papers|emails?|data|leaks?|sources?|staff|people|person|officials|investigators|analysts|media|press|outlets?|newspapers?|statement|ruling|judgment|audit|study|review|complaint|lawsuit)\b/i;

export function extractClaims(input: ClaimInput): ExtractedClaim[] {
  const { text, sentences, mentions, entities, published } = input;
  const kindOf = new Map(entities.map((e) => [e.key, e.kind]));
  const claims: ExtractedClaim[] = [];
  let lastPerson: string | null = null;
  let lastOrg: string | null = null;
  let lastClaimantPerson: string | null = null;
  let quoteOwner: string | null = null;
  let n = 0;
  const bySentence = new Map<number, PlacedMention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }

  sentences.forEach((range, si) => {
    if (input.headings.has(si)) return;
    const s = text.slice(range.start, range.end);
    const inSentence = bySentence.get(si) ?? [];
    const cues = findCues(s);
    const made: ExtractedClaim[] = [];
    const opensInsideQuote = quoteOwner !== null;
    cues.forEach((cue, ci) => {
      const segStart = ci > 0 ? cues[ci - 1]!.end : 0;
      const { key, label } = claimantFor(cue, s, range.start, segStart, inSentence);
      if (cue.who === 'before' && !key && !label) return;
      let stance: Stance = cue.stance;
      if (cue.who === 'after') stance = key && !label ? 'asserts' : 'reports';
      if (stance === 'asserts' && key && kindOf.get(key) === 'organization' && /\breport(?:s|ed)\b/i.test(s.slice(cue.start, cue.end))) stance = 'reports';
      if (stance === 'asserts' && cue.who === 'before' && NEGATIVE_CONTENT.test(s)) stance = 'denies';
      if (made.some((c) => c.claimantKey === key && c.claimantLabel === label && c.stance === stance)) return;
      made.push(makeClaim(s, range, si, inSentence, key, label, stance));
    });
    // a quotation that runs on from an attributed sentence keeps its speaker
    if (made.length === 0 && opensInsideQuote && inSentence.length > 0) {
      const stance: Stance = NEGATIVE_CONTENT.test(s) ? 'denies' : 'asserts';
      made.push(makeClaim(s, range, si, inSentence, quoteOwner, null, stance));
    }
    // evidence cues apply to the claims of whoever they speak of
    const ev = /\b(?:no|not|without|any|lack of)\b[^.;]{0,40}?\b(?:concrete |hard |documentary |supporting |direct )?(?:evidence|proof|documents?|positive test(?: result)?s?)\b/i.exec(s);
    if (ev && /\b(?:no|not|without|lack)\b/i.test(ev[0])) {
      const who = mentionedPerson(s, range.start, inSentence) ?? lastClaimantPerson;
      let targets = claims.slice(-50).filter((c) => c.claimantKey === who && (c.stance === 'asserts' || c.stance === 'reports'));
      if (targets.length === 0 && claims.length > 0) targets = [claims[claims.length - 1]!];
      for (const c of [...targets, ...made.filter((c) => c.stance === 'asserts')]) {
        c.evidenceOffered = 'none';
        c.evidenceCue = ev[0];
      }
    }
    claims.push(...made);
    for (const c of made) if (c.claimantKey && kindOf.get(c.claimantKey) === 'person') lastClaimantPerson = c.claimantKey;
    // quote state for the next sentence
    const opens = (s.match(/“/g) ?? []).length + (s.match(/(?:^|\s)"/g) ?? []).length;
    const closes = (s.match(/”/g) ?? []).length + (s.match(/"(?:\s|$|[,.])/g) ?? []).length;
    if (opens > closes) quoteOwner = made[made.length - 1]?.claimantKey ?? quoteOwner ?? null;
    else if (closes > opens) quoteOwner = null;
    for (const m of inSentence) {
      if (kindOf.get(m.key) === 'person') lastPerson = m.key;
      if (kindOf.get(m.key) === 'organization') lastOrg = m.key;
    }
  });
  linkResponses(claims);
  return claims;

  function makeClaim(s: string, range: TextRange, si: number, inSentence: readonly PlacedMention[], key: string | null, label: string | null, stance: Stance): ExtractedClaim {
    const subjects: string[] = [];
    for (const m of inSentence) if (m.key !== key && !subjects.includes(m.key)) subjects.push(m.key);
    // pronouns in the claim point at the person in focus
    if (/\b(?:he|him|his|she|her)\b/i.test(s) && lastPerson && lastPerson !== key && !subjects.includes(lastPerson) && subjects.every((k) => kindOf.get(k) !== 'person')) subjects.push(lastPerson);
    if (key && (stance === 'denies' || subjects.length === 0 || /\b(?:I|my|me|we|our|he|she|his|her)\b/.test(s))) subjects.push(key);
    const dates = datesIn(s, published);
    const quote = s.replace(/^[“"‘']|[”"’']$/g, '');
    return {
      key: `c${++n}`, text: quote, claimantKey: key, claimantLabel: label, stance,
      subjectKeys: subjects.filter((k) => kindOf.get(k) !== 'place' || subjects.length < 4),
      objectKeys: [], predicate: predicateOf(s), madeOn: dates.madeOn, aboutTime: dates.aboutTime, dateText: dates.dateText,
      status: stance === 'denies' ? 'disputed' : 'unverified', evidenceOffered: null, evidenceCue: null, respondsToKey: null,
      span: { start: range.start, end: range.end },
    };
    void si;
  }

  function claimantFor(cue: Cue, s: string, base: number, segStart: number, inSentence: readonly PlacedMention[]): { key: string | null; label: string | null } {
    if (cue.who === 'none') return { key: null, label: null };
    if (cue.who === 'label') return { key: null, label: cue.label ?? null };
    if (cue.who === 'after') {
      const after = s.slice(cue.end);
      const m = inSentence.find((x) => x.start - base >= cue.end && x.start - base <= cue.end + 4);
      const np = /^((?:[\p{L}\d'’-]+\s+){0,6}?[\p{L}\d'’-]+)(?=,|\s+(?:the|a|an|he|she|it|they|this|there)\b|$)/iu.exec(after)?.[1] ?? after.split(/[,;]/)[0]!;
      if (m && !DOCUMENT_WORDS.test(np)) return { key: m.key, label: null };
      if (/^(?:him|her)\b/i.test(after)) return { key: lastPerson, label: null };
      return { key: m && DOCUMENT_WORDS.test(np) ? null : null, label: np.trim() || null };
    }
    const before = s.slice(segStart, cue.start);
    // 1. a name right before the cue ("Mussayev claims", "Moscow said")
    const tail = [...inSentence].reverse().find((x) => x.end - base <= cue.start && x.start - base >= segStart);
    if (tail && new RegExp(`^${GAP_WORDS}$`, 'iu').test(s.slice(tail.end - base, cue.start))) {
      if (kindOf.get(tail.key) === 'place') return { key: null, label: `government in ${text.slice(tail.start, tail.end)}` };
      return { key: tail.key, label: null };
    }
    // 2. a pronoun ("he said")
    const pro = PRONOUN_TAIL.exec(before);
    if (pro) {
      const p = pro[1]!.toLowerCase();
      return { key: p === 'he' || p === 'she' ? lastClaimantPerson ?? lastPerson : lastOrg, label: null };
    }
    // 3. the subject of the clause: its first person, else its first body not after a preposition
    const inSeg = inSentence.filter((x) => x.start - base >= segStart && x.end - base <= cue.start);
    const firstPerson = inSeg.find((x) => kindOf.get(x.key) === 'person');
    if (firstPerson) return { key: firstPerson.key, label: null };
    // 4. a descriptor ("the former officer", "the company", "two former staff")
    const d = DESCRIPTOR_TAIL.exec(before);
    if (d) {
      const head = d[2]!.toLowerCase();
      const definite = /^(?:the|his|her|its|their)\b/i.test(d[1]!);
      if (PERSON_NOUNS.has(head)) return definite ? { key: lastClaimantPerson ?? lastPerson, label: null } : { key: null, label: d[1]!.trim() };
      if (ORG_NOUNS.has(head)) {
        const named = definite ? byHead(head, base) : null;
        return definite && (named ?? lastOrg) ? { key: named ?? lastOrg, label: null } : { key: null, label: d[1]!.trim() };
      }
    }
    const firstOrg = inSeg.find((x) => kindOf.get(x.key) === 'organization' && !/\b(?:in|on|at|of|from|with|through|via|by|to|for|into)\s+(?:the\s+|a\s+|an\s+)?$/i.test(s.slice(Math.max(0, x.start - base - 12), x.start - base)));
    if (firstOrg) return { key: firstOrg.key, label: null };
    // 5. the speaker after a quotation: "…,” said Abenov / “…,” he said
    const after = s.slice(cue.end, cue.end + 40);
    const post = inSentence.find((x) => x.start - base >= cue.end && x.start - base <= cue.end + 3);
    if (post) return { key: post.key, label: null };
    if (/^\s+(?:he|she)\b/i.test(after)) return { key: lastClaimantPerson ?? lastPerson, label: null };
    return { key: null, label: null };
  }

  /** "the authority" → the latest body whose name has that word ("… Supervision Authority") */
  function byHead(head: string, before: number): string | null {
    const names = new Map(entities.map((e) => [e.key, e.name.toLowerCase()]));
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.start >= before || kindOf.get(m.key) !== 'organization') continue;
      if (new RegExp(`\\b${head}\\b`).test(names.get(m.key) ?? '')) return m.key;
    }
    return null;
  }

  function mentionedPerson(s: string, base: number, inSentence: readonly PlacedMention[]): string | null {
    const p = inSentence.find((x) => kindOf.get(x.key) === 'person');
    if (p) return p.key;
    if (/\b(?:he|she|the former|the ex-)\b/i.test(s)) return lastClaimantPerson;
    void base;
    return null;
  }
}

/** A denial answers the latest earlier claim about the denier, else the latest assertion. */
function linkResponses(claims: ExtractedClaim[]): void {
  claims.forEach((c, i) => {
    if (c.stance !== 'denies') return;
    const earlier = claims.slice(Math.max(0, i - 50), i).reverse().filter((x) => x.stance !== 'denies' && x.claimantKey !== c.claimantKey);
    const about = earlier.find((x) => c.claimantKey && x.subjectKeys.includes(c.claimantKey) && x.stance === 'asserts')
      ?? earlier.find((x) => c.claimantKey && x.subjectKeys.includes(c.claimantKey))
      ?? earlier.find((x) => x.stance === 'asserts');
    c.respondsToKey = about?.key ?? null;
  });
}
