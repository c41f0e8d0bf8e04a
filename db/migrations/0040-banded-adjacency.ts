// 0040: banded adjacency for the edges step of an expansion (PERFORMANCE.md S2). Like 0030, a pure
// function of the recorded tables (entity, relation, claim and, through 0030's `alleged`, claim_role),
// kept exact by triggers named derived_* and never recorded in history.
//
// The induced edges among a hub's page (~200 entities, most of them of high degree themselves) were
// found by reading every adjacency of every node (22k index entries and ~700 wide relation rows for
// ~3k edges). An edge between two nodes is found just as well from its less important end, if that
// end can read its neighbours that are at least as important as itself without reading the others:
// - band_member: entities with importance ≥ BAND_ENTER (leaving below BAND_LEAVE: no churn at the
//   edge). Any other entity has a small degree (importance is degree-based) and is scanned as before.
//   It keeps the member's number of relations: a hub's page counts them for "show more" (24k index
//   entries otherwise).
// - band_adj: every relation and alleged pair of a member, keyed by the member, then by the BAND of
//   the other end's importance (half-octaves: a band changes only when an importance grows or shrinks
//   by ~40 %, so keeping it current costs a few rows per change, never a row per change of a hub's
//   degree). A member reads the rows at or above its own band: the upward part of its adjacency.
//   Rows carry what the edge needs (relation kind, alleged predicate and stance), so no wide
//   relation or claim row is fetched.
import type { Migration } from './types';

export const BAND_ENTER = 16;
export const BAND_LEAVE = 8;

/**
 * Band boundaries: round(2^(k/2)) from BAND_LEAVE (8) up to 2^24 (integers only: no math functions
 * needed). Everything below a member's lowest importance is band 0: the low-degree entities, whose
 * importance changes most often, never move a row.
 */
const BAND_STEPS = [...new Set(Array.from({ length: 43 }, (_, k) => Math.round(2 ** ((k + 6) / 2))))];

/** The band of an importance, as SQL: the number of boundaries at or below it (monotone in x). */
export function bandSql(x: string): string {
  return `(${BAND_STEPS.map((step) => `(${x} >= ${step})`).join(' + ')})`;
}

/** Row kinds: which edge the row stands for, and which of its ends owns the row. */
export const BAND_KIND = { relationFrom: 0, relationTo: 1, allegedSubject: 2, allegedObject: 3 } as const;

const importanceOf = (id: string) => `coalesce((SELECT importance FROM entity WHERE id = ${id}), 0)`;
const member = (id: string) => `EXISTS (SELECT 1 FROM band_member WHERE id = ${id})`;
const relationCount = (id: string) => `(SELECT count(*) FROM relation WHERE from_id = ${id}) + (SELECT count(*) FROM relation WHERE to_id = ${id})`;
const countRelation = (row: string, delta: string) => `
  UPDATE band_member SET relations = relations ${delta} 1 WHERE id = ${row}.from_id;
  UPDATE band_member SET relations = relations ${delta} 1 WHERE id = ${row}.to_id;`;

/** Rows of one relation (`row`: new/old) for whichever of its ends are members. */
const relationAdd = (row: string) => `
  INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
    SELECT ${row}.from_id, ${bandSql('i.v')}, ${row}.to_id, ${BAND_KIND.relationFrom}, ${row}.id, ${row}.kind, NULL
    FROM (SELECT ${importanceOf(`${row}.to_id`)} AS v) AS i WHERE ${member(`${row}.from_id`)};
  INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
    SELECT ${row}.to_id, ${bandSql('i.v')}, ${row}.from_id, ${BAND_KIND.relationTo}, ${row}.id, ${row}.kind, NULL
    FROM (SELECT ${importanceOf(`${row}.from_id`)} AS v) AS i WHERE ${member(`${row}.to_id`)};`;
/**
 * The band a row of `other` has: that of its current importance (the rows follow every change).
 * Statements name it so that they reach a row by its whole primary key: a trigger cannot say
 * INDEXED BY, and the planner otherwise walks the owner's list (a hub's: 24k rows) for one row.
 */
const bandOf = (other: string) => `(SELECT ${bandSql('i.v')} FROM (SELECT ${importanceOf(other)} AS v) AS i)`;
const relationRemove = (row: string) => `
  DELETE FROM band_adj WHERE owner_id = ${row}.from_id AND band = ${bandOf(`${row}.to_id`)} AND other_id = ${row}.to_id
    AND kind = ${BAND_KIND.relationFrom} AND ref_id = ${row}.id;
  DELETE FROM band_adj WHERE owner_id = ${row}.to_id AND band = ${bandOf(`${row}.from_id`)} AND other_id = ${row}.from_id
    AND kind = ${BAND_KIND.relationTo} AND ref_id = ${row}.id;`;

