// 0060: which graph nodes changed, and when, for the expansion page caches of other connections
// (db/queries/graph-page-cache.ts; PERFORMANCE.md S2 and S6).
//
// A hub's expansion page costs tens of ms to compute cold, and every commit of another connection
// (a batch import commits once per article) used to turn every cached page stale. graph_touch
// keeps, per graph node, the sequence number of the last write that could change a page showing
// it, so a reader can ask "which nodes changed since I last looked" and drop only the pages that
// show one of them (or whose ranked lists one of them may have entered, left or moved in).
//
// - node: NODE_KEY(type, id) * 2 + RANK: a row with RANK = 0 says the node itself changed (its row,
//   or an edge at it: a relation, claimant, role, response or span, either end); RANK = 1 says its
//   place in the ranked lists of its neighbours may have changed (importance, merge state, deletion).
//   Every change of an edge touches both of its ends (a role row touches the claim's other role
//   entities too: the alleged edges between them change), and a page only shows edges whose ends
//   are both on the page or known to the canvas: a change of a page's edges touches two of its
//   nodes, and an edge between an untouched node and any other is as it was.
// - seq: 1 + the largest seq at the time of the write (index graph_touch_seq), so a reader reads
//   what changed after the seq it saw with an index range. One row per node: the table never grows
//   beyond two rows per node, and no row is ever deleted by maintenance.
// The triggers are named derived_* (the bench loader drops them during a bulk load, before any
// reader exists). Like the other derived tables, history never records graph_touch; undo and redo
// replay row images through the same triggers, so they touch what they change.
import type { Migration } from './types';

/** Node types in a graph_touch key (shared/graph/ids NodeType order). */
export const TOUCH_TYPE = { entity: 0, claim: 1, source: 2 } as const;

/** The key of a node (no rank bit): id * 8 + type * 2; exported for the reader. */
export const touchKey = (type: keyof typeof TOUCH_TYPE, id: number): number => id * 8 + TOUCH_TYPE[type] * 2;

const key = (type: keyof typeof TOUCH_TYPE, id: string, rank = 0) => `${id} * 8 + ${TOUCH_TYPE[type] * 2 + rank}`;

/** One statement touching each key that is not NULL (an absent claimant, a span without claim …). */
const touch = (keys: string[], when = '1') => `
  INSERT INTO graph_touch (node, seq)
    SELECT k.column1, (SELECT coalesce(max(seq), 0) + 1 FROM graph_touch)
    FROM (VALUES ${keys.map((k) => `(${k})`).join(', ')}) AS k WHERE k.column1 IS NOT NULL AND (${when})
    ON CONFLICT (node) DO UPDATE SET seq = excluded.seq;`;

const relationEnds = (row: string) => [key('entity', `${row}.from_id`), key('entity', `${row}.to_id`)];
const claimLinks = (row: string) => [key('claim', `${row}.id`), key('entity', `${row}.claimant_id`), key('claim', `${row}.responds_to`)];
const roleEnds = (row: string) => [key('claim', `${row}.claim_id`), key('entity', `${row}.entity_id`)];
/** Every role entity of a claim: its alleged edges (between its subjects and objects) changed. */
const roleEntities = (claim: string, when = '1') => `
  INSERT INTO graph_touch (node, seq)
    SELECT ${key('entity', 'r.entity_id')}, (SELECT coalesce(max(seq), 0) + 1 FROM graph_touch) FROM claim_role r
    WHERE r.claim_id = ${claim} AND (${when})
    ON CONFLICT (node) DO UPDATE SET seq = excluded.seq;`;
const spanEnds = (row: string) => [key('source', `${row}.source_id`), key('claim', `${row}.claim_id`), key('entity', `${row}.entity_id`)];

/** Insert, update (of `columns`) and delete triggers of a table whose rows are edges: they touch the row's ends. */
const edgeTriggers = (table: string, columns: string, ends: (row: string) => string[]) => `
CREATE TRIGGER derived_touch_${table}_ai AFTER INSERT ON ${table} BEGIN
  ${touch(ends('new'))}
END;
CREATE TRIGGER derived_touch_${table}_au AFTER UPDATE OF ${columns} ON ${table} BEGIN
  ${touch([...ends('old'), ...ends('new')])}
END;
CREATE TRIGGER derived_touch_${table}_ad AFTER DELETE ON ${table} BEGIN
  ${touch(ends('old'))}
END;`;

