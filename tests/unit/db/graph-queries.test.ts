// The tuned graph and search queries keep their semantics: ranked, capped and paged neighbourhoods
// around a hub, the same induced edges whether a node is scanned or probed, search ranked by the
// stored importance over any word and script, and merged entities never returned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import type { SqliteDb } from '../../../db/open';
import { edgesAmong, neighborhood } from '../../../db/queries/graph';
import { searchEntities } from '../../../db/queries/search';
import { createEntity } from '../../../db/queries/entities';
import { createRelation } from '../../../db/queries/relations';
import { createClaim } from '../../../db/queries/claims';

let store: GraphStore;
let db: SqliteDb;

beforeEach(() => {
  store = new GraphStore(':memory:', { history: false });
  db = store.db;
});
afterEach(() => store.close());

// data sizes from the former walk/FTS split of typeahead: a dense prefix past 3,000 better-ranked aliases
const WALK = 3000;
const DENSE = 1500;

function person(name: string, importance = 0, aliases: { name: string; kind: 'alias' | 'transliteration' | 'codename' }[] = []): number {
  const id = createEntity(db, { kind: 'person', name, aliases }).id;
  setImportance(id, importance);
  return id;
}

function setImportance(id: number, importance: number): void {
  db.prepare('UPDATE entity SET importance = ? WHERE id = ?').run(importance, id);
  db.prepare('UPDATE alias SET importance = ? WHERE entity_id = ?').run(importance, id);
}

function relate(from: number, to: number): number {
  return createRelation(db, { kind: 'associate_of', fromId: from, toId: to, start: null, end: null, claimId: null }).id;
}

function hubWithNeighbours(count: number): { hub: number; neighbours: number[] } {
  const hub = person('Hub Central');
  const neighbours = Array.from({ length: count }, (_, i) => person(`Neighbour ${String(i).padStart(3, '0')}`, (i * 7) % count));
  for (const n of neighbours) relate(hub, n);
  return { hub, neighbours };
}

describe('neighbourhood', () => {
  it('ranks neighbours by importance, caps each group and pages with nextOffset', () => {
    const { hub, neighbours } = hubWithNeighbours(30);
    const byRank = [...neighbours].sort((a, b) => importanceOf(b) - importanceOf(a) || a - b).map((id) => `e:${id}`);
    const first = neighborhood(db, `e:${hub}`, { known: [], limit: 10, offset: 0 });
    expect(first.nodes.slice(1).map((n) => n.id)).toEqual(byRank.slice(0, 10));
    expect(first.more).toEqual([{ edgeType: 'relation', count: 20 }]);
    expect(first.nextOffset).toBe(10);
    expect(first.total).toBe(30);
    const second = neighborhood(db, `e:${hub}`, { known: first.nodes.map((n) => n.id), limit: 10, offset: 10 });
    expect(second.nodes.slice(1).map((n) => n.id)).toEqual(byRank.slice(10, 20));
    const last = neighborhood(db, `e:${hub}`, { known: [], limit: 10, offset: 20 });
    expect(last.nextOffset).toBeNull();
    expect(last.more).toEqual([]);
  });

  it('returns edges among the new nodes, the centre and known nodes, from a hub that is probed', () => {
    const { hub, neighbours } = hubWithNeighbours(30);
    const [a, b, c] = neighbours as [number, number, number];
    const ab = relate(a, b);
    const outsider = person('Outsider', 1);
    relate(outsider, c);
    setImportance(hub, 1_000_000); // far above the set size: its edges are probed, not scanned
    const result = neighborhood(db, `e:${hub}`, { known: [`e:${outsider}`], limit: 50, offset: 0 });
    const ids = new Set(result.edges.map((e) => e.id));
    expect(ids.has(`r:${ab}`)).toBe(true);
    expect(result.edges.filter((e) => e.type === 'relation' && e.source === `e:${hub}`)).toHaveLength(30);
    expect(result.edges.some((e) => e.source === `e:${outsider}` && e.target === `e:${c}`)).toBe(true);
  });

  it('finds the same edges whether nodes are scanned or probed', () => {
    const { hub, neighbours } = hubWithNeighbours(12);
    const [a, b] = neighbours as [number, number];
    relate(a, b);
    const claim = createClaim(db, {
      text: 'A says B paid the hub.', claimantId: a, claimantLabel: null, stance: 'asserts', predicate: 'paid', madeOn: null,
      aboutTime: null, status: 'unverified', credibility: null, evidenceOffered: null, respondsTo: null,
      roles: [{ entityId: b, role: 'subject' }, { entityId: hub, role: 'object' }],
    });
    const ids = [`e:${hub}`, ...neighbours.map((n) => `e:${n}`), `c:${claim.id}`];
    const key = (edges: { id: string }[]) => edges.map((e) => e.id).sort();
    const scanned = key(edgesAmong(db, ids));
    for (const id of [hub, a, b]) setImportance(id, 1_000_000);
    expect(key(edgesAmong(db, ids))).toEqual(scanned);
    expect(scanned).toEqual(expect.arrayContaining([`al:${claim.id}:${b}:${hub}`, `cl:${claim.id}`, `ro:${claim.id}:${b}:subject`]));
    // the alleged edge needs no claim on the canvas
    expect(key(edgesAmong(db, [`e:${hub}`, `e:${b}`]))).toContain(`al:${claim.id}:${b}:${hub}`);
  });

  it('never returns a merged entity', () => {
    const { hub, neighbours } = hubWithNeighbours(5);
    db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?').run(neighbours[1], neighbours[0]);
    const result = neighborhood(db, `e:${hub}`, { known: [], limit: 50, offset: 0 });
    expect(result.nodes.map((n) => n.id)).not.toContain(`e:${neighbours[0]}`);
    expect(result.nodes).toHaveLength(5);
  });
});