/** A member's rows from the base tables (on promotion; nothing unless `when` holds). */
const fill = (id: string, when = member(id)) => `
  INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
    SELECT ${id}, ${bandSql('coalesce(e.importance, 0)')}, r.to_id, ${BAND_KIND.relationFrom}, r.id, r.kind, NULL
      FROM relation r LEFT JOIN entity e ON e.id = r.to_id WHERE r.from_id = ${id} AND ${when}
    UNION ALL
    SELECT ${id}, ${bandSql('coalesce(e.importance, 0)')}, r.from_id, ${BAND_KIND.relationTo}, r.id, r.kind, NULL
      FROM relation r LEFT JOIN entity e ON e.id = r.from_id WHERE r.to_id = ${id} AND ${when}
    UNION ALL
    SELECT ${id}, ${bandSql('coalesce(e.importance, 0)')}, a.object_id, ${BAND_KIND.allegedSubject}, a.claim_id, c.predicate, c.stance
      FROM alleged a LEFT JOIN entity e ON e.id = a.object_id LEFT JOIN claim c ON c.id = a.claim_id
      WHERE a.subject_id = ${id} AND ${when}
    UNION ALL
    SELECT ${id}, ${bandSql('coalesce(e.importance, 0)')}, a.subject_id, ${BAND_KIND.allegedObject}, a.claim_id, c.predicate, c.stance
      FROM alleged a INDEXED BY alleged_object LEFT JOIN entity e ON e.id = a.subject_id LEFT JOIN claim c ON c.id = a.claim_id
      WHERE a.object_id = ${id} AND ${when};`;

const drop = (id: string) => `
  DELETE FROM band_adj WHERE owner_id = ${id};
  DELETE FROM band_member WHERE id = ${id};`;

const allegedRemove = `
  DELETE FROM band_adj WHERE owner_id = old.subject_id AND band = ${bandOf('old.object_id')} AND other_id = old.object_id
    AND kind = ${BAND_KIND.allegedSubject} AND ref_id = old.claim_id;
  DELETE FROM band_adj WHERE owner_id = old.object_id AND band = ${bandOf('old.subject_id')} AND other_id = old.subject_id
    AND kind = ${BAND_KIND.allegedObject} AND ref_id = old.claim_id;`;
const claimUpdate = `
  UPDATE band_adj SET label = new.predicate, stance = new.stance
    WHERE (owner_id, band, other_id, kind, ref_id) IN (
      SELECT a.subject_id, ${bandSql('coalesce(e.importance, 0)')}, a.object_id, ${BAND_KIND.allegedSubject}, a.claim_id
        FROM alleged a LEFT JOIN entity e ON e.id = a.object_id WHERE a.claim_id = new.id);
  UPDATE band_adj SET label = new.predicate, stance = new.stance
    WHERE (owner_id, band, other_id, kind, ref_id) IN (
      SELECT a.object_id, ${bandSql('coalesce(e.importance, 0)')}, a.subject_id, ${BAND_KIND.allegedObject}, a.claim_id
        FROM alleged a LEFT JOIN entity e ON e.id = a.subject_id WHERE a.claim_id = new.id);`;

/** The statements that reach single rows, exported for the query-plan test (with old./new. values). */
export const BAND_ROW_SQL = { relationRemove: relationRemove('old'), allegedRemove, claimUpdate } as const;

