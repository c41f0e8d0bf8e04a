// Test helpers: an in-memory investigation behind the real router.
import { GraphStore } from '../../db/store';
import { createRouter, type Router } from '../../electron/router';
import type { Args, Method, Result } from '../../shared/api/contract';
import type { SqliteDb } from '../../db/open';
import { TEMP_TABLES } from '../../db/queries/graph-edges';

export interface TestApp {
  store: GraphStore;
  router: Router;
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
}

export function testApp(path = ':memory:'): TestApp {
  const store = new GraphStore(path);
  const router = createRouter({ store, appVersion: '0.0.0-test' });
  return {
    store,
    router,
    call: async <M extends Method>(method: M, args: Args<M>) => (await router.call(method, args)) as Result<M>,
  };
}

/**
 * What `dump` reads after `backfill` rebuilds derived tables from the base tables: computed in a
 * savepoint and rolled back, so the database is left as it was.
 */
export function recomputed(db: SqliteDb, backfill: string, dump: (db: SqliteDb) => string): string {
  db.exec('SAVEPOINT recompute');
  try {
    db.exec(backfill);
    return dump(db);
  } finally {
    db.exec('ROLLBACK TO recompute; RELEASE recompute');
  }
}

/**
 * Runs `steps` one by one, then undoes and redoes them all, calling `check` after every step, undo and
 * redo (derived tables must stay exact whichever way a change arrives).
 */
export async function throughHistory(app: TestApp, steps: (() => unknown)[], check: () => void): Promise<void> {
  for (const step of steps) {
    await step();
    check();
  }
  for (let i = 0; i < steps.length; i++) {
    await app.call('history.undo', {});
    check();
  }
  for (let i = 0; i < steps.length; i++) {
    await app.call('history.redo', {});
    check();
  }
}

/** A small fictional investigation: a defector alleges a minister was recruited; the minister denies it. */
export async function seedLikeGraph(app: TestApp) {
  const defector = await app.call('entity.create', { kind: 'person', name: 'Oleg Varnavin', aliases: [{ name: 'Варнавин', kind: 'transliteration' }] });
  const minister = await app.call('entity.create', { kind: 'person', name: 'Marta Quell', aliases: [{ name: 'Heron', kind: 'codename' }] });
  const service = await app.call('entity.create', { kind: 'organization', name: 'Committee for State Security', aliases: [{ name: 'KGB', kind: 'abbreviation' }] });
  const city = await app.call('entity.create', { kind: 'place', name: 'Tallinn' });
  const membership = await app.call('relation.create', { kind: 'member_of', fromId: defector.id, toId: service.id });
  const allegation = await app.call('claim.create', {
    text: 'Marta Quell was recruited by the KGB in 1989.', claimantId: defector.id, stance: 'asserts',
    predicate: 'recruited_by', aboutTime: '1989', madeOn: '2024-05-02', evidenceOffered: 'none',
    roles: [{ entityId: minister.id, role: 'subject' }, { entityId: service.id, role: 'object' }],
  });
  const denial = await app.call('claim.create', {
    text: 'Marta Quell denies she was ever recruited.', claimantId: minister.id, stance: 'denies', respondsTo: allegation.id,
    roles: [{ entityId: minister.id, role: 'subject' }],
  });
  return { defector, minister, service, city, membership, allegation, denial };
}

/** seedLikeGraph plus an organization "Hub Holdings" and 40 people "Member 0…39" for it to link to. */
export async function seedWithHub(app: TestApp) {
  const seeded = await seedLikeGraph(app);
  const hub = await app.call('entity.create', { kind: 'organization', name: 'Hub Holdings' });
  const others: number[] = [];
  for (let i = 0; i < 40; i++) others.push((await app.call('entity.create', { kind: 'person', name: `Member ${i}` })).id);
  return { seeded, hub, others };
}

/**
 * An empty investigation in memory (with the expansion's temp id sets) for EXPLAIN QUERY PLAN
 * checks of the hot queries: `plan` gives the plan's lines of `sql` as the code runs it.
 */
export function planDb(): { plan(sql: string, params?: unknown[] | Record<string, unknown>): string[]; close(): void } {
  const store = GraphStore.memory();
  const db = store.db;
  for (const table of TEMP_TABLES) db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY)`);
  const plan = (sql: string, params: unknown[] | Record<string, unknown> = []) => {
    const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const rows = (Array.isArray(params) ? statement.all(...params) : statement.all(params)) as { detail: string }[];
    return rows.map((r) => r.detail);
  };
  return { plan, close: () => store.close() };
}
