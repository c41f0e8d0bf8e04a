// A batch extracts file N+1 while file N commits and keeps that extraction only when the
// investigation still knows the same entities for N+1's text: a write by anyone else in between
// (the analyst on the same connection, another process on the file) makes it look them up again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEntity } from '../../../db/queries/entities';
import { GraphStore } from '../../../db/store';
import { runBatch } from '../../../electron/import/batch';
import { extractArticle } from './stub-extractor';

function folder(texts: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'skein-batch-known-'));
  texts.forEach((text, i) => writeFileSync(join(root, `f${i + 1}.txt`), text));
  return root;
}

/** Runs a batch over two files; `between` runs once, right after the first file's commit. */
async function twoFiles(store: GraphStore, between: () => void) {
  const root = folder(['Anna Berg said one thing.', 'Carl Dahl said another.']);
  const extracted: string[] = [];
  let first = true;
  store.onChange((notice) => {
    if (notice.action !== 'import.commit' || !first) return;
    first = false;
    between();
  });
  const result = await runBatch(store, [root], {
    extract: async (text, options) => {
      extracted.push(text.slice(0, 9));
      return extractArticle(text, options);
    },
  });
  return { result, extracted };
}

const dahls = (store: GraphStore) => store.db.prepare("SELECT id FROM entity WHERE name = 'Carl Dahl'").all() as { id: number }[];
const claimantOf = (store: GraphStore, text: string) => (store.db.prepare('SELECT claimant_id AS id FROM claim WHERE text = ?').get(text) as { id: number }).id;

describe('runBatch, early extraction after someone else wrote', () => {
  it('looks again when the analyst created an entity the next file names (it links, no twin)', async () => {
    const store = GraphStore.memory();
    let created = 0;
    const { result, extracted } = await twoFiles(store, () => {
      created = store.write({ action: 'entity.create', summary: 'Create Carl Dahl' }, (db) => createEntity(db, { kind: 'person', name: 'Carl Dahl' })).value.id;
    });
    expect(result.imported).toHaveLength(2);
    expect(extracted).toEqual(['Anna Berg', 'Carl Dahl', 'Carl Dahl']);
    expect(dahls(store)).toEqual([{ id: created }]);
    expect(claimantOf(store, 'Carl Dahl said another.')).toBe(created);
  });

  it('looks again when another connection wrote to the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-batch-known-db-')), 'inv.skein');
    const store = new GraphStore(path);
    const other = new GraphStore(path);
    try {
      let created = 0;
      const { extracted } = await twoFiles(store, () => {
        created = other.write({ action: 'entity.create', summary: 'Create Carl Dahl' }, (db) => createEntity(db, { kind: 'person', name: 'Carl Dahl' })).value.id;
      });
      expect(extracted).toEqual(['Anna Berg', 'Carl Dahl', 'Carl Dahl']);
      expect(dahls(store)).toEqual([{ id: created }]);
      expect(claimantOf(store, 'Carl Dahl said another.')).toBe(created);
    } finally {
      other.close();
      store.close();
    }
  });

  it('keeps the early extraction when only the previous commit wrote and it added no name the next file uses', async () => {
    const store = GraphStore.memory();
    const { result, extracted } = await twoFiles(store, () => {});
    expect(result.imported).toHaveLength(2);
    expect(extracted).toEqual(['Anna Berg', 'Carl Dahl']);
    expect(dahls(store)).toHaveLength(1);
  });
});
