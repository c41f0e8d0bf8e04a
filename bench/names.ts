// Synthetic name pools for the bench generator: people, organizations, places and events built
// from syllables (no real data), Cyrillic spellings of some names, codenames and abbreviations,
// drawn with a Zipf-like skew so that common names and prefixes really are common.
import type { Rng } from './rng';

const ONSETS = ['b', 'd', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'g', 'sh', 'ch', 'kr', 'br', 'st', 'gr', 'dr', 'al', 'or', 'el', 'an'];
const VOWELS = ['a', 'o', 'e', 'i', 'u', 'ia', 'ei'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'v', 'k', 'm'];
const SURNAME_ENDS = ['ov', 'ova', 'enko', 'ski', 'in', 'ich', 'er', 'son', 'ell', 'ani', 'escu', 'dze'];
const ORG_ADJ = ['Northern', 'United', 'Baltic', 'Eastern', 'Central', 'Atlantic', 'Silver', 'Red', 'Free', 'Federal', 'Grand', 'Polar', 'Iron', 'Golden', 'Western', 'Southern'];
const ORG_NOUN = ['Trade', 'Energy', 'Shipping', 'Security', 'Holding', 'Media', 'Mining', 'Logistics', 'Finance', 'Defence', 'Research', 'Export', 'Timber', 'Grain', 'Telecom'];
const ORG_SUFFIX = ['Group', 'Ltd', 'Bank', 'Fund', 'Agency', 'Committee', 'Union', 'Partners', 'Company', 'Council', 'Service', 'Institute'];
const PLACE_ENDS = ['grad', 'burg', 'ville', 'port', 'sk', 'ovo', 'ia', 'stan', 'holm', 'mouth'];
const EVENT_KINDS = ['Summit', 'Conference', 'Meeting', 'Forum', 'Congress', 'Exercise', 'Auction', 'Election', 'Blockade', 'Accord'];
const CODE_WORDS = ['Heron', 'Falcon', 'Lantern', 'Birch', 'Cobalt', 'Granite', 'Marten', 'Saffron', 'Tundra', 'Juniper', 'Quarry', 'Osprey', 'Vesper', 'Willow', 'Anvil', 'Kestrel', 'Ember', 'Harbor', 'Nettle', 'Orchid'];

const LATIN_TO_CYRILLIC: [string, string][] = [
  ['shch', 'щ'], ['sh', 'ш'], ['ch', 'ч'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ya', 'я'], ['yu', 'ю'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'], ['y', 'й'], ['k', 'к'],
  ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'],
  ['h', 'х'], ['c', 'к'], ['w', 'в'], ['x', 'кс'], ['j', 'дж'], ['q', 'к'],
];

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllables(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === count - 1 ? rng.pick(CODAS) : '');
  return out;
}

/** Latin → Cyrillic, the way a Russian-language source would spell the name. */
export function toCyrillic(name: string): string {
  let out = '';
  const lower = name.toLowerCase();
  for (let i = 0; i < lower.length;) {
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    if (pair) {
      const upper = name[i] !== lower[i];
      out += upper ? pair[1].toUpperCase() : pair[1];
      i += pair[0].length;
    } else {
      out += name[i];
      i += 1;
    }
  }
  return out;
}

export interface NamePools {
  first: string[];
  last: string[];
  placeNames: string[];
}

/** Fixed pools (drawn once from the seed): 600 first names, 6,000 surnames, 3,000 places. */
export function namePools(rng: Rng): NamePools {
  const unique = (make: () => string, n: number) => {
    const set = new Set<string>();
    while (set.size < n) set.add(make());
    return [...set];
  };
  return {
    first: unique(() => capital(syllables(rng, 2)), 600),
    last: unique(() => capital(syllables(rng, 1 + rng.int(2)) + rng.pick(SURNAME_ENDS)), 6000),
    placeNames: unique(() => capital(syllables(rng, 1 + rng.int(2)) + rng.pick(PLACE_ENDS)), 3000),
  };
}

export type Kind = 'person' | 'organization' | 'place' | 'event';

export function entityKind(rng: Rng): Kind {
  const x = rng.next();
  return x < 0.6 ? 'person' : x < 0.85 ? 'organization' : x < 0.95 ? 'place' : 'event';
}

export function entityName(rng: Rng, pools: NamePools, kind: Kind): string {
  switch (kind) {
    case 'person':
      return `${pools.first[rng.skewed(pools.first.length, 2)]} ${pools.last[rng.skewed(pools.last.length, 2)]}`;
    case 'organization':
      return `${rng.pick(ORG_ADJ)} ${rng.pick(ORG_NOUN)} ${rng.pick(ORG_SUFFIX)}`;
    case 'place':
      return pools.placeNames[rng.skewed(pools.placeNames.length, 1.5)]!;
    case 'event':
      return `${pools.placeNames[rng.int(pools.placeNames.length)]} ${rng.pick(EVENT_KINDS)} ${1960 + rng.int(64)}`;
  }
}

export function codename(rng: Rng): string {
  return `${rng.pick(CODE_WORDS).toUpperCase()}${rng.chance(0.5) ? `-${1 + rng.int(99)}` : ''}`;
}

export function abbreviation(name: string): string {
  return name.split(' ').map((w) => w.charAt(0).toUpperCase()).join('');
}
