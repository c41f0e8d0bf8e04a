// Late folding: entities that the left-to-right pass could not join because the fuller or
// defining form came later. A codename or acronym used before the sentence that defines it
// ("… under codename 'Lerche'" in a headline), a short form before the full name ("Orrin Foods"
// before "Orrin Foods plc"), or a body's first word typed as a surname ("Halvorsen" for
// "Halvorsen Elektronik GmbH") are merged into the entity they belong to.
import { normalizeKey } from '../text/normalize';
import type { ExtractedEntity } from './types';
import type { EntityKind } from './types-local';

export interface Work {
  entity: ExtractedEntity;
  votes: Record<EntityKind, number>;
  keys: Set<string>;
  surname: string | null;
  lastSeen: number;
}

/** An alias key without a leading article ("the Crane King" = "Crane King"). */
export const bareKey = (text: string): string => normalizeKey(text).replace(/^the /, '');

const isOrgLike = (w: Work) => w.entity.kind === 'organization' || w.votes.organization > 0;

export function foldLate(works: Work[], aliasOwners: readonly { key: string; owner: Work }[], keptOwner: Work[]): void {
  const live = () => works.filter((w) => w.entity.mentions.length > 0 && w.entity.existingId === null);
  const keysOf = (w: Work) => new Set([...w.keys].map((k) => k.replace(/^the /, '')));
  // 1. a form that an alias cue gives to another entity belongs to that entity
  for (const { key, owner } of aliasOwners) {
    for (const w of live()) if (w !== owner && [...keysOf(w)].every((k) => k === key)) merge(w, owner);
  }
  // 2. short and first-word forms of exactly one fuller body
  for (const a of live()) {
    const keys = [...keysOf(a)];
    if (keys.length !== 1) continue;
    const key = keys[0]!;
    const single = !key.includes(' ');
    if (a.entity.kind === 'place' || (single && key.length < 4)) continue;
    // a person's name is folded by surname already; a lone word typed as a person may still be a firm's first word
    if (a.entity.kind === 'person' && !(single && !works.some((w) => w !== a && w.surname === key))) continue;
    const fuller = live().filter((b) => b !== a && isOrgLike(b) && b.entity.kind !== 'person' && [...b.keys].some((k) => k.startsWith(`${key} `) && (!single || k.split(' ').length <= 4)));
    if (fuller.length === 1) merge(a, fuller[0]!);
  }

  function merge(from: Work, into: Work) {
    for (const m of from.entity.mentions) into.entity.mentions.push(m);
    into.entity.mentions.sort((x, y) => x.start - y.start);
    for (const k of from.keys) into.keys.add(k);
    for (const al of from.entity.aliases) if (!into.entity.aliases.some((x) => x.name === al.name)) into.entity.aliases.push(al);
    from.entity.mentions = [];
    from.entity.aliases = [];
    for (let i = 0; i < keptOwner.length; i++) if (keptOwner[i] === from) keptOwner[i] = into;
  }
}
