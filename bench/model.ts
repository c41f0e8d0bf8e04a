// The generated investigation, in memory: entity kinds and names, claims (claimant, subject,
// object, denials) and relations as typed arrays, and the degree of every entity. Building it
// before writing lets the loader insert entities with their final, degree-based importance.
import { entityKind, entityName, namePools, type Kind, type NamePools } from './names';
import { Rng } from './rng';

export const KINDS: Kind[] = ['person', 'organization', 'place', 'event'];
export const STANCES = ['asserts', 'denies', 'questions', 'reports'] as const;
export const PREDICATES = ['recruited_by', 'member_of', 'met_with', 'paid', 'owns', 'works_for', 'financed', 'met_with'];
export const RELATION_KINDS = ['member_of', 'works_for', 'leads', 'owns', 'associate_of', 'family_of', 'located_in', 'part_of'];

export interface Model {
  n: number;
  seed: number;
  pools: NamePools;
  kind: Uint8Array; // index into KINDS, by entity id (1-based)
  names: string[];
  claims: number;
  claimant: Int32Array; // 0: none ("reports say")
  subject: Int32Array;
  object: Int32Array; // 0: no object
  respondsTo: Int32Array; // 0: none
  stance: Uint8Array;
  predicate: Uint8Array;
  relations: number;
  relFrom: Int32Array;
  relTo: Int32Array;
  relKind: Uint8Array;
  degree: Int32Array; // relations + claims made + roles, as db/queries/entities.ts refreshImportance counts
}

export const HUBS = 16;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Picks entities with a skewed degree distribution: 4% of picks go to 16 explicit hubs (the top
 * ones end up with 10k+ neighbours at 1M entities), the rest follow a power law spread over the
 * ids by a multiplicative permutation, so high-degree entities are scattered through the table.
 */
export function entityPicker(rng: Rng, n: number): () => number {
  const weights = Array.from({ length: HUBS }, (_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
  let step = 1_000_003;
  while (gcd(step, n) !== 1) step += 2;
  return () => {
    if (rng.chance(0.04)) {
      const x = rng.next();
      const hub = cumulative.findIndex((c) => x < c);
      return hubId(hub < 0 ? HUBS - 1 : hub, n);
    }
    return ((rng.skewed(n, 2) * step) % n) + 1;
  };
}

/** Hubs sit at evenly spaced ids (not 1..16), so "random entity" and "hub" samples differ. */
export function hubId(index: number, n: number): number {
  return Math.floor(((index + 0.5) * n) / HUBS) + 1;
}

export function buildModel(n: number, seed: number): Model {
  const rng = new Rng(seed);
  const pools = namePools(rng);
  const kind = new Uint8Array(n + 1);
  const names: string[] = [''];
  for (let id = 1; id <= n; id++) {
    const k = entityKind(rng);
    kind[id] = KINDS.indexOf(k);
    names.push(entityName(rng, pools, k));
  }
  for (let h = 0; h < HUBS; h++) kind[hubId(h, n)] = h % 2 === 0 ? 1 : 0; // hubs: organizations and people
  const pick = entityPicker(rng, n);
  const degree = new Int32Array(n + 1);

  const claims = Math.round(n * 0.3);
  const claimant = new Int32Array(claims + 1);
  const subject = new Int32Array(claims + 1);
  const object = new Int32Array(claims + 1);
  const respondsTo = new Int32Array(claims + 1);
  const stance = new Uint8Array(claims + 1);
  const predicate = new Uint8Array(claims + 1);
  let claimEdges = 0;
  for (let c = 1; c <= claims; c++) {
    predicate[c] = rng.int(PREDICATES.length);
    if (c > 10 && rng.chance(0.1) && subject[c - 1]! > 0) {
      // a denial: the subject of an earlier claim denies it
      const target = 1 + rng.int(c - 1);
      respondsTo[c] = target;
      stance[c] = 1;
      subject[c] = subject[target]!;
      claimant[c] = subject[target]!;
      object[c] = object[target]!;
      predicate[c] = predicate[target]!;
    } else {
      stance[c] = rng.chance(0.7) ? 0 : rng.chance(0.5) ? 3 : 2;
      claimant[c] = rng.chance(0.85) ? pick() : 0;
      subject[c] = pick();
      const o = rng.chance(0.75) ? pick() : 0;
      object[c] = o === subject[c] ? 0 : o;
    }
    for (const e of [claimant[c]!, subject[c]!, object[c]!]) {
      if (e > 0) {
        degree[e]! += 1;
        claimEdges += 1;
      }
    }
  }

  const relations = Math.max(0, 3 * n - claimEdges);
  const relFrom = new Int32Array(relations);
  const relTo = new Int32Array(relations);
  const relKind = new Uint8Array(relations);
  for (let r = 0; r < relations; r++) {
    const from = pick();
    let to = rng.chance(0.5) ? pick() : 1 + rng.int(n);
    if (to === from) to = (from % n) + 1;
    relFrom[r] = from;
    relTo[r] = to;
    relKind[r] = rng.int(RELATION_KINDS.length);
    degree[from]! += 1;
    degree[to]! += 1;
  }
  return { n, seed, pools, kind, names, claims, claimant, subject, object, respondsTo, stance, predicate, relations, relFrom, relTo, relKind, degree };
}

export function claimText(m: Model, c: number): string {
  const who = m.claimant[c]! > 0 ? m.names[m.claimant[c]!]! : 'Reports';
  const verb = (PREDICATES[m.predicate[c]!] ?? 'linked_to').replace(/_/g, ' ');
  const obj = m.object[c]! > 0 ? ` ${m.names[m.object[c]!]}` : '';
  if (m.stance[c] === 1) return `${who} denies that ${m.names[m.subject[c]!]} ${verb}${obj}.`;
  return `${who} says ${m.names[m.subject[c]!]} ${verb}${obj}.`;
}
