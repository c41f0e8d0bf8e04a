import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../db/import/commit';
import { GraphStore } from '../../../db/store';
import { commitArgs, handProposal } from '../import/helpers';
import { createRouter } from '../../../electron/router';
import { seedLikeGraph, testApp, type TestApp } from '../helpers';

const DATA_TABLES = ['entity', 'alias', 'claim', 'claim_role', 'relation', 'source', 'span', 'note', 'hub', 'hub_nbr', 'hub_role', 'hub_rel', 'alleged'];

/** Every row of the tables that matter (the derived ones too), as text, to compare states byte for byte. */
function dump(app: TestApp): string {
  return DATA_TABLES.map((t) => JSON.stringify(app.store.db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'hub' ? '1' : '1, 2'}`).all())).join('\n');
}

describe('history, undo and redo', () => {
  it('records one history entry per change, with before and after row images', async () => {
    const app = testApp();
    const person = await app.call('entity.create', { kind: 'person', name: 'Ines Kordal', aliases: [{ name: 'Kordal', kind: 'alias' }] });
    const [entry] = app.store.history(10);
    expect(entry).toMatchObject({ action: 'entity.create', undone: false, changeCount: 3 });
    const raw = app.store.db.prepare('SELECT changes FROM history WHERE id = ?').get(entry!.id) as { changes: string };
    const changes = JSON.parse(raw.changes) as { t: string; b: unknown; a: { id: number } | null }[];
    expect(changes[0]).toMatchObject({ t: 'entity', b: null, a: { id: person.id, name: 'Ines Kordal' } });
  });

  it('undo restores the tables exactly, redo re-applies, for creates, edits and cascading deletes', async () => {
    const app = testApp();
    const seeded = await seedLikeGraph(app);
    const steps: (() => Promise<unknown>)[] = [
      () => app.call('entity.update', { id: seeded.city.id, version: seeded.city.version, patch: { name: 'Reval', description: 'old name' } }),
      () => app.call('alias.add', { entityId: seeded.defector.id, name: 'The Archivist', kind: 'codename' }),
      () => app.call('entity.delete', { id: seeded.service.id, version: seeded.service.version }),
      () => app.call('claim.delete', { id: seeded.denial.id, version: seeded.denial.version }),
    ];
    for (const step of steps) {
      const before = dump(app);
      await step();
      const after = dump(app);
      expect(after).not.toBe(before);
      await app.call('history.undo', {});
      expect(dump(app)).toBe(before);
      await app.call('history.redo', {});
      expect(dump(app)).toBe(after);
    }
  });

  it('undo and redo of an import that links to existing entities restore every table byte for byte', async () => {
    const app = testApp();
    await seedLikeGraph(app);
    const kgb = (app.store.db.prepare("SELECT id FROM entity WHERE name = 'Committee for State Security'").get() as { id: number }).id;
    const before = dump(app);
    const imported = commitImport(app.store, commitArgs({ proposal: handProposal(), decisions: [{ key: 'o1', action: 'link', entityId: kgb }] }));
    const after = dump(app);
    expect(after).not.toBe(before);
    // one entry for the whole import, summarised by what it touched
    expect(app.store.history(1)[0]).toMatchObject({ id: imported.historyId, action: 'import.commit', undone: false, items: expect.arrayContaining([`s:${imported.sourceId}`, `e:${kgb}`]) });
    await app.call('history.undo', {});
    expect(dump(app)).toBe(before);
    await app.call('history.redo', {});
    expect(dump(app)).toBe(after);
    await app.call('history.undo', {});
    expect(dump(app)).toBe(before);
  });

  it('undoes several steps in order and a new change clears the redo stack', async () => {
    const app = testApp();
    const empty = dump(app);
    await app.call('entity.create', { kind: 'person', name: 'A One' });
    await app.call('entity.create', { kind: 'person', name: 'B Two' });
    await app.call('history.undo', {});
    await app.call('history.undo', {});
    expect(dump(app)).toBe(empty);
    expect((await app.call('history.undo', {})).entry).toBeNull();
    await app.call('history.redo', {});
    await app.call('entity.create', { kind: 'person', name: 'C Three' });
    expect((await app.call('history.redo', {})).entry).toBeNull();
    const names = (app.store.db.prepare('SELECT name FROM entity ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['A One', 'C Three']);
  });

  it('history survives reopening the file, and undo works after a restart', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-hist-')), 'inv.skein');
    const first = testApp(path);
    await first.call('entity.create', { kind: 'organization', name: 'Northwind Holdings' });
    first.store.close();
    const store = new GraphStore(path);
    const router = createRouter({ store, appVersion: 'test' });
    expect(store.history(5)[0]).toMatchObject({ action: 'entity.create' });
    await router.call('history.undo', {});
    expect(store.db.prepare('SELECT count(*) AS n FROM entity').get()).toEqual({ n: 0 });
    store.close();
  });

  it('refuses to undo a change whose rows were changed again elsewhere', async () => {
    const app = testApp();
    const person = await app.call('entity.create', { kind: 'person', name: 'Dara Voss' });
    await app.call('entity.update', { id: person.id, version: person.version, patch: { description: 'first' } });
    // another process without history (a bulk tool) edits the same row
    app.store.db.prepare("UPDATE entity SET description = 'edited elsewhere' WHERE id = ?").run(person.id);
    app.store.db.prepare('DELETE FROM temp.change_log').run();
    await expect(app.call('history.undo', {})).rejects.toMatchObject({ code: 'stale' });
    expect((await app.call('entity.get', { id: person.id })).entity.description).toBe('edited elsewhere');
  });

  it('the history table is append-only', async () => {
    const app = testApp();
    await app.call('entity.create', { kind: 'person', name: 'Ola Brandt' });
    expect(() => app.store.db.prepare('DELETE FROM history').run()).toThrow(/append-only/);
    expect(() => app.store.db.prepare("UPDATE history SET summary = 'x'").run()).toThrow(/append-only/);
  });
});
