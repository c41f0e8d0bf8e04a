// Items made from a selection in the source reader carry the selection as their span.
import { describe, expect, it } from 'vitest';
import { createSource } from '../../../db/queries/sources';
import { testApp } from '../helpers';

const TEXT = 'Vera Lind told the council that Harbour Works Ltd paid her brother in 2019.';

function withSource() {
  const app = testApp();
  const source = app.store.write({ action: 't', summary: 't' }, (db) => createSource(db, { kind: 'article', title: 'Council row', text: TEXT })).value;
  return { app, source };
}

describe('creating from a selection', () => {
  it('saves the span with the new entity, alias, claim and relation, in one undoable change each', async () => {
    const { app, source } = withSource();
    const vera = await app.call('entity.create', { kind: 'person', name: 'Vera Lind', span: { sourceId: source.id, start: 0, end: 9 } });
    const firm = await app.call('entity.create', { kind: 'organization', name: 'Harbour Works', span: { sourceId: source.id, start: 32, end: 45 } });
    await app.call('alias.add', { entityId: firm.id, name: 'Harbour Works Ltd', kind: 'alias', span: { sourceId: source.id, start: 32, end: 49 } });
    const claim = await app.call('claim.create', { text: TEXT, claimantId: vera.id, span: { sourceId: source.id, start: 0, end: TEXT.length } });
    await app.call('relation.create', { kind: 'associate_of', fromId: vera.id, toId: firm.id, span: { sourceId: source.id, start: 0, end: 49 } });
    expect((await app.call('entity.get', { id: vera.id })).sources).toEqual([expect.objectContaining({ mentions: 1 })]);
    expect((await app.call('entity.get', { id: firm.id })).sources).toEqual([expect.objectContaining({ mentions: 2 })]);
    const detail = await app.call('claim.get', { id: claim.id });
    expect(detail.spans).toEqual([expect.objectContaining({ exact: TEXT, sourceTitle: 'Council row' })]);
    const spans = (await app.call('source.get', { id: source.id })).spans;
    expect(spans.map((s) => [s.target, s.exact])).toEqual(expect.arrayContaining([['relation', 'Vera Lind told the council that Harbour Works Ltd']]));
    await app.call('history.undo', {});
    expect((await app.call('source.get', { id: source.id })).spans.some((s) => s.target === 'relation')).toBe(false);
  });

  it('refuses a span outside the source, and then creates nothing', async () => {
    const { app, source } = withSource();
    await expect(app.call('entity.create', { kind: 'person', name: 'Ghost', span: { sourceId: source.id, start: 10, end: 5000 } })).rejects.toThrow(/inside the source/);
    await expect(app.router.call('entity.create', { kind: 'person', name: 'Ghost', span: { sourceId: source.id, start: 9, end: 3 } })).rejects.toThrow(/ends after it starts/);
    await expect(app.call('entity.create', { kind: 'person', name: 'Ghost', span: { sourceId: 999, start: 0, end: 3 } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await app.call('search.query', { q: 'ghost' })).hits).toEqual([]);
  });
});
