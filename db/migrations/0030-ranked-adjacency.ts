// 0030: derived structures for expansion at 1M entities (PERFORMANCE.md S2). Every table here is a
// pure function of the recorded tables (entity, relation, claim, claim_role), kept exact by
// triggers, so every writer (queries, import commit, snapshot import, undo/redo replaying row
// images) maintains them without knowing they exist, and history never records them.
//
// - hub / hub_nbr / hub_role: for high-degree entities only, the distinct neighbours (relations,
//   either direction) and the claims they have a role in, keyed by the other end's importance, so a
//   hub's ranked page is an index range read instead of 25k entity lookups and a sort. Only hubs get
//   lists: keeping a neighbour's importance in the list costs one row per hub it touches, never one
//   per neighbour of a hub (which is what denormalising importance onto every relation would cost).
//   An entity becomes a hub at importance ≥ 500 and stops at < 250 (hysteresis: no churn at the edge).
// - hub_rel: the relations whose both ends are hubs (a few thousand), so the edges among the hubs of
//   an expansion (the densest part of a hub's page: ~1.7k parallel relations among 17 hubs) are one
//   small range read instead of pair probes that each fetch a row of the 2M-row relation table.
// - alleged: the (subject, object, claim) pairs behind the derived alleged edge, so the edges step
//   probes or scans them like relations instead of self-joining claim_role (18k rows per hub).
// - claim_claimant_rank replaces claim_claimant: a hub's claims in rank order straight from the index.
import type { Migration } from './types';

export const HUB_ENTER = 500;
export const HUB_LEAVE = 250;

/** A hub's lists from the base tables (used on promotion and for the backfill). */
const fill = (hub: string) => `
  INSERT INTO hub_nbr (hub_id, other_id, importance, n)
    SELECT ${hub}, r.other, e.importance, r.n FROM (
      SELECT other, count(*) AS n FROM (
        SELECT to_id AS other FROM relation WHERE from_id = ${hub} UNION ALL SELECT from_id FROM relation WHERE to_id = ${hub}
      ) GROUP BY other) AS r
    CROSS JOIN entity e ON e.id = r.other;
  INSERT INTO hub_role (hub_id, claim_id, importance, n)
    SELECT ${hub}, r.claim_id, c.importance, r.n FROM (
      SELECT claim_id, count(*) AS n FROM claim_role WHERE entity_id = ${hub} GROUP BY claim_id) AS r
    CROSS JOIN claim c ON c.id = r.claim_id;
  INSERT INTO hub_rel (id, from_id, to_id, kind)
    SELECT r.id, r.from_id, r.to_id, r.kind FROM relation r WHERE r.from_id = ${hub} AND EXISTS (SELECT 1 FROM hub g WHERE g.id = r.to_id)
    UNION ALL
    SELECT r.id, r.from_id, r.to_id, r.kind FROM relation r WHERE r.to_id = ${hub} AND EXISTS (SELECT 1 FROM hub g WHERE g.id = r.from_id);`;

const hubRelAdd = `
  INSERT INTO hub_rel (id, from_id, to_id, kind) SELECT new.id, new.from_id, new.to_id, new.kind
    WHERE EXISTS (SELECT 1 FROM hub WHERE id = new.from_id) AND EXISTS (SELECT 1 FROM hub WHERE id = new.to_id);`;

const nbrAdd = (hub: string, other: string) => `
  INSERT INTO hub_nbr (hub_id, other_id, importance, n)
    SELECT ${hub}, ${other}, coalesce((SELECT importance FROM entity WHERE id = ${other}), 0), 1
    WHERE EXISTS (SELECT 1 FROM hub WHERE id = ${hub})
    ON CONFLICT (hub_id, other_id) DO UPDATE SET n = n + 1;`;
const nbrRemove = (hub: string, other: string) => `
  UPDATE hub_nbr SET n = n - 1 WHERE hub_id = ${hub} AND other_id = ${other};
  DELETE FROM hub_nbr WHERE hub_id = ${hub} AND other_id = ${other} AND n <= 0;`;
const roleAdd = (row: string) => `
  INSERT INTO hub_role (hub_id, claim_id, importance, n)
    SELECT ${row}.entity_id, ${row}.claim_id, coalesce((SELECT importance FROM claim WHERE id = ${row}.claim_id), 0), 1
    WHERE EXISTS (SELECT 1 FROM hub WHERE id = ${row}.entity_id)
    ON CONFLICT (hub_id, claim_id) DO UPDATE SET n = n + 1;
  INSERT OR IGNORE INTO alleged (subject_id, object_id, claim_id)
    SELECT ${row}.entity_id, o.entity_id, ${row}.claim_id FROM claim_role o
    WHERE ${row}.role = 'subject' AND o.claim_id = ${row}.claim_id AND o.role = 'object' AND o.entity_id <> ${row}.entity_id;
  INSERT OR IGNORE INTO alleged (subject_id, object_id, claim_id)
    SELECT s.entity_id, ${row}.entity_id, ${row}.claim_id FROM claim_role s
    WHERE ${row}.role = 'object' AND s.claim_id = ${row}.claim_id AND s.role = 'subject' AND s.entity_id <> ${row}.entity_id;`;
