import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { seedLikeGraph, testApp } from '../helpers';

function tableCounts(app: ReturnType<typeof testApp>) {
  return app.store.db.prepare(`SELECT
    (SELECT count(*) FROM entity) AS e, (SELECT count(*) FROM alias) AS a, (SELECT count(*) FROM claim) AS c,
    (SELECT count(*) FROM relation) AS r, (SELECT count(*) FROM history) AS h`).get();
}

describe('router', () => {
  it('creates entities and finds them by a prefix of an alias in another script', async () => {
    const app = testApp();
    const { defector } = await seedLikeGraph(app);
    const { hits } = await app.call('search.query', { q: 'варн' });
    expect(hits[0]).toMatchObject({ nodeId: `e:${defector.id}`, type: 'entity', label: 'Oleg Varnavin' });
    const byCodename = await app.call('search.query', { q: 'hero' });
    expect(byCodename.hits[0]).toMatchObject({ label: 'Marta Quell', match: 'Heron' });
  });

  it('rejects unknown methods, wrong types, missing fields and oversized strings, changing nothing', async () => {
    const app = testApp();
    await seedLikeGraph(app);
    const before = tableCounts(app);
    await expect(app.router.call('entity.explode', {})).rejects.toMatchObject({ code: 'unknown_method' });
    await expect(app.router.call('entity.create', { kind: 'person' })).rejects.toThrow(/name/);
    await expect(app.router.call('entity.create', { kind: 'wizard', name: 'X' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(app.router.call('entity.create', { kind: 'person', name: 'x'.repeat(501) })).rejects.toThrow(/at most 500/);
    await expect(app.router.call('entity.create', { kind: 'person', name: 'X', extra: 1 })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(app.router.call('graph.neighborhood', { id: 'drop table' })).rejects.toThrow(/node id/);
    await expect(app.router.call('relation.create', { kind: 'member_of', fromId: 1, toId: 999 })).rejects.toMatchObject({ code: 'not_found' });
    expect(tableCounts(app)).toEqual(before);
  });

  it('refuses a stale edit and keeps the newer value', async () => {
    const app = testApp();
    const { city } = await seedLikeGraph(app);
    await app.call('entity.update', { id: city.id, version: city.version, patch: { name: 'Tallinn (Reval)' } });
    await expect(app.call('entity.update', { id: city.id, version: city.version, patch: { name: 'Reval' } })).rejects.toMatchObject({ code: 'stale' });
    const detail = await app.call('entity.get', { id: city.id });
    expect(detail.entity.name).toBe('Tallinn (Reval)');
    expect(detail.aliases.map((a) => a.name)).toContain('Tallinn');
  });

  it('errors are ApiErrors with a readable message, never a stack trace', async () => {
    const app = testApp();
    const error = await app.router.call('entity.get', { id: 42 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('No entity with id 42');
  });
});

describe('contract', () => {
  it('every declared method has exactly one handler', async () => {
    const { missingHandlers, mergeHandlers } = await import('../../../electron/router');
    // export.saveAs needs the native save dialog: only the desktop transport registers it
    // (electron/desktop-handlers.ts, tested in tests/unit/export-ui); browser mode downloads instead.
    expect(missingHandlers()).toEqual(['export.saveAs']);
    expect(() => mergeHandlers([{ 'stats.get': () => ({}) as never }, { 'stats.get': () => ({}) as never }])).toThrow(/defined twice/);
  });
});
