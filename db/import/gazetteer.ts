// The gazetteer an import hands to the extractor: the investigation's entities whose names or
// aliases occur in the text. Instead of loading every alias (an investigation may hold millions),
// it forms the candidate names of the text (runs of capitalised words and their sub-runs), folds
// them with normalizeKey and looks only those keys up through the alias_norm index.
import type { AliasKind, EntityKind } from '../../shared/domain/model';
import type { KnownEntity } from '../../shared/extract/types';
import { normalizeKey } from '../../shared/text/normalize';
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
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      if (!isNameWord(run[i]!)) continue;
      for (let j = i; j < Math.min(run.length, i + MAX_WORDS); j++) {
        if (!isNameWord(run[j]!)) continue;
        const key = normalizeKey(run.slice(i, j + 1).join(' '));
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

/** Known entities whose name or alias occurs in `text`, merged entities resolved to their target. */
export function knownEntitiesIn(db: SqliteDb, text: string, limit = 2000): KnownEntity[] {
  const keys = [...candidateKeys(text)];
  const lookup = db.prepare(`
    SELECT DISTINCT a.entity_id, e.merged_into FROM alias a JOIN entity e ON e.id = a.entity_id
    WHERE a.norm IN (SELECT value FROM json_each(?))`);
  const ids = new Set<number>();
  for (let i = 0; i < keys.length && ids.size < limit; i += LOOKUP_CHUNK) {
    for (const hit of lookup.all(JSON.stringify(keys.slice(i, i + LOOKUP_CHUNK))) as Hit[]) {
      ids.add(hit.merged_into === null ? hit.entity_id : resolveMerged(db, hit.entity_id));
    }
  }
  const entity = db.prepare('SELECT id, kind, name FROM entity WHERE id = ?');
  // aliases of the entity and of everything merged into it: all of them name the same thing
  const aliases = db.prepare(`
    SELECT name, kind FROM alias WHERE entity_id = ? OR entity_id IN (SELECT id FROM entity WHERE merged_into = ?)
    ORDER BY kind <> 'name', id LIMIT ${MAX_ALIASES}`);
  const known: KnownEntity[] = [];
  for (const id of [...ids].slice(0, limit)) {
    const row = entity.get(id) as { id: number; kind: EntityKind; name: string } | undefined;
    if (!row) continue;
    const rows = aliases.all(id, id) as { name: string; kind: AliasKind }[];
    known.push({ id: row.id, kind: row.kind, name: row.name, aliases: rows.filter((a) => a.name !== row.name) });
  }
  return known;
}

function resolveMerged(db: SqliteDb, id: number): number {
  const step = db.prepare('SELECT merged_into FROM entity WHERE id = ?');
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const row = step.get(current) as { merged_into: number | null } | undefined;
    if (!row || row.merged_into === null) return current;
    current = row.merged_into;
  }
  return current;
}
