// Cached expansion pages across connections (graph-page-cache.ts with migration 0060's graph_touch):
// a reader's cached pages always equal a fresh computation after every kind of write committed by
// another connection (inserts, deletes, merges and unmerges, importance changes of nodes on and off
// the pages, label edits, claim status, stance and predicate edits, spans, source grades) and
// through undo and redo; and a commit that cannot change a page leaves that very page cached.
import { describe, expect, it } from 'vitest';
import { neighborhood, type NeighborhoodOptions } from '../../../db/queries/graph';
import { SUSPECT_LIMIT } from '../../../db/queries/graph-page-touch';
import { throughHistory } from '../helpers';
import { expectExact, freshPage, investigation, seed, specsOf } from './page-fixtures';

type Investigation = ReturnType<typeof investigation>;

/** The hub's least important entity neighbour: on its one full page (limit 500), below its first page. */
const hubsLast = ({ fresh }: Investigation, hub: number) =>
  freshPage(fresh.db, `e:${hub}`, { known: [], limit: 500, offset: 0 }).nodes.filter((n) => n.type === 'entity').at(-1)!;

/** Commits, from the app's connection, an entity's importance rising to `importance`. */
const rise = ({ app }: Investigation, entity: string, importance: number) =>
  app.store.write({ action: 'test.raw', summary: 'rise' }, (w) => w.prepare('UPDATE entity SET importance = ? WHERE id = ?').run(importance, Number(entity.slice(2))));