const roleRemove = (row: string) => `
  UPDATE hub_role SET n = n - 1 WHERE hub_id = ${row}.entity_id AND claim_id = ${row}.claim_id;
  DELETE FROM hub_role WHERE hub_id = ${row}.entity_id AND claim_id = ${row}.claim_id AND n <= 0;
  DELETE FROM alleged WHERE claim_id = ${row}.claim_id AND ${row}.role = 'subject' AND subject_id = ${row}.entity_id;
  DELETE FROM alleged WHERE claim_id = ${row}.claim_id AND ${row}.role = 'object' AND object_id = ${row}.entity_id;`;

/** The maintenance triggers (named derived_*; the bench loader drops them during a bulk load). */
export const DERIVED_TRIGGERS = `
CREATE TRIGGER derived_entity_ai AFTER INSERT ON entity BEGIN
  UPDATE hub_nbr SET importance = new.importance WHERE other_id = new.id;
END;
CREATE TRIGGER derived_entity_ai_hub AFTER INSERT ON entity WHEN new.importance >= ${HUB_ENTER} BEGIN
  INSERT INTO hub (id) VALUES (new.id);
  ${fill('new.id')}
END;
CREATE TRIGGER derived_entity_importance AFTER UPDATE OF importance ON entity WHEN new.importance IS NOT old.importance BEGIN
  UPDATE hub_nbr SET importance = new.importance WHERE other_id = new.id;
END;
CREATE TRIGGER derived_hub_enter AFTER UPDATE OF importance ON entity
WHEN new.importance >= ${HUB_ENTER} AND NOT EXISTS (SELECT 1 FROM hub WHERE id = new.id) BEGIN
  INSERT INTO hub (id) VALUES (new.id);
  ${fill('new.id')}
END;
CREATE TRIGGER derived_hub_leave AFTER UPDATE OF importance ON entity
WHEN new.importance < ${HUB_LEAVE} AND EXISTS (SELECT 1 FROM hub WHERE id = new.id) BEGIN
  DELETE FROM hub_rel WHERE from_id = new.id;
  DELETE FROM hub_rel WHERE to_id = new.id;
  DELETE FROM hub_nbr WHERE hub_id = new.id;
  DELETE FROM hub_role WHERE hub_id = new.id;
  DELETE FROM hub WHERE id = new.id;
END;
CREATE TRIGGER derived_entity_ad AFTER DELETE ON entity BEGIN
  DELETE FROM hub_rel WHERE from_id = old.id;
  DELETE FROM hub_rel WHERE to_id = old.id;
  DELETE FROM hub_nbr WHERE hub_id = old.id;
  DELETE FROM hub_role WHERE hub_id = old.id;
  DELETE FROM hub WHERE id = old.id;
END;
CREATE TRIGGER derived_relation_ai AFTER INSERT ON relation BEGIN
  ${hubRelAdd}
  ${nbrAdd('new.from_id', 'new.to_id')}
  ${nbrAdd('new.to_id', 'new.from_id')}
END;
CREATE TRIGGER derived_relation_ad AFTER DELETE ON relation BEGIN
  DELETE FROM hub_rel WHERE id = old.id;
  ${nbrRemove('old.from_id', 'old.to_id')}
  ${nbrRemove('old.to_id', 'old.from_id')}
END;
CREATE TRIGGER derived_relation_au AFTER UPDATE OF from_id, to_id ON relation BEGIN
  ${nbrRemove('old.from_id', 'old.to_id')}
  ${nbrRemove('old.to_id', 'old.from_id')}
  ${nbrAdd('new.from_id', 'new.to_id')}
  ${nbrAdd('new.to_id', 'new.from_id')}
END;
CREATE TRIGGER derived_relation_au_rel AFTER UPDATE OF from_id, to_id, kind ON relation BEGIN
  DELETE FROM hub_rel WHERE id = old.id;
  ${hubRelAdd}
END;
CREATE TRIGGER derived_claim_ai AFTER INSERT ON claim BEGIN
  UPDATE hub_role SET importance = new.importance WHERE claim_id = new.id;
END;
CREATE TRIGGER derived_claim_importance AFTER UPDATE OF importance ON claim WHEN new.importance IS NOT old.importance BEGIN
  UPDATE hub_role SET importance = new.importance WHERE claim_id = new.id;
END;
CREATE TRIGGER derived_role_ai AFTER INSERT ON claim_role BEGIN
  ${roleAdd('new')}
END;
CREATE TRIGGER derived_role_ad AFTER DELETE ON claim_role BEGIN
  ${roleRemove('old')}
END;
CREATE TRIGGER derived_role_au AFTER UPDATE ON claim_role BEGIN
  ${roleRemove('old')}
  ${roleAdd('new')}
END;
`;