/** The maintenance triggers (named derived_*: the bench loader drops them during a bulk load). */
export const BAND_TRIGGERS = `
CREATE TRIGGER derived_band_entity_ai AFTER INSERT ON entity BEGIN
  UPDATE band_adj SET band = ${bandSql('new.importance')} WHERE other_id = new.id;
  INSERT INTO band_member (id, relations) SELECT new.id, ${relationCount('new.id')} WHERE new.importance >= ${BAND_ENTER};
  ${fill('new.id')}
END;
-- one trigger for the band, joining and leaving: importance changes on every write that touches an
-- entity, and each trigger fired costs a sub-program run even when its WHEN is false
CREATE TRIGGER derived_band_importance AFTER UPDATE OF importance ON entity WHEN new.importance IS NOT old.importance BEGIN
  UPDATE band_adj SET band = ${bandSql('new.importance')}
    WHERE other_id = new.id AND ${bandSql('new.importance')} <> ${bandSql('old.importance')};
  ${fill('new.id', `new.importance >= ${BAND_ENTER} AND NOT ${member('new.id')}`)}
  INSERT INTO band_member (id, relations) SELECT new.id, ${relationCount('new.id')}
    WHERE new.importance >= ${BAND_ENTER} AND NOT ${member('new.id')};
  DELETE FROM band_adj WHERE owner_id = new.id AND new.importance < ${BAND_LEAVE};
  DELETE FROM band_member WHERE id = new.id AND new.importance < ${BAND_LEAVE};
END;
CREATE TRIGGER derived_band_entity_ad AFTER DELETE ON entity BEGIN
  ${drop('old.id')}
END;
CREATE TRIGGER derived_band_relation_ai AFTER INSERT ON relation BEGIN
  ${relationAdd('new')}
  ${countRelation('new', '+')}
END;
CREATE TRIGGER derived_band_relation_ad AFTER DELETE ON relation BEGIN
  ${relationRemove('old')}
  ${countRelation('old', '-')}
END;
CREATE TRIGGER derived_band_relation_au AFTER UPDATE OF from_id, to_id, kind ON relation BEGIN
  ${relationRemove('old')}
  ${relationAdd('new')}
  ${countRelation('old', '-')}
  ${countRelation('new', '+')}
END;
CREATE TRIGGER derived_band_alleged_ai AFTER INSERT ON alleged BEGIN
  INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
    SELECT new.subject_id, ${bandSql('i.v')}, new.object_id, ${BAND_KIND.allegedSubject}, new.claim_id, c.predicate, c.stance
    FROM (SELECT ${importanceOf('new.object_id')} AS v) AS i LEFT JOIN claim c ON c.id = new.claim_id WHERE ${member('new.subject_id')};
  INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
    SELECT new.object_id, ${bandSql('i.v')}, new.subject_id, ${BAND_KIND.allegedObject}, new.claim_id, c.predicate, c.stance
    FROM (SELECT ${importanceOf('new.subject_id')} AS v) AS i LEFT JOIN claim c ON c.id = new.claim_id WHERE ${member('new.object_id')};
END;
CREATE TRIGGER derived_band_alleged_ad AFTER DELETE ON alleged BEGIN
  ${allegedRemove}
END;
CREATE TRIGGER derived_band_claim_au AFTER UPDATE OF predicate, stance ON claim BEGIN
  ${claimUpdate}
END;
`;

/** Fills the banded adjacency from the base tables (migration of a populated file, bulk loads). */
export const BAND_BACKFILL = `
DELETE FROM band_adj; DELETE FROM band_member;
INSERT INTO band_member (id, relations) SELECT e.id, ${relationCount('e.id')} FROM entity e WHERE e.importance >= ${BAND_ENTER};
INSERT INTO band_adj (owner_id, band, other_id, kind, ref_id, label, stance)
  SELECT m.id, ${bandSql('coalesce(e.importance, 0)')}, r.to_id, ${BAND_KIND.relationFrom}, r.id, r.kind, NULL
    FROM band_member m CROSS JOIN relation r ON r.from_id = m.id LEFT JOIN entity e ON e.id = r.to_id
  UNION ALL
  SELECT m.id, ${bandSql('coalesce(e.importance, 0)')}, r.from_id, ${BAND_KIND.relationTo}, r.id, r.kind, NULL
    FROM band_member m CROSS JOIN relation r ON r.to_id = m.id LEFT JOIN entity e ON e.id = r.from_id
  UNION ALL
  SELECT m.id, ${bandSql('coalesce(e.importance, 0)')}, a.object_id, ${BAND_KIND.allegedSubject}, a.claim_id, c.predicate, c.stance
    FROM band_member m CROSS JOIN alleged a ON a.subject_id = m.id LEFT JOIN entity e ON e.id = a.object_id LEFT JOIN claim c ON c.id = a.claim_id
  UNION ALL
  SELECT m.id, ${bandSql('coalesce(e.importance, 0)')}, a.subject_id, ${BAND_KIND.allegedObject}, a.claim_id, c.predicate, c.stance
    FROM band_member m CROSS JOIN alleged a INDEXED BY alleged_object ON a.object_id = m.id
    LEFT JOIN entity e ON e.id = a.subject_id LEFT JOIN claim c ON c.id = a.claim_id;
`;

export const migration0040: Migration = {
  version: 40,
  name: 'banded-adjacency',
  up: `
CREATE TABLE band_member (
  id INTEGER PRIMARY KEY,
  relations INTEGER NOT NULL -- relations from or to the member (trigger-maintained)
) STRICT;
CREATE TABLE band_adj (
  owner_id INTEGER NOT NULL, -- a band_member
  band INTEGER NOT NULL,     -- the band of other_id's entity.importance (trigger-maintained)
  other_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,     -- BAND_KIND: relation (owner is from / to), alleged (owner is subject / object)
  ref_id INTEGER NOT NULL,   -- relation.id, or the claim of an alleged pair
  label TEXT,                -- relation.kind, or the claim's predicate
  stance TEXT,               -- the claim's stance (alleged rows)
  PRIMARY KEY (owner_id, band, other_id, kind, ref_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX band_adj_other ON band_adj(other_id, owner_id);
${BAND_BACKFILL}
${BAND_TRIGGERS}
`,
};
