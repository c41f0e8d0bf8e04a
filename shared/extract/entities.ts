// Folds name mentions into entities: the investigation's known entities first (gazetteer), then
// exact keys (normalizeKey folds case, diacritics and Cyrillic↔Latin), alias cues (codenames,
// bracketed acronyms and spellings), surname-only and short forms of a fuller name, acronyms
// matching a name's initials, and nested bodies ("6th Directorate of the KGB" also mentions KGB).
// Headings only add mentions to entities found in the body.
import { normalizeKey } from '../text/normalize';
import type { AliasKind, EntityKind } from './types-local';
import type { ExtractedEntity, KnownEntity } from './types';
import type { RawMention } from './candidates';
import { initials, type AliasHit } from './aliases';
import { isCyrillic } from './tokens';
import { OPERATION_NOUNS, ORG_HEADS, placeSynonym, UNIT_HEADS } from './lexicon';
import { bareKey, foldLate, type Work } from './folding';
import { describedAfter, describedBefore } from './descriptors';

/** "6th department of the kgb of the ussr" → ordinal 6th, head department, parent kgb. */
function unitOf(key: string): { ordinal: string; head: string; parent: string } | null {
  const m = /^(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|main) (?:chief )?(\w+) of (?:the )?(\w+(?: \w+)*?)(?: of .*)?$/.exec(key);
  return m && UNIT_HEADS.has(m[2]!) ? { ordinal: m[1]!, head: m[2]!, parent: m[3]! } : null;
}

/** A body's name without a leading country form and a trailing head word ("us treasury department" → "treasury"). */
function coreOf(key: string): string {
  const w = wordsOf(key);
  if (w.length >= 2 && placeSynonym(w[0]!, normalizeKey) !== undefined) w.shift();
  if (w.length >= 2 && ORG_HEADS.has(w[w.length - 1]!)) w.pop();
  return w.join(' ');
}

/** The alias key, with country short forms mapped onto their full names. */
const entityKey = (text: string): string => {
  const k = normalizeKey(text);
  return placeSynonym(k, normalizeKey) ?? k;
};

export interface EntityBuild {
  entities: ExtractedEntity[];
  /** mention start offset → entity key, for every kept mention */
  byStart: Map<number, string>;
  /** kept mentions in text order, with their entity */
  mentions: { start: number; end: number; key: string; sentence: number }[];
}


const wordsOf = (key: string) => key.split(' ').filter(Boolean);

