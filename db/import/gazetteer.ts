// The gazetteer an import hands to the extractor: the investigation's entities whose names or
// aliases occur in the text. Instead of loading every alias (an investigation may hold millions),
// it forms the candidate names of the text (runs of capitalised words and their sub-runs), folds
// them with normalizeKey and looks only those keys up through the alias_norm index.
import type { AliasKind, EntityKind } from '../../shared/domain/model';
import type { KnownEntity } from '../../shared/extract/types';
import { normalizeKey } from '../../shared/text/normalize';
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from '../open';

/** Words that may sit inside a name ("Bank of the Left Bank", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'and', '&', 'de', 'du', 'des', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'on']);
const MAX_WORDS = 6;
const LOOKUP_CHUNK = 500;
/** aliases sent per entity: enough to recognise it, bounded for entities with hundreds of spellings */
const MAX_ALIASES = 50;

const isNameWord = (word: string) => /^[\p{Lu}\p{N}]/u.test(word) && /\p{L}/u.test(word);

/** Normalised keys of every run of up to six name words in the text (plus quoted words: codenames). */
export function candidateKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu) ?? [];
  let run: string[] = [];
  // normalizeKey works word by word, so the key of a run is its words' keys joined
  const wordKeys = new Map<string, string>();
  const wordKey = (word: string) => {
    let key = wordKeys.get(word);
    if (key === undefined) wordKeys.set(word, (key = normalizeKey(word)));
    return key;
  };
  const flush = () => {
    const norms = run.map(wordKey);
    const named = run.map(isNameWord);
    for (let i = 0; i < run.length; i++) {
      if (!named[i]) continue;
      for (let j = i; j < Math.min(run.length, i + MAX_WORDS); j++) {
        if (!named[j]) continue;
        const key = norms.slice(i, j + 1).filter((n) => n.length > 0).join(' ');
        if (key) keys.add(key);
      }
    }
    run = [];
  };
  for (const word of words) {
    const bare = word.replace(/[.'’]+$/, '');
    if (isNameWord(bare)) run.push(bare);
    else if (run.length > 0 && CONNECTORS.has(bare.toLowerCase())) run.push(bare);
    else flush();
    if (/[.'’]$/.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word)) flush(); // a sentence end breaks a run, "U.S." does not
  }
  flush();
  // lower-case codenames in quotes ("nicknamed 'heron'")
  for (const match of text.matchAll(/["'“‘«]([\p{L}][\p{L}\s-]{1,40}?)["'”’»]/gu)) {
    const key = normalizeKey(match[1]!);
    if (key) keys.add(key);
  }
  return keys;
}

interface Hit { entity_id: number; merged_into: number | null }
interface AliasHit { id: number; entity_id: number; name: string; kind: AliasKind; norm: string }

interface Statements {
  lookup: Statement;
  entities: Statement;
  mergedInto: Statement;
  aliases: Statement;
  step: Statement;
}

const prepared = new WeakMap<SqliteDb, Statements>();

/** The gazetteer's statements, prepared once per connection (a batch runs it twice per file). */
function statements(db: SqliteDb): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = {
      lookup: db.prepare(`
        SELECT a.entity_id, e.merged_into FROM alias a JOIN entity e ON e.id = a.entity_id
        WHERE a.norm IN (SELECT value FROM json_each(?)) ORDER BY a.norm, a.id`),
      entities: db.prepare('SELECT id, kind, name FROM entity WHERE id IN (SELECT value FROM json_each(?))'),
      mergedInto: db.prepare('SELECT id, merged_into FROM entity WHERE merged_into IN (SELECT value FROM json_each(?))'),
      aliases: db.prepare('SELECT id, entity_id, name, kind, norm FROM alias WHERE entity_id IN (SELECT value FROM json_each(?))'),
      step: db.prepare('SELECT merged_into FROM entity WHERE id = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

const recentTexts = new Map<string, { joined: string; broken: string }>();

/** The text's two keys; the last few are kept (a batch asks again for the text it just looked up). */
function textKeys(text: string): { joined: string; broken: string } {
  let keys = recentTexts.get(text);
  if (!keys) {
    keys = { joined: ` ${normalizeKey(text)} `, broken: ` ${normalizeKey(text.replace(/['’‘`´.]/g, ' '))} ` };
    recentTexts.set(text, keys);
    if (recentTexts.size > 4) recentTexts.delete(recentTexts.keys().next().value!);
  }
  return keys;
}

/**
 * Whether a key could be what some stretch of the text says: a run of whole words of the text's
 * key. The text is keyed twice, once as normalizeKey does (dots and apostrophes join: "U.S.",
 * "O'Neil") and once with them as breaks ("Greiova's", "Moscow.The"), as a mention may stop at
 * either. Every candidate key of the text passes too.
 */
export function presenceIn(text: string, keys?: ReadonlySet<string>): (key: string) => boolean {
  const { joined, broken } = textKeys(text);
  let candidates = keys ?? null;
  return (key) => {
    if (key.length === 0) return false;
    if (joined.includes(` ${key} `) || broken.includes(` ${key} `)) return true;
    candidates ??= candidateKeys(text);
    return candidates.has(key);
  };
}

/**
 * Known entities whose name or alias occurs in `text`, merged entities resolved to their target, in
 * the order of the candidate names' keys and then of the matching aliases' ids; each with up to
 * MAX_ALIASES aliases of its own and of the entities merged into it (all of them name the same thing).
 * The extractor links a mention to the first entity of this list that has the mention's name, so an
 * entity is left out when every name it has that the text could contain was already brought by an
 * entity before it: it could never be linked, and the extraction is the same without it. At 1M
 * entities names repeat (hundreds of "Iron Export Fund", each with its own codename): S6 articles
 * found ~560 entities each, of which ~8 can be linked; matching the rest made extraction 6× slower.
 */
export function knownEntitiesIn(db: SqliteDb, text: string, limit = 2000): KnownEntity[] {
  const candidates = candidateKeys(text);
  const keys = [...candidates].sort();
  const s = statements(db);
  const found = new Set<number>();
  for (let i = 0; i < keys.length && found.size < limit; i += LOOKUP_CHUNK) {
    for (const hit of s.lookup.all(JSON.stringify(keys.slice(i, i + LOOKUP_CHUNK))) as Hit[]) {
      found.add(hit.merged_into === null ? hit.entity_id : resolveMerged(s.step, hit.entity_id));
    }
  }
  const ids = [...found].slice(0, limit);
  if (ids.length === 0) return [];
  const rows = new Map((s.entities.all(JSON.stringify(ids)) as { id: number; kind: EntityKind; name: string }[]).map((r) => [r.id, r]));
  const owner = new Map<number, number>(ids.map((id) => [id, id]));
  for (const m of s.mergedInto.all(JSON.stringify(ids)) as { id: number; merged_into: number }[]) owner.set(m.id, m.merged_into);
  const aliasesOf = new Map<number, AliasHit[]>();
  for (const a of s.aliases.all(JSON.stringify([...owner.keys()])) as AliasHit[]) {
    const target = owner.get(a.entity_id)!;
    const list = aliasesOf.get(target);
    if (list) list.push(a);
    else aliasesOf.set(target, [a]);
  }
  const present = presenceIn(text, candidates);
  const known: KnownEntity[] = [];
  const sent = new Set<string>();
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    const all = (aliasesOf.get(id) ?? []).sort((a, b) => Number(a.kind !== 'name') - Number(b.kind !== 'name') || a.id - b.id).slice(0, MAX_ALIASES);
    const aliases = all.filter((a) => a.name !== row.name);
    const fresh = (!sent.has(row.name) && present(all.find((a) => a.name === row.name)?.norm ?? normalizeKey(row.name)))
      || aliases.some((a) => !sent.has(a.name) && present(a.norm));
    if (!fresh) continue;
    sent.add(row.name);
    for (const a of aliases) sent.add(a.name);
    known.push({ id: row.id, kind: row.kind, name: row.name, aliases: aliases.map((a) => ({ name: a.name, kind: a.kind })) });
  }
  return known;
}

function resolveMerged(step: Statement, id: number): number {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const row = step.get(current) as { merged_into: number | null } | undefined;
    if (!row || row.merged_into === null) return current;
    current = row.merged_into;
  }
  return current;
}
