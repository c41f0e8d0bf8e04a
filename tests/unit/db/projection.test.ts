import { describe, expect, it } from 'vitest';
import { addSpan, createSource } from '../../../db/queries/sources';
import { nodeId } from '../../../shared/graph/ids';
import { seedLikeGraph, testApp } from '../helpers';

const TEXT = 'Oleg Varnavin alleges that Marta Quell was recruited by the KGB in 1989. Quell denied it.';

async function graphWithSource() {
  const app = testApp();
  const seeded = await seedLikeGraph(app);
  const source = app.store.write({ action: 'test', summary: 'source' }, (db) => {
    const created = createSource(db, { kind: 'article', title: 'Defector speaks', text: TEXT });
    addSpan(db, created.id, 0, 72, { claimId: seeded.allegation.id });
    addSpan(db, created.id, 0, 13, { entityId: seeded.defector.id });
    return created;
  }).value;
  return { app, ...seeded, source };
}

describe('graph projection', () => {
  it('projects entities, claims and sources into typed nodes', async () => {
    const { app, minister, allegation, source } = await graphWithSource();
    const ids = [nodeId('entity', minister.id), nodeId('claim', allegation.id), nodeId('source', source.id)];
    const { nodes } = await app.call('graph.nodes', { ids });
    expect(nodes).toEqual([
      expect.objectContaining({ id: ids[0], type: 'entity', kind: 'person', label: 'Marta Quell' }),
      expect.objectContaining({ id: ids[1], type: 'claim', kind: 'claim', status: 'unverified', stance: 'asserts' }),
      expect.objectContaining({ id: ids[2], type: 'source', kind: 'article', label: 'Defector speaks', reliability: null }),
    ]);
  });

  it('draws claimant, role, reported-in, denial and the derived alleged edge', async () => {
    const { app, defector, minister, service, allegation, denial, source } = await graphWithSource();
    const ids = [defector, minister, service].map((e) => nodeId('entity', e.id))
      .concat([nodeId('claim', allegation.id), nodeId('claim', denial.id), nodeId('source', source.id)]);
    const { edges } = await app.call('graph.edgesAmong', { ids });
    const byType = (type: string) => edges.filter((e) => e.type === type);
    expect(byType('relation')).toEqual([expect.objectContaining({ source: ids[0], target: ids[2], relationKind: 'member_of' })]);
    expect(byType('claimant')).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: ids[0], target: ids[3], stance: 'asserts' }),
      expect.objectContaining({ source: ids[1], target: ids[4], stance: 'denies' }),
    ]));
    expect(byType('role').map((e) => [e.source, e.target, e.role])).toEqual(expect.arrayContaining([
      [ids[3], ids[1], 'subject'], [ids[3], ids[2], 'object'], [ids[4], ids[1], 'subject'],
    ]));
    expect(byType('responds_to')).toEqual([expect.objectContaining({ source: ids[4], target: ids[3], label: 'denies' })]);
    expect(byType('reported_in')).toEqual([expect.objectContaining({ source: ids[3], target: ids[5] })]);
    // the allegation's subject → object, never a relation: an allegation must not look like a fact
    expect(byType('alleged')).toEqual([
      expect.objectContaining({ source: ids[1], target: ids[2], claimId: allegation.id, label: 'alleged: recruited by' }),
    ]);
  });

  it('draws the alleged edge between subject and object even when the claim is not on the canvas', async () => {
    const { app, minister, service } = await graphWithSource();
    const { edges } = await app.call('graph.edgesAmong', { ids: [nodeId('entity', minister.id), nodeId('entity', service.id)] });
    expect(edges.map((e) => e.type)).toEqual(['alleged']);
  });

  it('expands a neighbourhood with its edges, and reports what the cap left out', async () => {
    const { app, minister, allegation, denial } = await graphWithSource();
    const result = await app.call('graph.neighborhood', { id: nodeId('entity', minister.id) });
    expect(result.nodes.map((n) => n.id).sort()).toEqual([nodeId('claim', allegation.id), nodeId('claim', denial.id), nodeId('entity', minister.id)].sort());
    expect(result.edges.every((e) => result.nodes.some((n) => n.id === e.source) && result.nodes.some((n) => n.id === e.target))).toBe(true);
    expect(result.nextOffset).toBeNull();
    const capped = await app.call('graph.neighborhood', { id: nodeId('entity', minister.id), limit: 1 });
    // one per edge group: the claim the minister made, and the highest-ranked claim about her
    expect(capped.nodes.map((n) => n.id).sort()).toEqual([nodeId('claim', allegation.id), nodeId('claim', denial.id), nodeId('entity', minister.id)].sort());
    expect(capped.more).toEqual([{ edgeType: 'role', count: 1 }]);
    expect(capped.nextOffset).toBe(1);
  });

  it('hides merged entities from search and the canvas', async () => {
    const { app, minister, defector } = await graphWithSource();
    app.store.db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?').run(defector.id, minister.id);
    expect((await app.call('graph.nodes', { ids: [nodeId('entity', minister.id)] })).nodes).toEqual([]);
    expect((await app.call('search.query', { q: 'quell' })).hits.filter((h) => h.type === 'entity')).toEqual([]);
  });
});
