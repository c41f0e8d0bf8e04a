import { describe, expect, it } from 'vitest';
import { addSpan, createSource } from '../../../db/queries/sources';
import { nodeId } from '../../../shared/graph/ids';
import { seedLikeGraph, testApp } from '../helpers';

const e = (id: number) => nodeId('entity', id);
const c = (id: number) => nodeId('claim', id);

describe('paths', () => {
  it('finds the path between two people through a claim, and loses it when denied claims are excluded', async () => {
    const app = testApp();
    const { defector, minister, allegation, denial } = await seedLikeGraph(app);
    const open = await app.call('path.find', { from: e(defector.id), to: e(minister.id) });
    expect(open.paths[0]!.nodes).toEqual([e(defector.id), c(allegation.id), e(minister.id)]);
    expect(open.paths[0]!.edges.map((edge) => edge.type)).toEqual(['claimant', 'role']);
    expect(open.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([e(defector.id), c(allegation.id), e(minister.id)]));

    // make the only link a denial: the defector denies something about the minister
    await app.call('claim.update', { id: allegation.id, version: allegation.version, patch: { stance: 'denies' } });
    const strict = await app.call('path.find', { from: e(defector.id), to: e(minister.id), filter: { excludeStances: ['denies'] } });
    expect(strict.paths.some((p) => p.nodes.includes(c(allegation.id)))).toBe(false);
    expect(strict.paths.some((p) => p.nodes.includes(c(denial.id)))).toBe(false);
  });

  it('can leave out claims that someone denied', async () => {
    const app = testApp();
    const { defector, minister, allegation } = await seedLikeGraph(app);
    // the only link is the allegation, and the minister's denial answers it
    const open = await app.call('path.find', { from: e(defector.id), to: e(minister.id) });
    expect(open.paths.some((p) => p.nodes.includes(c(allegation.id)))).toBe(true);
    const strict = await app.call('path.find', { from: e(defector.id), to: e(minister.id), filter: { excludeDenied: true } });
    expect(strict.paths.some((p) => p.nodes.includes(c(allegation.id)))).toBe(false);
  });

  it('returns several paths: all shortest ones, then detours around them', async () => {
    const app = testApp();
    const mk = (name: string) => app.call('entity.create', { kind: 'person', name });
    const [a, b, x, y, z] = await Promise.all(['Ana A', 'Ben B', 'Xia X', 'Yul Y', 'Zed Z'].map(mk));
    for (const [from, to] of [[a, x], [x, b], [a, y], [y, b], [a, z]] as const) {
      await app.call('relation.create', { kind: 'associate_of', fromId: from!.id, toId: to!.id });
    }
    await app.call('relation.create', { kind: 'associate_of', fromId: z!.id, toId: x!.id });
    const { paths } = await app.call('path.find', { from: e(a!.id), to: e(b!.id), maxPaths: 5 });
    const routes = paths.map((p) => p.nodes.join('>'));
    expect(routes).toEqual(expect.arrayContaining([
      [a, x, b].map((n) => e(n!.id)).join('>'),
      [a, y, b].map((n) => e(n!.id)).join('>'),
    ]));
    expect(paths.every((p) => p.edges.length === p.nodes.length - 1)).toBe(true);
  });

  it('respects the hop limit and source reliability', async () => {
    const app = testApp();
    const { defector, minister, allegation } = await seedLikeGraph(app);
    const oneHop = await app.call('path.find', { from: e(defector.id), to: e(minister.id), maxHops: 1 });
    expect(oneHop.paths).toEqual([]);
    app.store.write({ action: 't', summary: 't' }, (db) => {
      const source = createSource(db, { kind: 'article', title: 'Tabloid', text: 'A story.', reliability: 'E' });
      addSpan(db, source.id, 0, 8, { claimId: allegation.id });
    });
    const graded = await app.call('path.find', { from: e(defector.id), to: e(minister.id), filter: { minReliability: 'C' } });
    expect(graded.paths.some((p) => p.nodes.includes(c(allegation.id)))).toBe(false);
  });

  it('explains bad requests', async () => {
    const app = testApp();
    const { defector } = await seedLikeGraph(app);
    await expect(app.call('path.find', { from: e(defector.id), to: e(defector.id) })).rejects.toThrow(/two different/);
    await expect(app.call('path.find', { from: e(defector.id), to: 'e:999' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('saved views', () => {
  it('saves and restores what the canvas shows, per name', async () => {
    const app = testApp();
    const view = { nodeIds: ['e:1', 'c:2'], positions: { 'e:1': { x: 10, y: -4 } }, pinned: ['e:1'], layout: 'concentric' };
    await app.call('view.save', { view });
    await app.call('view.save', { name: 'Working theory', view: { nodeIds: ['e:3'] } });
    expect((await app.call('view.get', {})).view).toMatchObject(view);
    expect((await app.call('view.list', {})).names).toEqual(['Working theory', 'last']);
    expect((await app.call('view.get', { name: 'missing' })).view).toBeNull();
    await expect(app.router.call('view.save', { view: { nodeIds: ['DROP TABLE'] } })).rejects.toMatchObject({ code: 'invalid_arguments' });
  });
});

describe('claim facts', () => {
  it('answers the dates and grades of many claims in one call, skipping ids that do not exist', async () => {
    const app = testApp();
    const { allegation, denial } = await seedLikeGraph(app);
    const { facts } = await app.call('claim.facts', { ids: [allegation.id, denial.id, 999] });
    expect(facts).toEqual(expect.arrayContaining([
      { id: allegation.id, status: 'unverified', stance: 'asserts', credibility: null, madeOn: '2024-05-02', aboutTime: '1989' },
      expect.objectContaining({ id: denial.id, stance: 'denies' }),
    ]));
    expect(facts).toHaveLength(2);
    await expect(app.router.call('claim.facts', { ids: Array.from({ length: 5001 }, (_, i) => i + 1) })).rejects.toMatchObject({ code: 'invalid_arguments' });
  });
});