export const TOUCH_TRIGGERS = `
CREATE TRIGGER derived_touch_entity_ai AFTER INSERT ON entity BEGIN
  ${touch([key('entity', 'new.id'), key('entity', 'new.id', 1)])}
END;
CREATE TRIGGER derived_touch_entity_au AFTER UPDATE OF id, kind, name, importance, merged_into ON entity BEGIN
  ${touch([key('entity', 'old.id'), key('entity', 'new.id')])}
  ${touch([key('entity', 'old.id', 1), key('entity', 'new.id', 1)],
    'new.importance IS NOT old.importance OR new.merged_into IS NOT old.merged_into OR new.id IS NOT old.id')}
END;
CREATE TRIGGER derived_touch_entity_ad AFTER DELETE ON entity BEGIN
  ${touch([key('entity', 'old.id'), key('entity', 'old.id', 1)])}
END;
${edgeTriggers('relation', 'id, kind, from_id, to_id', relationEnds)}
CREATE TRIGGER derived_touch_claim_ai AFTER INSERT ON claim BEGIN
  ${touch([...claimLinks('new'), key('claim', 'new.id', 1)])}
END;
CREATE TRIGGER derived_touch_claim_au AFTER UPDATE OF id, text, status, stance, credibility, importance, claimant_id, responds_to, predicate ON claim BEGIN
  ${touch([...claimLinks('old'), ...claimLinks('new')])}
  ${touch([key('claim', 'old.id', 1), key('claim', 'new.id', 1)], 'new.importance IS NOT old.importance OR new.id IS NOT old.id')}
  -- the alleged edges between the claim's subjects and objects carry its predicate and stance
  ${roleEntities('new.id', 'new.predicate IS NOT old.predicate OR new.stance IS NOT old.stance')}
END;
CREATE TRIGGER derived_touch_claim_ad AFTER DELETE ON claim BEGIN
  ${touch([...claimLinks('old'), key('claim', 'old.id', 1)])}
END;
-- a role row adds or removes alleged edges to the claim's other role entities: they are touched
-- too, so that every edge that changes touches both its ends
CREATE TRIGGER derived_touch_role_ai AFTER INSERT ON claim_role BEGIN
  ${touch(roleEnds('new'))}
  ${roleEntities('new.claim_id')}
END;
CREATE TRIGGER derived_touch_role_au AFTER UPDATE ON claim_role BEGIN
  ${touch([...roleEnds('old'), ...roleEnds('new')])}
  ${roleEntities('old.claim_id')}
  ${roleEntities('new.claim_id')}
END;
CREATE TRIGGER derived_touch_role_ad AFTER DELETE ON claim_role BEGIN
  ${touch(roleEnds('old'))}
  ${roleEntities('old.claim_id')}
END;
${edgeTriggers('span', 'id, source_id, entity_id, claim_id', spanEnds)}
CREATE TRIGGER derived_touch_source_ai AFTER INSERT ON source BEGIN
  ${touch([key('source', 'new.id')])}
END;
CREATE TRIGGER derived_touch_source_au AFTER UPDATE OF id, kind, title, reliability ON source BEGIN
  ${touch([key('source', 'old.id'), key('source', 'new.id')])}
END;
CREATE TRIGGER derived_touch_source_ad AFTER DELETE ON source BEGIN
  ${touch([key('source', 'old.id')])}
END;
`;

export const migration0060: Migration = {
  version: 60,
  name: 'graph-touch',
  up: `
CREATE TABLE graph_touch (
  node INTEGER PRIMARY KEY, -- (id * 8 + type * 2) + rank bit, see above
  seq INTEGER NOT NULL
) STRICT;
CREATE INDEX graph_touch_seq ON graph_touch(seq);
${TOUCH_TRIGGERS}
`,
};
