// Claims from attribution. For every cue in a sentence (cues.ts) the claimant is found — a name
// before the cue, a pronoun or descriptor resolved to the person or body last in focus, a city
// read as its government ("Moscow said"), the name after "according to", or a descriptive label
// ("intelligence reports") — then stance, subjects, dates, evidence cues and what a denial answers.
import type { ExtractedClaim, ExtractedEntity, TextRange } from './types';
import type { Stance } from './types-local';
import { deniesIn, findCues, type Cue } from './cues';
import { datesIn } from './dates';
import { ORG_NOUNS, PERSON_NOUNS } from './lexicon';
import { predicateOf } from './predicates';
import { defendsAccused } from './stance';
import { fillTopicSubjects } from './topics';

export interface PlacedMention { start: number; end: number; key: string; sentence: number }

export interface ClaimInput {
  text: string;
  sentences: readonly TextRange[];
  headings: ReadonlySet<number>;
  mentions: readonly PlacedMention[];
  entities: readonly ExtractedEntity[];
  published: string | null;
  /** keys of media bodies (descriptors.ts): what they say reaches the text as reporting */
  media?: ReadonlySet<string>;
}

const GAP_WORDS = String.raw`(?:\s|,|has|have|had|also|later|then|previously|repeatedly|consistently|firmly|publicly|strongly|flatly|again|himself|herself|itself|now|once|on\s+\w+day|who|which|in\s+a\s+[\w\s-]{1,30}?|was|is)*`;
const PRONOUN_TAIL = new RegExp(String.raw`\b(he|she|it|they)${GAP_WORDS}$`, 'i');
const DESCRIPTOR_TAIL = new RegExp(String.raw`\b((?:the|a|an|two|three|several|one|his|her|its|their)\s+(?:[\p{L}'’-]+\s+){0,5}?([\p{L}-]+?)s?)${GAP_WORDS}$`, 'iu');
// "Moldovan prosecutors said", "Several residents told …": a group named by its plural noun
const PLURAL_TAIL = /(?:^|[,;:—–]\s*|\b(?:and|but|while)\s+)\s*((?:(?:several|some|many|two|three|four|five|local|federal|state|senior|other|the|\p{Lu}[\p{L}-]*)\s+){0,3}([\p{Ll}-]+s))\s+(?:have\s+|had\s+|also\s+|later\s+|previously\s+)*$/u;
const COMPLEMENT_PRONOUN = /^(?:\s*(?:that\s+)?|.*\bthat\s+)(?:he|she|it|they|we|I)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|would\s+|had\s+been\s+|also\s+|never\s+|not\s+)*$/i;
const GROUP_NOUNS = new Set(['prosecutors', 'investigators', 'officials', 'residents', 'analysts', 'researchers', 'lawmakers', 'legislators', 'authorities', 'officers', 'diplomats', 'critics', 'experts', 'campaigners', 'activists', 'auditors', 'regulators', 'police', 'detectives', 'judges', 'lawyers', 'doctors', 'scientists', 'historians', 'journalists', 'reporters', 'witnesses', 'neighbours', 'neighbors', 'employees', 'workers', 'villagers', 'voters', 'councillors', 'senators', 'ministers', 'inspectors']);
// "Moscow said": a capital speaking for its government, which is a body like any other
const GOVERNMENT = /^government in /;
const LOCATIVE_BEFORE = /(?:\b(?:in|at|of|from|to|near|outside|inside|across|through|via)\s+(?:the\s+)?|\p{L}['’]s\s+)$/iu;
const RELATIVE_SPEAKER = /^\s*((?:a|an|one)\s+([\p{L}-]+)\s+who\s+[^,;]{3,140}?)\s*$/iu;
// an outlet that insists or maintains defends its own account rather than reporting someone else's
const INSIST = /\b(?:insist|maintain)/i;
const DOCUMENT_WORDS = /\b(?:reports?|records?|documents?|notice|indictment|filings?|register|registry|files?|papers|emails?|data|leaks?|sources?|staff|people|person|officials|investigators|analysts|media|press|outlets?|newspapers?|statement|ruling|judgment|audit|study|review|complaint|lawsuit)\b/i;

export function extractClaims(input: ClaimInput): ExtractedClaim[] {
  const { text, sentences, mentions, entities, published } = input;
  const kindOf = new Map(entities.map((e) => [e.key, e.kind]));
  const claims: ExtractedClaim[] = [];
  let lastPerson: string | null = null;
  let prevPerson: string | null = null;
  let lastOrg: string | null = null;
  let lastClaimantPerson: string | null = null;
  let quoteOwner: string | null = null;
  // "he" in a sentence most often continues the previous sentence's speaker, else its first person
  let focusPerson: string | null = null;
  const retractions = new Set<string>();
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
      const prevMade = made[made.length - 1];
      // "X said it remained unclear whether …", "X wrote that …, but that it remained unclear
      // whether …" (still X's reported speech): one claim, X's, questioned
      if (cue.who === 'none' && cue.stance === 'questions' && prevMade && ci > 0 && (/^[\s,]*(?:that\s+)?$/i.test(s.slice(cues[ci - 1]!.end, cue.start)) || /\b(?:but|and)\s+that\s+$/i.test(s.slice(0, cue.start)))) {
        prevMade.stance = 'questions';
        return;
      }
      // "said it assessed …", "said in a statement that she had reported …": the verb belongs to
      // the first claim's content, not to a new speaker
      if (prevMade && ci > 0 && cue.who === 'before' && !cue.participle && !cue.retraction && COMPLEMENT_PRONOUN.test(s.slice(cues[ci - 1]!.end, cue.start))) return;
      // ", insisting that …", "while saying …": the same speaker goes on
      const carried = prevMade && cue.participle ? { key: prevMade.claimantKey, label: prevMade.claimantLabel } : null;
      const { key, label } = carried ?? claimantFor(cue, s, range.start, segStart, inSentence, made);
      if (cue.who === 'before' && !key && !label) return;
      let stance: Stance = cue.stance;
      if (cue.who === 'after') stance = key && !label ? 'asserts' : 'reports';
      if (stance === 'asserts' && key && kindOf.get(key) === 'organization' && /\breport(?:s|ed)\b/i.test(s.slice(cue.start, cue.end))) stance = 'reports';
      if (stance === 'asserts' && key && input.media?.has(key) && !INSIST.test(s.slice(cue.start, cue.end))) stance = 'reports';
      if (stance === 'asserts' && cue.who === 'before' && !cue.participle && key && kindOf.get(key) !== 'place' && defendsAccused(s.slice(segStart), key, inSentence.map((m) => m.key).filter((k) => kindOf.get(k) !== 'place'), [...claims, ...made])) stance = 'denies';
      if (stance === 'asserts' && cue.who === 'before' && !cue.participle && deniesIn(s.slice(segStart), (!!key && kindOf.get(key) === 'organization') || GOVERNMENT.test(label ?? ''))) stance = 'denies';
      // a claim's subjects are the names in its own stretch of the sentence
      const window = { from: ci > 0 ? cue.start : 0, to: cues[ci + 1]?.start ?? s.length };
      const claim = makeClaim(s, range, si, inSentence, key, label, stance, window);
      if (cue.retraction) {
        retractions.add(claim.key);
        // a retraction answers the claimant's own latest claim: it is about the same things
        const own = [...claims, ...made].reverse().find((c) => c.claimantKey === key && c.claimantLabel === label && c.stance !== 'denies');
        if (own) for (const k of own.subjectKeys) if (k !== key && !claim.subjectKeys.includes(k)) claim.subjectKeys.push(k);
      }
      const same = made.find((c) => c.claimantKey === key && c.claimantLabel === label && c.stance === stance);
      if (same && claim.subjectKeys.every((k) => same.subjectKeys.includes(k))) return;
      made.push(claim);
    });
    // a quotation that runs on from an attributed sentence keeps its speaker
    if (made.length === 0 && opensInsideQuote && inSentence.length > 0) {
      const stance: Stance = deniesIn(s, kindOf.get(quoteOwner!) === 'organization') ? 'denies' : 'asserts';
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
    const speaker = made.find((c) => c.claimantKey && kindOf.get(c.claimantKey) === 'person')?.claimantKey;
    focusPerson = speaker ?? inSentence.find((m) => kindOf.get(m.key) === 'person')?.key ?? (made.length > 0 || inSentence.length > 0 ? null : focusPerson);
    for (const m of inSentence) {
      if (kindOf.get(m.key) === 'person' && m.key !== lastPerson) {
        prevPerson = lastPerson;
        lastPerson = m.key;
      }
      if (kindOf.get(m.key) === 'organization') lastOrg = m.key;
    }
  });
  fillTopicSubjects(claims, text, sentences, mentions, kindOf);
  linkResponses(claims);
  // "X withdrew one allegation. It had claimed that …": the retraction is about the claim explained next
  for (const r of claims) {
    if (!retractions.has(r.key)) continue;
    const next = claims.find((c) => c.span.start > r.span.end && c.claimantKey === r.claimantKey && c.claimantLabel === r.claimantLabel);
    if (next && next.span.start - r.span.end < 3 && /\bhad\s+(?:claimed|alleged|said|reported|written|stated)\b/i.test(next.text)) {
      r.subjectKeys = [...new Set([...next.subjectKeys.filter((k) => k !== r.claimantKey), ...r.subjectKeys])];
    }
  }
  return claims;

  function makeClaim(s: string, range: TextRange, si: number, inSentence: readonly PlacedMention[], key: string | null, label: string | null, stance: Stance, window?: { from: number; to: number }): ExtractedClaim {
    const subjects: string[] = [];
    const w = window ?? { from: 0, to: s.length };
    const inWindow = inSentence.filter((m) => m.start - range.start >= w.from && m.start - range.start < w.to);
    for (const m of inWindow.some((x) => x.key !== key) ? inWindow : inSentence) if (m.key !== key && !subjects.includes(m.key)) subjects.push(m.key);
    const part = s.slice(w.from, w.to);
    // pronouns in the claim point at the person in focus
    // (when the speaker is the person last named, "his story" is about the one named before)
    const other = lastPerson !== key ? lastPerson : prevPerson;
    if (/\b(?:he|him|his|she|her)\b/i.test(part) && other && other !== key && !subjects.includes(other) && subjects.every((k) => kindOf.get(k) !== 'person')) subjects.push(other);
    // "its sole shareholder …": the body in focus
    if (/\bits\b/i.test(part) && lastOrg && lastOrg !== key && !subjects.includes(lastOrg) && subjects.every((k) => kindOf.get(k) !== 'organization')) subjects.push(lastOrg);
    if (key && (stance === 'denies' || subjects.length === 0 || /\b(?:I|my|me|we|our|he|she|his|her)\b/.test(part))) subjects.push(key);
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

  function claimantFor(cue: Cue, s: string, base: number, segStart: number, inSentence: readonly PlacedMention[], made: readonly ExtractedClaim[]): { key: string | null; label: string | null } {
    if (cue.who === 'none') return { key: null, label: null };
    if (cue.who === 'label') return { key: null, label: cue.label ?? null };
    if (cue.who === 'after') {
      const after = s.slice(cue.end);
      const m = inSentence.find((x) => x.start - base >= cue.end && x.start - base <= cue.end + 4);
      // "according to the collective": the body of that kind last named
      const desc = /^the\s+([\p{L}-]+?)s?\b(?!\s+(?:of|in|from|by)\b)/iu.exec(after);
      if (!m && desc && ORG_NOUNS.has(desc[1]!.toLowerCase())) {
        const named = byHead(desc[1]!.toLowerCase(), base + cue.start);
        if (named) return { key: named, label: null };
      }
      const np = /^((?:[\p{L}\d'’-]+\s+){0,6}?[\p{L}\d'’-]+)(?=,|\s+(?:the|a|an|he|she|it|they|this|there)\b|$)/iu.exec(after)?.[1] ?? after.split(/[,;]/)[0]!;
      if (m && !DOCUMENT_WORDS.test(np)) return { key: m.key, label: null };
      if (/^(?:him|her)\b/i.test(after)) return { key: lastPerson, label: null };
      return { key: m && DOCUMENT_WORDS.test(np) ? null : null, label: np.trim() || null };
    }
    const before = s.slice(segStart, cue.start);
    // 1. a name right before the cue ("Mussayev claims", "Moscow said")
    const tail = [...inSentence].reverse().find((x) => x.end - base <= cue.start && x.start - base >= segStart);
    if (tail && new RegExp(`^${GAP_WORDS}$`, 'iu').test(s.slice(tail.end - base, cue.start))) {
      // a city speaks for its government only as the clause's subject, not "at its office in Dubai's X"
      if (kindOf.get(tail.key) !== 'place') return { key: tail.key, label: null };
      if (!LOCATIVE_BEFORE.test(s.slice(Math.max(0, tail.start - base - 16), tail.start - base))) return { key: null, label: `government in ${text.slice(tail.start, tail.end)}` };
    }
    // 1a. "A woman who answered the telephone at … said": an unnamed person described by a relative clause
    const rel = RELATIVE_SPEAKER.exec(before);
    if (rel && PERSON_NOUNS.has(rel[2]!.toLowerCase())) return { key: null, label: rel[1]!.trim() };
    // 1b. a bare plural group ("Moldovan prosecutors said", "Several residents said")
    const group = PLURAL_TAIL.exec(before);
    if (group && GROUP_NOUNS.has(group[2]!.toLowerCase())) return { key: null, label: group[1]!.trim() };
    // 2. a pronoun ("he said"); "they" after a group claimant in the same sentence is that group
    const pro = PRONOUN_TAIL.exec(before);
    if (pro) {
      const p = pro[1]!.toLowerCase();
      const earlier = made[made.length - 1];
      if (p === 'they' && earlier && (earlier.claimantLabel || (earlier.claimantKey && kindOf.get(earlier.claimantKey) !== 'person'))) return { key: earlier.claimantKey, label: earlier.claimantLabel };
      return { key: p === 'he' || p === 'she' ? focusPerson ?? lastClaimantPerson ?? lastPerson : lastOrg, label: null };
    }
    // 3. the subject of the clause: its first person, else its first body not after a preposition;
    // but "…, the collective said" after the content names the speaker by its descriptor
    const d = DESCRIPTOR_TAIL.exec(before);
    const trailing = !!d && /(?:^|[,;]\s*)$/.test(before.slice(0, d.index));
    const inSeg = inSentence.filter((x) => x.start - base >= segStart && x.end - base <= cue.start);
    const firstPerson = inSeg.find((x) => kindOf.get(x.key) === 'person');
    if (firstPerson && !trailing) return { key: firstPerson.key, label: null };
    // "Name, a former officer, who alleges …": the descriptor is an apposition of the name before it
    if (d && trailing && /\bwho\s*$/i.test(before)) {
      const named = [...inSeg].reverse().find((x) => x.end - base <= segStart + d.index && kindOf.get(x.key) === 'person'
        && /^\s*,\s*$/.test(s.slice(x.end - base, segStart + d.index)));
      if (named) return { key: named.key, label: null };
    }
    // 4. a descriptor ("the former officer", "the company", "two former staff")
    if (d) {
      const head = d[2]!.toLowerCase();
      const definite = /^(?:the|his|her|its|their)\b/i.test(d[1]!);
      if (PERSON_NOUNS.has(head)) return definite ? { key: focusPerson ?? lastClaimantPerson ?? lastPerson, label: null } : { key: null, label: d[1]!.trim() };
      if (ORG_NOUNS.has(head)) {
        const named = definite ? byHead(head, base) : null;
        return definite && (named ?? lastOrg) ? { key: named ?? lastOrg, label: null } : { key: null, label: d[1]!.trim() };
      }
    }
    if (firstPerson) return { key: firstPerson.key, label: null };
    const firstOrg = inSeg.find((x) => kindOf.get(x.key) === 'organization' && !/\b(?:in|on|at|of|from|with|through|via|by|to|for|into)\s+(?:the\s+|a\s+|an\s+)?$/i.test(s.slice(Math.max(0, x.start - base - 12), x.start - base)));
    if (firstOrg) return { key: firstOrg.key, label: null };
    // 5. the speaker after a quotation: "…,” said Abenov / “…,” he said
    const after = s.slice(cue.end, cue.end + 40);
    const post = inSentence.find((x) => x.start - base >= cue.end && x.start - base <= cue.end + 3);
    if (post) return { key: post.key, label: null };
    if (/^\s+(?:he|she)\b/i.test(after)) return { key: focusPerson ?? lastClaimantPerson ?? lastPerson, label: null };
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
    // a denial is about what it denies and answers whoever alleged it
    if (!about) return;
    const own = c.subjectKeys.filter((k) => k !== c.claimantKey);
    if (own.length === 0) for (const k of about.subjectKeys) if (k !== c.claimantKey && !c.subjectKeys.includes(k)) c.subjectKeys.push(k);
    if (about.claimantKey && about.claimantKey !== c.claimantKey && !c.subjectKeys.includes(about.claimantKey)) c.subjectKeys.push(about.claimantKey);
  });
}