export function buildEntities(text: string, mentions: RawMention[], hits: readonly AliasHit[], known: readonly KnownEntity[]): EntityBuild {
  const textBefore = (offset: number) => text.slice(Math.max(0, offset - 40), offset);
  const works: Work[] = [];
  const byKey = new Map<string, Work>();
  const counter: Record<EntityKind, number> = { person: 0, organization: 0, place: 0, event: 0 };
  const prefix: Record<EntityKind, string> = { person: 'p', organization: 'o', place: 'l', event: 'e' };
  const kept: EntityBuild['mentions'] = [];

  const knownByKey = new Map<string, KnownEntity>();
  for (const k of known) for (const n of [k.name, ...k.aliases.map((a) => a.name)]) {
    const key = normalizeKey(n);
    if (key && !knownByKey.has(key)) knownByKey.set(key, k);
  }

  const create = (m: RawMention, kind: EntityKind | null): Work => {
    const kn = knownByKey.get(normalizeKey(m.text));
    const k: EntityKind = kn?.kind ?? kind ?? 'person';
    const entity: ExtractedEntity = { key: '', kind: k, name: kn?.name ?? m.text, aliases: [], mentions: [], existingId: kn?.id ?? null };
    const w: Work = { entity, votes: { person: 0, organization: 0, place: 0, event: 0 }, keys: new Set(), surname: null, lastSeen: m.start };
    if (kn) for (const n of [kn.name, ...kn.aliases.map((a) => a.name)]) register(w, normalizeKey(n));
    works.push(w);
    return w;
  };
  const register = (w: Work, key: string) => {
    if (!key) return;
    w.keys.add(key);
    if (!byKey.has(key)) byKey.set(key, w);
  };
  const attach = (w: Work, m: RawMention, aliasKind: AliasKind | null) => {
    const key = entityKey(m.text);
    w.entity.mentions.push({ start: m.start, end: m.end, text: m.text });
    // a fuller form is better evidence of the kind than a bare word typed by its context
    // (so is a descriptor: "the outlet X" outweighs a later "X said" read as a person)
    if (m.kind) w.votes[m.kind] += m.titled || (m.kind !== 'place' && (describedBefore(text, m.start) ?? describedAfter(text, m.end))?.kind === m.kind) ? 3 : key.includes(' ') ? 2 : 1;
    register(w, key);
    w.lastSeen = m.start;
    if (aliasKind && !w.entity.aliases.some((a) => a.name === m.text)) w.entity.aliases.push({ name: m.text, kind: aliasKind });
    const words = wordsOf(key);
    if (words.length >= 2 && (m.kind === 'person' || w.entity.kind === 'person') && !w.surname) w.surname = words[words.length - 1]!;
    kept.push({ start: m.start, end: m.end, key: '', sentence: m.sentence });
    keptStarts.add(m.start);
    keptOwner.push(w);
  };
  const keptOwner: Work[] = [];
  const keptStarts = new Set<number>();

  // alias cues: which mention's span is an alias, and whose
  const aliasAt = new Map<number, AliasHit>();
  for (const h of hits) aliasAt.set(h.start, h);
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const body = ordered.filter((m) => !m.heading);
  const heads = ordered.filter((m) => m.heading);
  const recent: Work[] = [];
  const aliasOwners: { key: string; owner: Work }[] = [];

  for (const m of body) {
    const key = entityKey(m.text);
    if (!key) continue;
    const hit = aliasAt.get(m.start);
    if (hit) {
      const owner = ownerOf(hit);
      if (owner) {
        aliasOwners.push({ key: bareKey(hit.text), owner });
        attach(owner, m, hit.kind === 'transliteration' || (isCyrillic(m.text) && !isCyrillic(owner.entity.name)) ? 'transliteration' : hit.kind === 'name' ? 'name' : hit.kind);
        continue;
      }
    }
    let w = byKey.get(key) ?? null;
    if (!w) w = shortFormOwner(m, key);
    if (w) {
      const aliasKind: AliasKind = isCyrillic(m.text) !== isCyrillic(w.entity.name) ? 'transliteration' : /^\p{Lu}{2,}$/u.test(m.text.replace(/\./g, '')) ? 'abbreviation' : 'name';
      attach(w, m, normalizeKey(w.entity.name) === key ? null : aliasKind);
    } else {
      w = create(m, m.kind);
      attach(w, m, null);
    }
    touch(w);
  }
  // alias cues whose alias is not a capitalised name ("the professor") still become aliases
  for (const h of hits) {
    if (aliasAt.get(h.start) !== h || keptStarts.has(h.start)) continue;
    const owner = ownerOf(h);
    if (owner) aliasOwners.push({ key: bareKey(h.text), owner });
    if (owner) attach(owner, { start: h.start, end: h.end, text: h.text, first: 0, last: 0, sentence: sentenceAt(h.start), titled: null, demonym: null, heading: false, kind: null }, h.kind === 'transliteration' ? 'transliteration' : h.kind);
  }
  for (const m of heads) {
    const key = entityKey(m.text);
    const w = byKey.get(key) ?? shortFormOwner(m, key);
    if (w) attach(w, m, null);
    // "The Kremlin’s Invitation …": the definite article and a possessive mark a body's name
    else if (m.first === m.last && /\bthe\s+$/i.test(textBefore(m.start)) && /^['’]s\b/u.test(text.slice(m.end, m.end + 3))) {
      const made = create(m, 'organization');
      attach(made, { ...m, kind: 'organization' }, null);
    }
  }
  foldLate(works, aliasOwners, keptOwner);

  // kinds by vote; canonical name = the fullest form
  for (const w of works) {
    const v = w.votes;
    const best = (Object.keys(v) as EntityKind[]).sort((a, b) => v[b] - v[a])[0]!;
    if (w.entity.existingId === null) {
      if (v[best] > 0) w.entity.kind = best;
      else {
        w.entity.guessed = true;
        w.entity.kind = wordsOf(normalizeKey(w.entity.name)).length >= 2 && !w.entity.mentions.some((x) => /^\p{Lu}{2,}$/u.test(x.text)) ? 'person' : 'organization';
      }
      const names = w.entity.mentions.map((x) => x.text).filter((t) => !w.entity.aliases.some((a) => a.kind !== 'name' && a.name === t));
      const fullest = names.sort((a, b) => wordsOf(b).length - wordsOf(a).length || b.length - a.length)[0];
      if (fullest && !isCyrillic(fullest)) w.entity.name = fullest.replace(/^the\s+/i, '');
    }
    // a form is its key plus its script: the Cyrillic spelling is a real alias to keep
    const form = (t: string) => `${normalizeKey(t)}${isCyrillic(t) ? '#cyr' : ''}`;
    const nameForm = form(w.entity.name);
    const seen = new Set([nameForm, ...w.entity.aliases.map((a) => form(a.name))]);
    const aliases = [...w.entity.aliases];
    for (const m of w.entity.mentions) {
      const k = form(m.text);
      if (!seen.has(k)) aliases.push({ name: m.text, kind: /^\p{Lu}{2,}$/u.test(m.text.replace(/\./g, '')) ? 'abbreviation' : isCyrillic(m.text) ? 'transliteration' : 'name' });
      seen.add(k);
    }
    w.entity.aliases = aliases.filter((a) => form(a.name) !== nameForm);
  }
  const live = works.filter((w) => w.entity.mentions.length > 0);
  for (const w of live) w.entity.key = `${prefix[w.entity.kind]}${++counter[w.entity.kind]}`;
  kept.forEach((k, i) => (k.key = keptOwner[i]!.entity.key));
  const byStart = new Map(kept.map((k) => [k.start, k.key]));
  return { entities: live.map((w) => w.entity), byStart, mentions: kept.sort((a, b) => a.start - b.start) };

  function sentenceAt(offset: number): number {
    let lo = 0;
    let hi = ordered.length - 1;
    let s = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ordered[mid]!.start <= offset) { s = ordered[mid]!.sentence; lo = mid + 1; } else hi = mid - 1;
    }
    return s;
  }
  /** most recently mentioned first; only the latest few matter for short forms */
  function touch(w: Work) {
    if (recent[0] === w) return;
    const i = recent.indexOf(w);
    if (i >= 0) recent.splice(i, 1);
    recent.unshift(w);
    if (recent.length > 200) recent.length = 200;
  }
  /** the owner of an alias cue: the nearest kept name before it (bracketed: right before it) */
  function ownerOf(h: AliasHit): Work | null {
    // "the company operated under the name …", "he lived under the name …": the body or person in focus
    if (!h.bracket && /\b(?:the|its|this) (?:company|firm|group|vessel|ship|tanker|network|bank|fund|exchange|operator|business)\s*$|\b(?:he|she)\s+(?:had\s+|has\s+|was\s+)?$/i.test(textBefore(h.ownerBefore))) {
      const wantPerson = /\b(?:he|she)\s+(?:had\s+|has\s+|was\s+)?$/i.test(textBefore(h.ownerBefore));
      const sentence = sentenceAt(h.ownerBefore);
      const inFocus = recent.find((w) => (wantPerson ? w.entity.kind === 'person' || w.votes.person > 0 : w.entity.kind === 'organization' || w.votes.organization > 0)
        && w.entity.mentions.some((x) => x.start < h.ownerBefore && sentenceAt(x.start) < sentence));
      if (inFocus) return inFocus;
    }
    // "Office of Foreign Assets Control (OFAC)": the longest name that ends at the bracket
    if (h.bracket) {
      let best = -1;
      for (let i = kept.length - 1; i >= 0 && kept[i]!.start >= h.ownerBefore - 200; i--) {
        const k = kept[i]!;
        if (k.end <= h.ownerBefore && h.ownerBefore - k.end <= 3 && (best < 0 || k.start < kept[best]!.start)) best = i;
      }
      if (best >= 0) return keptOwner[best]!;
    }
    // a codename goes to a person or a programme, not to the agency that gave it: "X was
    // recruited by the KGB … and given the codename", "a file on him under the codename"
    if (!h.bracket && h.kind === 'codename') {
      const cueSentence = sentenceAt(h.ownerBefore);
      const lead = textBefore(h.ownerBefore);
      if (OPERATION_NOUNS.has(/([\p{L}-]+)\s*$/u.exec(lead)?.[1]?.toLowerCase() ?? '')) return null;
      let person: Work | null = null;
      for (let i = kept.length - 1; i >= 0; i--) {
        const k = kept[i]!;
        if (k.end > h.ownerBefore) continue;
        if (k.sentence !== cueSentence) break;
        if (keptOwner[i]!.entity.kind === 'person' || keptOwner[i]!.votes.person > 0) { person = keptOwner[i]!; break; }
      }
      if (!person && /\b(?:him|her|his)\b/i.test(lead)) person = recent.find((w) => w.entity.kind === 'person') ?? null;
      if (person) return person;
    }
    for (let i = kept.length - 1; i >= 0; i--) {
      const k = kept[i]!;
      if (k.end > h.ownerBefore) continue;
      if (h.ownerBefore - k.end > (h.bracket ? 3 : 200)) return null;
      const w = keptOwner[i]!;
      if (!h.bracket && w.entity.kind === 'place') continue;
      return w;
    }
    return null;
  }
  /** surname-only, short and acronym forms of an entity already seen */
  function shortFormOwner(m: RawMention, key: string): Work | null {
    const words = wordsOf(key);
    if (words.length === 1) {
      // surname of a person: the most recently mentioned one (relatives share surnames)
      for (const w of recent) if (w.surname === key && w.entity.kind !== 'place' && (w.votes.person > 0 || w.entity.kind === 'person')) return w;
      if (/^\p{Lu}{2,}$/u.test(m.text.replace(/\./g, ''))) {
        for (const w of recent) for (const k of w.keys) if (wordsOf(k).length >= 2 && initials(k) === m.text.replace(/\./g, '').toUpperCase()) return w;
      }
    }
    // "6th Department of the KGB of the USSR" and "6th Directorate of the KGB": one numbered unit
    const unit = unitOf(key);
    if (unit) {
      for (const w of recent) for (const k of w.keys) {
        const other = unitOf(k);
        if (other && other.ordinal === unit.ordinal && other.parent === unit.parent && other.head !== unit.head) return w;
      }
    }
    // "6th Directorate" → "6th Directorate of the KGB"; "Halyard Marine" → "Halyard Marine Holdings"
    if (m.kind !== 'person') {
      for (const w of recent) {
        if (w.entity.kind !== 'organization' && w.votes.organization === 0) continue;
        for (const k of w.keys) {
          if (k.length > key.length && k.startsWith(`${key} `) && (k.slice(key.length + 1).startsWith('of ') || words.length >= 2 || (key.length >= 4 && m.kind !== 'place'))) return w;
          // "Treasury" for "U.S. Treasury Department": the body's core word without country and head
          if (words.length === 1 && key.length >= 4 && coreOf(k) === key) return w;
          // "Clarion" for "Morning Clarion"
          if (words.length === 1 && key.length >= 4 && k.endsWith(` ${key}`) && wordsOf(k).length === 2 && m.kind !== 'place') return w;
        }
      }
    }
    return null;
  }
}
