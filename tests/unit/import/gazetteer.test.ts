// The gazetteer at scale: an investigation where many entities share a name hands the extractor
// only the entities a mention could be linked to, and the extraction stays what it was.
import { describe, expect, it } from 'vitest';
import { candidateKeys, knownEntitiesIn } from '../../../db/import/gazetteer';
import { createEntity } from '../../../db/queries/entities';
import { GraphStore } from '../../../db/store';
import { extractArticle } from '../../../shared/extract';
import type { KnownEntity } from '../../../shared/extract/types';

/** Five entities called "Iron Export Fund": one known as IEF, one codenamed Heron, three plain. */
function namesakes() {
  const store = GraphStore.memory();
  const ids = store.write({ action: 't', summary: 't' }, (db) => {
    const fund = (aliases: { name: string; kind: 'abbreviation' | 'codename' }[] = []) =>
      createEntity(db, { kind: 'organization', name: 'Iron Export Fund', aliases }).id;
    return {
      plain: fund(), ief: fund([{ name: 'IEF', kind: 'abbreviation' }]), heron: fund([{ name: 'Heron', kind: 'codename' }]),
      later: [fund(), fund()],
      berg: createEntity(db, { kind: 'person', name: 'Anna Berg' }).id,
    };
  }).value;
  return { store, ids };
}

/** What the gazetteer looks at before it leaves anything out: every entity the text's names find, in order. */
function everyNamesake(store: GraphStore, text: string): KnownEntity[] {
  const rows = store.db.prepare(`
    SELECT e.id, e.kind, e.name FROM alias a JOIN entity e ON e.id = a.entity_id
    WHERE a.norm IN (SELECT value FROM json_each(?)) ORDER BY a.norm, a.id`).all(JSON.stringify([...candidateKeys(text)])) as Omit<KnownEntity, 'aliases'>[];
  const seen = new Set<number>();
  const aliases = store.db.prepare("SELECT name, kind FROM alias WHERE entity_id = ? AND name <> ? ORDER BY kind <> 'name', id");
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ ...r, aliases: aliases.all(r.id, r.name) as KnownEntity['aliases'] }));
}

describe('knownEntitiesIn with same-named entities', () => {
  it('sends one entity per name the text uses, plus any whose own alias the text uses', () => {
    const { store, ids } = namesakes();
    const text = 'Anna Berg said the Iron Export Fund paid her. The IEF denied it.';
    expect(knownEntitiesIn(store.db, text).map((k) => k.id)).toEqual([ids.berg, ids.ief]);
    // the codename in the text makes that namesake linkable, so it is sent too
    const coded = 'Anna Berg said the Iron Export Fund, known as Heron, paid her.';
    expect(knownEntitiesIn(store.db, coded).map((k) => k.id)).toEqual([ids.berg, ids.heron]);
    // another case and a possessive still count as the text naming the codename
    expect(knownEntitiesIn(store.db, "The Iron Export Fund paid the agent HERON's handler.").map((k) => k.id)).toEqual([ids.plain, ids.heron]);
  });

  it('leaves the extraction as it is with every namesake sent', () => {
    const { store } = namesakes();
    for (const text of [
      'Anna Berg said the Iron Export Fund paid her. The IEF denied it.',
      'Anna Berg said the Iron Export Fund, known as Heron, paid her in 2019. Berg told reporters the fund lied.',
      "The Iron Export Fund paid the agent HERON's handler, Anna Berg said.",
    ]) {
      const all = everyNamesake(store, text);
      const sent = knownEntitiesIn(store.db, text);
      expect(sent.length).toBeLessThan(all.length);
      const extraction = extractArticle(text, { known: sent });
      expect(extraction.entities.filter((e) => e.existingId !== null).length).toBeGreaterThanOrEqual(2);
      expect(extraction).toEqual(extractArticle(text, { known: all }));
    }
  });
});
