import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../db/import/commit';
import { candidateKeys, knownEntitiesIn } from '../../../db/import/gazetteer';
import { createEntity } from '../../../db/queries/entities';
import { GraphStore } from '../../../db/store';
import { previewImport } from '../../../electron/import/pipeline';
import { commitArgs, counts } from './helpers';
import { extractArticle } from './stub-extractor';

const FIXTURES = join(import.meta.dirname, '../../fixtures/import');
const stub = { extract: async (text: string, options: Parameters<typeof extractArticle>[1]) => extractArticle(text, options) };

function seeded() {
  const store = GraphStore.memory();
  const quell = store.write({ action: 't', summary: 't' }, (db) => {
    for (let i = 0; i < 300; i++) createEntity(db, { kind: 'person', name: `Filler Person${i}` });
    return createEntity(db, { kind: 'person', name: 'Marta Quell', aliases: [{ name: 'Heron', kind: 'codename' }, { name: 'Марта Квелл', kind: 'transliteration' }] });
  }).value;
  return { store, quell };
}

describe('the gazetteer of known entities', () => {
  it('finds only the entities the text names, by any alias, through the alias_norm index', () => {
    const { store, quell } = seeded();
    const found = knownEntitiesIn(store.db, 'The agent known as HERON met officials of the Ministry of Interior.');
    expect(found).toEqual([{ id: quell.id, kind: 'person', name: 'Marta Quell', aliases: expect.arrayContaining([{ name: 'Heron', kind: 'codename' }]) }]);
    expect(knownEntitiesIn(store.db, 'Nobody here is known.')).toEqual([]);
    const plan = store.db.prepare('EXPLAIN QUERY PLAN SELECT entity_id FROM alias WHERE norm IN (SELECT value FROM json_each(?))').all('["x"]') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('alias_norm');
  });

  it('forms candidate names from capitalised runs, connectors inside, sentence ends outside', () => {
    const keys = candidateKeys('Officials of the Bank of Valmora met. Then Ivo Kask left "heron" behind.');
    expect(keys).toContain('bank of valmora');
    expect(keys).toContain('ivo kask');
    expect(keys).toContain('heron');
    expect(keys).not.toContain('valmora met');
    expect(keys).not.toContain('valmora then');
  });
});

describe('previewImport', () => {
  it('proposes without writing, and marks entities that match existing ones', async () => {
    const { store, quell } = seeded();
    const before = counts(store);
    const proposal = await previewImport(store, { text: '  Ivo Kask said that Marta Quell\r\nwas recruited.  ' }, stub);
    expect(counts(store)).toEqual(before);
    expect(proposal.text).toBe('Ivo Kask said that Marta Quell\nwas recruited.');
    expect(proposal.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(proposal.duplicateOf).toBeNull();
    expect(proposal.matches).toEqual([{ key: 'p2', entityId: quell.id, name: 'Marta Quell', kind: 'person', alias: 'Marta Quell' }]);
    expect(proposal.entities.map((e) => [e.name, e.existingId])).toEqual([['Ivo Kask', null], ['Marta Quell', quell.id]]);
  });

  it('reads files with their metadata, and lets the analyst set the title', async () => {
    const store = GraphStore.memory();
    const page = await previewImport(store, { path: join(FIXTURES, 'ledger-page.html') }, stub);
    expect(page).toMatchObject({ kind: 'article', fileName: 'ledger-page.html', metadata: { publisher: 'The Northern Ledger', publishedAt: '2024-06-11' } });
    const titled = await previewImport(store, { path: join(FIXTURES, 'harbour.md'), title: 'My title' }, stub);
    expect(titled.metadata.title).toBe('My title');
  });

  it('offers a text imported before as "already imported"', async () => {
    const store = GraphStore.memory();
    const first = await previewImport(store, { path: join(FIXTURES, 'defector.txt') }, stub);
    const { sourceId } = commitImport(store, commitArgs({ proposal: first }));
    const again = await previewImport(store, { text: first.text }, stub);
    expect(again.duplicateOf).toBe(sourceId);
  });

  it('refuses empty text, both or neither input, and unreadable paths, writing nothing', async () => {
    const store = GraphStore.memory();
    await expect(previewImport(store, { text: ' \n\t ' }, stub)).rejects.toThrow('The text is empty');
    await expect(previewImport(store, {}, stub)).rejects.toThrow('either a text or a file');
    await expect(previewImport(store, { path: join(FIXTURES, 'nope.txt') }, stub)).rejects.toThrow('nope.txt: the file does not exist');
    await expect(previewImport(store, { text: 'x'.repeat(3000) }, { ...stub, maxBytes: 1024 })).rejects.toThrow('larger than the 1 KB limit');
    expect(counts(store)).toMatchObject({ sources: 0, entities: 0, history: 0 });
  });
});
