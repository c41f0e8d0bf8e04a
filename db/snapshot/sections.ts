// The SQL behind each snapshot section, for both scopes. Column lists are explicit and in the order
// of the record schemas, so export → import → export writes byte-identical records. In a view,
// references that leave the view (a claim answering a claim not on the canvas, a merge target
// elsewhere) are written as null rather than dangling.
import type { SectionName } from '../../shared/snapshot/schema';
import type { SqliteDb } from '../open';

const E = '(SELECT value FROM json_each(@e))';
const C = '(SELECT value FROM json_each(@c))';
const S = '(SELECT value FROM json_each(@s))';
const R = `(SELECT id FROM relation WHERE from_id IN ${E} AND to_id IN ${E})`;

interface SectionSql { all: string; view: string | null; table: string }

export const SECTION_SQL: Record<SectionName, SectionSql> = {
  sources: {
    table: 'source',
    all: `SELECT id, uid, kind, title, publisher, author, url, published_at, retrieved_at, language, text, sha256,
      reliability, created_at, updated_at, version FROM source ORDER BY id`,
    view: `SELECT id, uid, kind, title, publisher, author, url, published_at, retrieved_at, language, text, sha256,
      reliability, created_at, updated_at, version FROM source WHERE id IN ${S} ORDER BY id`,
  },
  entities: {
    table: 'entity',
    all: `SELECT id, uid, kind, name, description, importance, merged_into, origin, created_at, updated_at, version
      FROM entity ORDER BY id`,
    view: `SELECT id, uid, kind, name, description, importance,
      CASE WHEN merged_into IN ${E} THEN merged_into END AS merged_into, origin, created_at, updated_at, version
      FROM entity WHERE id IN ${E} ORDER BY id`,
  },
  aliases: {
    table: 'alias',
    all: 'SELECT id, entity_id, name, norm, kind, importance FROM alias ORDER BY id',
    view: `SELECT id, entity_id, name, norm, kind, importance FROM alias WHERE entity_id IN ${E} ORDER BY id`,
  },
  claims: {
    table: 'claim',
    all: `SELECT id, uid, text, claimant_id, claimant_label, stance, predicate, made_on, about_time, status, credibility,
      evidence_offered, responds_to, importance, origin, created_at, updated_at, version FROM claim ORDER BY id`,
    view: `SELECT id, uid, text, claimant_id, claimant_label, stance, predicate, made_on, about_time, status, credibility,
      evidence_offered, CASE WHEN responds_to IN ${C} THEN responds_to END AS responds_to, importance, origin,
      created_at, updated_at, version FROM claim WHERE id IN ${C} ORDER BY id`,
  },
  claim_roles: {
    table: 'claim_role',
    all: 'SELECT claim_id, entity_id, role FROM claim_role ORDER BY claim_id, entity_id, role',
    view: `SELECT claim_id, entity_id, role FROM claim_role WHERE claim_id IN ${C} ORDER BY claim_id, entity_id, role`,
  },
  relations: {
    table: 'relation',
    all: `SELECT id, uid, kind, from_id, to_id, start, "end", claim_id, origin, created_at, updated_at, version
      FROM relation ORDER BY id`,
    view: `SELECT id, uid, kind, from_id, to_id, start, "end", CASE WHEN claim_id IN ${C} THEN claim_id END AS claim_id,
      origin, created_at, updated_at, version FROM relation WHERE id IN ${R} ORDER BY id`,
  },
  spans: {
    table: 'span',
    all: 'SELECT id, source_id, start, "end", exact, prefix, suffix, entity_id, claim_id, relation_id FROM span ORDER BY id',
    view: `SELECT id, source_id, start, "end", exact, prefix, suffix, entity_id, claim_id, relation_id FROM span
      WHERE source_id IN ${S} AND (entity_id IN ${E} OR claim_id IN ${C} OR relation_id IN ${R}) ORDER BY id`,
  },
  notes: {
    table: 'note',
    all: `SELECT id, body, entity_id, claim_id, relation_id, source_id, created_at, updated_at, version FROM note ORDER BY id`,
    view: `SELECT id, body, entity_id, claim_id, relation_id, source_id, created_at, updated_at, version FROM note
      WHERE entity_id IN ${E} OR claim_id IN ${C} OR source_id IN ${S} OR relation_id IN ${R} ORDER BY id`,
  },
  settings: { table: 'setting', all: 'SELECT key, value FROM setting ORDER BY key', view: null },
  merges: { table: 'merge', all: 'SELECT id, survivor_id, merged_id, moved, at FROM merge ORDER BY id', view: null },
  not_duplicates: {
    table: 'not_duplicate',
    all: 'SELECT a, b, at FROM not_duplicate ORDER BY a, b',
    view: `SELECT a, b, at FROM not_duplicate WHERE a IN ${E} AND b IN ${E} ORDER BY a, b`,
  },
  history: {
    table: 'history',
    all: 'SELECT id, at, actor, action, summary, changes, undoes, redoes FROM history ORDER BY id',
    view: null,
  },
};

export function tableExists(db: SqliteDb, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}