/** Fills the derived tables from the base tables (migration of a populated file, bulk loads). */
export const DERIVED_BACKFILL = `
DELETE FROM hub_nbr; DELETE FROM hub_role; DELETE FROM hub_rel; DELETE FROM hub; DELETE FROM alleged;
INSERT INTO hub (id) SELECT id FROM entity WHERE importance >= ${HUB_ENTER};
INSERT INTO hub_nbr (hub_id, other_id, importance, n)
  SELECT r.hub, r.other, e.importance, r.n FROM (
    SELECT hub, other, count(*) AS n FROM (
      SELECT h.id AS hub, r.to_id AS other FROM hub h CROSS JOIN relation r ON r.from_id = h.id
      UNION ALL SELECT h.id, r.from_id FROM hub h CROSS JOIN relation r ON r.to_id = h.id
    ) GROUP BY hub, other) AS r
  CROSS JOIN entity e ON e.id = r.other;
INSERT INTO hub_role (hub_id, claim_id, importance, n)
  SELECT r.hub, r.claim_id, c.importance, r.n FROM (
    SELECT h.id AS hub, cr.claim_id, count(*) AS n FROM hub h CROSS JOIN claim_role cr ON cr.entity_id = h.id GROUP BY h.id, cr.claim_id
  ) AS r CROSS JOIN claim c ON c.id = r.claim_id;
INSERT INTO hub_rel (id, from_id, to_id, kind)
  SELECT r.id, r.from_id, r.to_id, r.kind FROM hub h CROSS JOIN relation r ON r.from_id = h.id
  WHERE EXISTS (SELECT 1 FROM hub g WHERE g.id = r.to_id);
INSERT OR IGNORE INTO alleged (subject_id, object_id, claim_id)
  SELECT s.entity_id, o.entity_id, s.claim_id FROM claim_role s
  CROSS JOIN claim_role o ON o.claim_id = s.claim_id AND o.role = 'object'
  WHERE s.role = 'subject' AND o.entity_id <> s.entity_id;
`;

export const migration0030: Migration = {
  version: 30,
  name: 'ranked-adjacency',
  up: `
CREATE TABLE hub (id INTEGER PRIMARY KEY) STRICT;
CREATE TABLE hub_nbr (
  hub_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL,
  importance REAL NOT NULL, -- = entity.importance of other_id (trigger-maintained)
  n INTEGER NOT NULL,       -- relations between the two, either direction
  PRIMARY KEY (hub_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hub_nbr_rank ON hub_nbr(hub_id, importance DESC, other_id);
CREATE INDEX hub_nbr_other ON hub_nbr(other_id);
CREATE TABLE hub_role (
  hub_id INTEGER NOT NULL,
  claim_id INTEGER NOT NULL,
  importance REAL NOT NULL, -- = claim.importance (trigger-maintained)
  n INTEGER NOT NULL,       -- role rows of the hub in that claim (subject and object: 2)
  PRIMARY KEY (hub_id, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hub_role_rank ON hub_role(hub_id, importance DESC, claim_id);
CREATE INDEX hub_role_claim ON hub_role(claim_id);
CREATE TABLE hub_rel (
  id INTEGER PRIMARY KEY, -- = relation.id; a copy of the relation row's graph fields
  from_id INTEGER NOT NULL,
  to_id INTEGER NOT NULL,
  kind TEXT NOT NULL
) STRICT;
CREATE INDEX hub_rel_from ON hub_rel(from_id, to_id);
CREATE INDEX hub_rel_to ON hub_rel(to_id);
CREATE TABLE alleged (
  subject_id INTEGER NOT NULL,
  object_id INTEGER NOT NULL,
  claim_id INTEGER NOT NULL,
  PRIMARY KEY (subject_id, object_id, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX alleged_object ON alleged(object_id, subject_id);
CREATE INDEX alleged_claim ON alleged(claim_id);
DROP INDEX claim_claimant;
CREATE INDEX claim_claimant_rank ON claim(claimant_id, importance DESC, id) WHERE claimant_id IS NOT NULL;
${DERIVED_BACKFILL}
${DERIVED_TRIGGERS}
`,
};
