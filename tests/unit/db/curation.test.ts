import { describe, expect, it } from 'vitest';
import { addSpan, createSource } from '../../../db/queries/sources';
import { seedLikeGraph, testApp, type TestApp } from '../helpers';

const TABLES = ['entity', 'alias', 'claim', 'claim_role', 'relation', 'source', 'span', 'note', 'merge', 'not_duplicate'];
const dump = (app: TestApp) => TABLES.map((t) => JSON.stringify(app.store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())).join('\n');

async function withDuplicate() {
  const app = testApp();
  const seeded = await seedLikeGraph(app);
  // the extractor made a second "Quell" from a later article, with its own claim and mention
  const quell = await app.call('entity.create', { kind: 'person', name: 'Quell', aliases: [{ name: 'Minister Quell', kind: 'alias' }] });
  const claim = await app.call('claim.create', {
    text: 'Quell met the KGB resident in 1990.', claimantId: seeded.defector.id, stance: 'asserts', predicate: 'met_with',
    roles: [{ entityId: quell.id, role: 'subject' }, { entityId: seeded.service.id, role: 'object' }],
  });
  const relation = await app.call('relation.create', { kind: 'associate_of', fromId: quell.id, toId: seeded.city.id });
  const span = app.store.write({ action: 'test', summary: 'source' }, (db) => {
    const source = createSource(db, { kind: 'article', title: 'Later piece', text: 'Quell met the KGB resident in 1990.' });
    return addSpan(db, source.id, 0, 5, { entityId: quell.id });
  }).value;
  return { app, ...seeded, quell, claim, relation, span };
}