function importanceOf(id: number): number {
  return (db.prepare('SELECT importance FROM entity WHERE id = ?').get(id) as { importance: number }).importance;
}

describe('search', () => {
  it('ranks by stored importance, matches any word and other scripts, one hit per entity', () => {
    const low = person('Ivan Krasnov', 5, [{ name: 'Краснов', kind: 'transliteration' }]);
    const high = person('Olga Krasnova', 50);
    const mid = person('Pavel Kramer', 10, [{ name: 'Krammer', kind: 'alias' }]);
    person('Anna Volkova', 100);
    const ids = (q: string, limit = 20) => searchEntities(db, q, limit).map((h) => h.nodeId);
    expect(ids('kra')).toEqual([`e:${high}`, `e:${mid}`, `e:${low}`]);
    expect(ids('Крас')).toEqual([`e:${high}`, `e:${low}`]);
    expect(ids('ivan kr')).toEqual([`e:${low}`]);
    expect(ids('k')).toEqual([`e:${high}`, `e:${mid}`, `e:${low}`]);
    // the importance walk (enough hits) and the FTS path (too few) agree on the order
    expect(ids('kra', 2)).toEqual([`e:${high}`, `e:${mid}`]);
    expect(searchEntities(db, 'Краснов', 20).map((h) => h.label)).toEqual(['Olga Krasnova', 'Ivan Krasnov']);
    expect(searchEntities(db, 'kramm', 20)[0]).toMatchObject({ label: 'Pavel Kramer', match: 'Krammer', type: 'entity' });
  });

  it('finds matches beyond the walk and never a merged entity', () => {
    const insert = db.prepare("INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, ?, 0, 0)");
    const alias = db.prepare("INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, 'name', ?)");
    db.transaction(() => {
      for (let i = 0; i < WALK + 50; i++) {
        const id = Number(insert.run(`u${i}`, `Filler ${i}`, 1000 + i).lastInsertRowid);
        alias.run(id, `Filler ${i}`, `filler ${i}`, 1000 + i);
      }
    })();
    const rare = person('Zoltan Rare', 1);
    const merged = person('Zoltan Merged', 2);
    db.prepare('UPDATE entity SET merged_into = ? WHERE id = ?').run(rare, merged);
    expect(searchEntities(db, 'zol', 20).map((h) => h.nodeId)).toEqual([`e:${rare}`]);
    expect(searchEntities(db, 'fil', 3).map((h) => h.label)).toEqual([`Filler ${WALK + 49}`, `Filler ${WALK + 48}`, `Filler ${WALK + 47}`]);
  });

  it('a dense prefix past the first walk and a one-letter word next to a rare one rank exactly', () => {
    const insert = db.prepare("INSERT INTO entity (uid, kind, name, importance, created_at, updated_at) VALUES (?, 'person', ?, ?, 0, 0)");
    const alias = db.prepare("INSERT INTO alias (entity_id, name, norm, kind, importance) VALUES (?, ?, ?, 'name', ?)");
    const add = (name: string, importance: number) => {
      const id = Number(insert.run(`u-${name}`, name, importance).lastInsertRowid);
      alias.run(id, name, name.toLowerCase(), importance);
      return id;
    };
    db.transaction(() => {
      for (let i = 0; i < WALK + 10; i++) add(`Filler ${i}`, 400 + (i % 50)); // above every match: the first walk finds none
      for (let i = 0; i < DENSE + 100; i++) add(`Abel ${i}`, i % 300);
    })();
    const expected = (db.prepare(`SELECT name FROM alias WHERE norm LIKE 'abel %' ORDER BY importance DESC, norm, id LIMIT 5`).all() as { name: string }[]).map((r) => r.name);
    expect(searchEntities(db, 'abe', 5).map((h) => h.label)).toEqual(expected);
    const rare = person('Zoltan Rare', 1);
    person('Zoltan Other', 2);
    expect(searchEntities(db, 'zoltan r', 20).map((h) => h.nodeId)).toEqual([`e:${rare}`]);
    expect(searchEntities(db, 'r zol', 20).map((h) => h.nodeId)).toEqual([`e:${rare}`]);
  });
});