describe('cached pages across connections (migration 0060)', () => {
  it('equal a fresh computation after every kind of write by another connection, and through undo and redo', async () => {
    const { app, reader, fresh } = investigation();
    const s = seed(app);
    const specs = specsOf(fresh.db, s);
    for (const [center, options] of specs) expect(neighborhood(reader.db, center, options).nodes.length, center).toBeGreaterThanOrEqual(100);
    expectExact(reader.db, fresh.db, specs);
    const version = async (id: number) => (await app.call('entity.get', { id })).entity.version;
    const claimVersion = async (id: number) => (await app.call('claim.get', { id })).claim.version;
    const raw = (summary: string, sql: string, ...args: unknown[]) => () =>
      app.store.write({ action: 'test.raw', summary }, (w) => w.prepare(sql).run(...args));
    const [p, c] = [s.people, s.claims];
    const lowest = (center: string, options: NeighborhoodOptions) => freshPage(fresh.db, center, options).nodes.filter((n) => n.type === 'entity').at(-1)!.id;
    const offPage = Number(lowest(`e:${s.hub}`, specs[1]![1]).slice(2)); // on the "show more" page, not the first
    const steps: (() => unknown)[] = [
      // a neighbour off the first page rises into it; a claim off the first page does too
      raw('rise', 'UPDATE entity SET importance = 1000 WHERE id = ?', offPage),
      raw('claim rise', 'UPDATE claim SET importance = 500 WHERE id = ?', c[109]),
      // one falls out of the first page (the page's lowest rank moves in)
      raw('fall', 'UPDATE entity SET importance = 0 WHERE id = ?', p[9]),
      // one off every page but the full one moves, staying below the first page's last row
      raw('move below', 'UPDATE entity SET importance = 0.25 WHERE id = ?', p[0]),
      async () => app.call('entity.update', { id: p[3]!, version: await version(p[3]!), patch: { name: 'Renamed Person' } }),
      () => app.call('relation.create', { kind: 'met_with', fromId: p[10]!, toId: p[200]! }),
      () => app.call('relation.create', { kind: 'met_with', fromId: s.hub, toId: p[17]! }),
      async () => app.call('claim.update', { id: c[4]!, version: await claimVersion(c[4]!), patch: { status: 'disputed', stance: 'denies' } }),
      async () => app.call('claim.update', { id: c[5]!, version: await claimVersion(c[5]!), patch: { predicate: 'financed', text: 'Claim five, reworded' } }),
      raw('alleged label', "UPDATE claim SET predicate = 'bribed', stance = 'denies' WHERE id = ?", s.side),
      // a role alone adds an alleged edge to the claim's other role entity, and takes it away
      raw('alleged by a role', "INSERT INTO claim_role (claim_id, entity_id, role) VALUES (?, ?, 'subject')", s.side, p[4]),
      raw('role gone', 'DELETE FROM claim_role WHERE claim_id = ? AND entity_id = ?', s.side, p[0]),
      async () => app.call('claim.update', { id: c[6]!, version: await claimVersion(c[6]!), patch: { roles: [{ entityId: p[50]!, role: 'subject' }, { entityId: p[51]!, role: 'object' }] } }),
      () => app.call('claim.create', {
        text: 'The hub paid Person 12.', claimantId: p[13]!, stance: 'asserts', predicate: 'paid', respondsTo: c[0]!,
        roles: [{ entityId: s.hub, role: 'subject' }, { entityId: p[12]!, role: 'object' }],
      }),
      () => app.call('entity.merge', { survivorId: p[20]!, mergedIds: [p[21]!, p[22]!] }),
      () => app.call('entity.unmerge', { id: p[22]! }),
      // merge state alone (its relations stay): it leaves the lists, then comes back into the full page's
      raw('merged away', 'UPDATE entity SET merged_into = ? WHERE id = ?', p[31], p[30]),
      raw('back', 'UPDATE entity SET merged_into = NULL WHERE id = ?', p[30]),
      async () => app.call('claim.delete', { id: c[7]!, version: await claimVersion(c[7]!) }),
      raw('span', 'INSERT INTO span (source_id, start, "end", exact, claim_id) VALUES (?, 5000, 5005, ?, ?)', s.source, 'x', c[8]),
      raw('no span', 'DELETE FROM span WHERE claim_id = ? AND source_id = ?', c[9], s.source),
      async () => app.call('source.grade', { id: s.source, version: (await app.call('source.get', { id: s.source })).source.version, reliability: 'B' }),
      raw('role entity rises', 'UPDATE entity SET importance = 700 WHERE id = ?', p[150]),
      raw('relation deleted', 'DELETE FROM relation WHERE from_id = ? AND to_id = ?', s.hub, p[1]),
      raw('far away', "UPDATE entity SET name = 'Far Renamed' WHERE id = ?", s.farPeople[3]),
    ];
    await throughHistory(app, steps, () => expectExact(reader.db, fresh.db, specs));
  });

  it('keep a page that a commit elsewhere cannot change, and drop the ones it can', async () => {
    const inv = investigation();
    const { app, reader, fresh } = inv;
    const s = seed(app);
    const specs = specsOf(fresh.db, s);
    const pages = () => specs.map(([center, options]) => neighborhood(reader.db, center, options));
    const before = pages();
    pages().forEach((page, i) => expect(page).toBe(before[i]));
    // an article-like commit around the far hub only: a new person, a relation, a claim and a role
    await app.call('entity.create', { kind: 'person', name: 'Newcomer' });
    const far = s.farPeople;
    await app.call('relation.create', { kind: 'met_with', fromId: far[1]!, toId: far[2]! });
    await app.call('claim.create', { text: 'Far 1 met Far 2.', claimantId: far[4]!, roles: [{ entityId: far[1]!, role: 'subject' }] });
    let after = pages();
    for (let i = 0; i < 5; i++) expect(after[i], String(specs[i]![0])).toBe(before[i]);
    expect(after[5]).not.toBe(before[5]);
    expectExact(reader.db, fresh.db, specs);
    // a node of the hub's first page renamed and linked: that page is patched (its other edges are
    // the very same objects)
    const patched = pages();
    const shown = patched[0]!.nodes.filter((n) => n.type === 'entity' && n.id !== `e:${s.hub}`).slice(0, 2).map((n) => Number(n.id.slice(2)));
    app.store.write({ action: 'test.raw', summary: 'rename and link' }, (w) => {
      w.prepare("UPDATE entity SET name = 'Shown Renamed' WHERE id = ?").run(shown[0]);
      w.prepare("INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES ('link', 'met_with', ?, ?, 0, 0)").run(shown[0], shown[1]);
    });
    after = pages();
    expect(after[0]).not.toBe(patched[0]);
    expect(after[0]!.nodes.find((n) => n.id === `e:${shown[0]}`)!.label).toBe('Shown Renamed');
    const untouched = patched[0]!.edges.find((e) => ![e.source, e.target].some((end) => shown.some((id) => end === `e:${id}`)))!;
    expect(after[0]!.edges.find((e) => e.id === untouched.id)).toBe(untouched);
    expect(after[5]).toBe(patched[5]);
    expectExact(reader.db, fresh.db, specs);
    // a rank change next to the hub (importance of a neighbour off every hub page but the full one)
    const kept = pages();
    const last = hubsLast(inv, s.hub);
    app.store.write({ action: 'test.raw', summary: 'rank' }, (w) => w.prepare('UPDATE entity SET importance = importance + 0.5 WHERE id = ?').run(Number(last.id.slice(2))));
    after = pages();
    expect(after[2]).not.toBe(kept[2]); // it shows that neighbour
    expect(after[0]).toBe(kept[0]); // a first page: the neighbour stays below its last row
    expect(after[1]).not.toBe(kept[1]); // a later page: ranks before it may have moved
    expect(after[5]).toBe(kept[5]);
    expectExact(reader.db, fresh.db, specs);
    // the same neighbour rising above the first page's last row gets in
    rise(inv, last.id, 95);
    expect(neighborhood(reader.db, specs[0]![0], specs[0]![1]).nodes.some((n) => n.id === last.id)).toBe(true);
    expectExact(reader.db, fresh.db, specs);
  });

  it('reads a page\'s lists again when more nodes changed rank than it tests one by one', () => {
    const inv = investigation();
    const { app, reader, fresh } = inv;
    const s = seed(app);
    const specs = specsOf(fresh.db, s);
    for (const [center, options] of specs) neighborhood(reader.db, center, options);
    const last = hubsLast(inv, s.hub);
    // a batch's worth of rank changes elsewhere, and one neighbour of the hub rising into its first page
    app.store.write({ action: 'test.raw', summary: 'many ranks' }, (w) => {
      const add = w.prepare("INSERT INTO entity (uid, kind, name, description, origin, created_at, updated_at) VALUES (?, 'person', ?, '', 'extracted', 0, 0)");
      for (let i = 0; i <= SUSPECT_LIMIT; i++) add.run(`filler-${i}`, `Filler ${i}`);
      w.prepare("UPDATE entity SET importance = 3 WHERE name LIKE 'Filler %'").run();
    });
    rise(inv, last.id, 95);
    expect(neighborhood(reader.db, specs[0]![0], specs[0]![1]).nodes.some((n) => n.id === last.id)).toBe(true);
    expectExact(reader.db, fresh.db, specs);
  });

  it('drops every page when the change log cannot be trusted', () => {
    const { app, reader, fresh } = investigation();
    const s = seed(app);
    const specs = specsOf(fresh.db, s);
    const page = () => neighborhood(reader.db, specs[5]![0], specs[5]![1]);
    const first = page();
    app.store.write({ action: 'test.raw', summary: 'reset' }, (w) => {
      w.prepare("UPDATE entity SET name = 'Unseen' WHERE id = ?").run(s.farPeople[0]);
      w.prepare('DELETE FROM graph_touch').run(); // whoever empties the log: nothing says what changed
    });
    const second = page();
    expect(second).not.toBe(first);
    expect(second.nodes.some((n) => n.label === 'Unseen')).toBe(true);
    expectExact(reader.db, fresh.db, specs);
  });
});