describe('merge and unmerge', () => {
  it('moves aliases, mentions, claims and relations to the survivor and keeps the merged entity redirected', async () => {
    const { app, minister, quell, claim, relation, span } = await withDuplicate();
    const survivor = await app.call('entity.merge', { survivorId: minister.id, mergedIds: [quell.id], name: 'Marta Quell' });
    expect(survivor.name).toBe('Marta Quell');
    const detail = await app.call('entity.get', { id: minister.id });
    expect(detail.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(['Marta Quell', 'Heron', 'Quell', 'Minister Quell']));
    expect(detail.claimsAbout.map((c) => c.id)).toContain(claim.id);
    expect(detail.relations.map((r) => r.id)).toContain(relation.id);
    expect(detail.sources[0]).toMatchObject({ mentions: 1 });
    expect(detail.merged).toEqual([expect.objectContaining({ id: quell.id, name: 'Quell' })]);
    expect((await app.call('entity.get', { id: quell.id })).entity.mergedInto).toBe(minister.id);
    expect(app.store.db.prepare('SELECT entity_id FROM span WHERE id = ?').get(span.id)).toEqual({ entity_id: minister.id });
  });

  it('unmerges at any later time, even after other changes, moving exactly that back', async () => {
    const { app, minister, quell, claim, relation, span, city } = await withDuplicate();
    await app.call('entity.merge', { survivorId: minister.id, mergedIds: [quell.id], name: null });
    await app.call('entity.update', { id: city.id, version: city.version, patch: { description: 'capital' } });
    const restored = await app.call('entity.unmerge', { id: quell.id });
    expect(restored.mergedInto).toBeNull();
    const back = await app.call('entity.get', { id: quell.id });
    expect(back.aliases.map((a) => [a.name, a.kind])).toEqual(expect.arrayContaining([['Quell', 'name'], ['Minister Quell', 'alias']]));
    expect(back.claimsAbout.map((c) => c.id)).toEqual([claim.id]);
    expect(back.relations.map((r) => r.id)).toEqual([relation.id]);
    expect(app.store.db.prepare('SELECT entity_id FROM span WHERE id = ?').get(span.id)).toEqual({ entity_id: quell.id });
    const survivor = await app.call('entity.get', { id: minister.id });
    expect(survivor.aliases.map((a) => a.name)).not.toContain('Quell');
    expect(survivor.merged).toEqual([]);
    expect((await app.call('entity.get', { id: city.id })).entity.description).toBe('capital');
  });

  it('undo of a merge restores every table byte for byte', async () => {
    const { app, minister, quell } = await withDuplicate();
    const before = dump(app);
    await app.call('entity.merge', { survivorId: minister.id, mergedIds: [quell.id], name: 'M. Quell' });
    expect(dump(app)).not.toBe(before);
    await app.call('history.undo', {});
    expect(dump(app)).toBe(before);
  });

  it('refuses to merge an entity twice or into itself', async () => {
    const { app, minister, quell } = await withDuplicate();
    await expect(app.call('entity.merge', { survivorId: minister.id, mergedIds: [minister.id], name: null })).rejects.toThrow(/two different/);
    await app.call('entity.merge', { survivorId: minister.id, mergedIds: [quell.id], name: null });
    await expect(app.call('entity.merge', { survivorId: minister.id, mergedIds: [quell.id], name: null })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('duplicate suggestions', () => {
  it('offers surname, transliteration and shared-codename pairs, and forgets pairs marked different', async () => {
    const { app, quell, minister, defector } = await withDuplicate();
    const cyrillic = await app.call('entity.create', { kind: 'person', name: 'Олег Варнавин' });
    const cover = await app.call('entity.create', { kind: 'person', name: 'Unknown agent', aliases: [{ name: 'Heron', kind: 'codename' }] });
    const { pairs } = await app.call('entity.duplicates', {});
    const has = (x: number, y: number) => pairs.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join());
    expect(has(quell.id, minister.id)?.reason).toMatch(/surname/);
    expect(has(defector.id, cyrillic.id)?.reason).toMatch(/another spelling|same name/);
    expect(has(minister.id, cover.id)?.reason).toMatch(/codename "Heron"/);
    await app.call('entity.notDuplicate', { a: minister.id, b: quell.id });
    const after = await app.call('entity.duplicates', {});
    expect(after.pairs.some((p) => [p.a.id, p.b.id].includes(quell.id) && [p.a.id, p.b.id].includes(minister.id))).toBe(false);
  });
});

describe('edits and grades', () => {
  it('edits a claim (status, credibility, roles) and undo restores it', async () => {
    const app = testApp();
    const { allegation, city } = await seedLikeGraph(app);
    const before = dump(app);
    const edited = await app.call('claim.update', {
      id: allegation.id, version: allegation.version,
      patch: { status: 'disputed', credibility: 5, roles: [...allegation.roles, { entityId: city.id, role: 'object' }] },
    });
    expect(edited).toMatchObject({ status: 'disputed', credibility: 5, version: allegation.version + 1 });
    expect(edited.roles).toContainEqual({ entityId: city.id, role: 'object' });
    await expect(app.call('claim.update', { id: allegation.id, version: allegation.version, patch: { status: 'refuted' } }))
      .rejects.toMatchObject({ code: 'stale' });
    await app.call('history.undo', {});
    expect(dump(app)).toBe(before);
  });

  it('rejects grades outside Admiralty scales and keeps ungraded distinct from F/6', async () => {
    const app = testApp();
    const { allegation } = await seedLikeGraph(app);
    await expect(app.router.call('claim.update', { id: allegation.id, version: 1, patch: { credibility: 7 } })).rejects.toMatchObject({ code: 'invalid_arguments' });
    const source = app.store.write({ action: 't', summary: 't' }, (db) => createSource(db, { kind: 'article', title: 'T', text: 'text' })).value;
    await expect(app.router.call('source.update', { id: source.id, version: 1, patch: { reliability: 'G' } })).rejects.toMatchObject({ code: 'invalid_arguments' });
    const graded = await app.call('source.update', { id: source.id, version: 1, patch: { reliability: 'F', title: 'Tabloid' } });
    expect(graded).toMatchObject({ reliability: 'F', title: 'Tabloid' });
    const ungraded = await app.call('source.update', { id: source.id, version: graded.version, patch: { reliability: null } });
    expect(ungraded.reliability).toBeNull();
  });

  it('edits a relation and refuses a loop or an end before its start', async () => {
    const app = testApp();
    const { membership, defector } = await seedLikeGraph(app);
    const edited = await app.call('relation.update', { id: membership.id, version: membership.version, patch: { start: '1985', end: '1991' } });
    expect(edited).toMatchObject({ start: '1985', end: '1991' });
    await expect(app.call('relation.update', { id: membership.id, version: edited.version, patch: { toId: defector.id } })).rejects.toThrow(/two different/);
    await expect(app.call('relation.update', { id: membership.id, version: edited.version, patch: { end: '1980' } })).rejects.toThrow(/before it starts/);
  });

  it('explains what deleting an entity would change', async () => {
    const app = testApp();
    const { service } = await seedLikeGraph(app);
    expect(await app.call('entity.usage', { id: service.id })).toEqual({ claimsBy: 0, claimRoles: 1, relations: 1 });
  });
});

describe('notes', () => {
  it('stores Markdown as text on any item, edits with versions, and finds it by search', async () => {
    const app = testApp();
    const { minister } = await seedLikeGraph(app);
    const note = await app.call('note.add', { target: 'entity', targetId: minister.id, body: '<script>alert(1)</script> **Check** the 1989 files' });
    expect(note.body).toBe('<script>alert(1)</script> **Check** the 1989 files');
    const edited = await app.call('note.update', { id: note.id, version: note.version, body: 'Check the archive in Riga' });
    await expect(app.call('note.update', { id: note.id, version: note.version, body: 'x' })).rejects.toMatchObject({ code: 'stale' });
    expect((await app.call('entity.get', { id: minister.id })).notes).toEqual([edited]);
    const { hits } = await app.call('search.query', { q: 'archive riga' });
    expect(hits).toContainEqual(expect.objectContaining({ nodeId: `e:${minister.id}`, match: 'Note: Check the archive in Riga' }));
    await app.call('note.delete', { id: note.id, version: edited.version });
    expect((await app.call('note.list', { target: 'entity', targetId: minister.id })).notes).toEqual([]);
  });
});
