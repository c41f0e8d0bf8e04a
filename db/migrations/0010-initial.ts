// 0010: the whole data model of SPEC §2. Immutable once released: later changes are new migrations.
import type { Migration } from './types';

const TIMESTAMPS = `
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: `
CREATE TABLE entity (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'place', 'event')),
  name TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  -- precomputed rank for search and expansion (degree-based), so queries never score every match
  importance REAL NOT NULL DEFAULT 0,
  merged_into INTEGER REFERENCES entity(id),
  origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'extracted', 'imported')),${TIMESTAMPS}
) STRICT;
CREATE INDEX entity_merged_into ON entity(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE alias (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  norm TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('name', 'alias', 'codename', 'abbreviation', 'transliteration')),
  -- copied from the entity so that typeahead can walk an index in rank order
  importance REAL NOT NULL DEFAULT 0,
  UNIQUE (entity_id, norm)
) STRICT;
CREATE INDEX alias_norm ON alias(norm);
-- typeahead walks this covering index in rank order and stops at the first hits (db/queries/search.ts)
CREATE INDEX alias_rank ON alias(importance DESC, norm);

CREATE TABLE source (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'document', 'note')),
  title TEXT NOT NULL DEFAULT '',
  publisher TEXT,
  author TEXT,
  url TEXT,
  published_at TEXT,
  retrieved_at INTEGER NOT NULL,
  language TEXT,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),${TIMESTAMPS}
) STRICT;

CREATE TABLE claim (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL CHECK (length(text) > 0),
  claimant_id INTEGER REFERENCES entity(id),
  claimant_label TEXT,
  stance TEXT NOT NULL CHECK (stance IN ('asserts', 'denies', 'questions', 'reports')),
  predicate TEXT,
  made_on TEXT,
  about_time TEXT,
  status TEXT NOT NULL DEFAULT 'unverified'
    CHECK (status IN ('unverified', 'disputed', 'corroborated', 'refuted')),
  credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
  evidence_offered TEXT CHECK (evidence_offered IN ('none', 'partial', 'documentary')),
  responds_to INTEGER REFERENCES claim(id) ON DELETE SET NULL,
  importance REAL NOT NULL DEFAULT 0,
  origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'extracted', 'imported')),${TIMESTAMPS}
) STRICT;
CREATE INDEX claim_claimant ON claim(claimant_id) WHERE claimant_id IS NOT NULL;
CREATE INDEX claim_responds_to ON claim(responds_to) WHERE responds_to IS NOT NULL;

CREATE TABLE claim_role (
  claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  role TEXT NOT NULL CHECK (role IN ('subject', 'object')),
  PRIMARY KEY (claim_id, entity_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_role_entity ON claim_role(entity_id, claim_id);

CREATE TABLE relation (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  from_id INTEGER NOT NULL REFERENCES entity(id),
  to_id INTEGER NOT NULL REFERENCES entity(id),
  start TEXT,
  end TEXT,
  claim_id INTEGER REFERENCES claim(id) ON DELETE SET NULL,
  origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'extracted', 'imported')),${TIMESTAMPS},
  CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX relation_from ON relation(from_id, to_id);
CREATE INDEX relation_to ON relation(to_id, from_id);

-- W3C Web Annotation TextPosition (start, end) + TextQuote (exact, prefix, suffix) selectors;
-- exactly one of the target columns is set.
CREATE TABLE span (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  entity_id INTEGER REFERENCES entity(id) ON DELETE CASCADE,
  claim_id INTEGER REFERENCES claim(id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation(id) ON DELETE CASCADE,
  CHECK (end > start),
  CHECK ((entity_id IS NOT NULL) + (claim_id IS NOT NULL) + (relation_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX span_source ON span(source_id, start);
CREATE INDEX span_entity ON span(entity_id, source_id) WHERE entity_id IS NOT NULL;
CREATE INDEX span_claim ON span(claim_id, source_id) WHERE claim_id IS NOT NULL;
CREATE INDEX span_relation ON span(relation_id) WHERE relation_id IS NOT NULL;

CREATE TABLE note (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL,
  entity_id INTEGER REFERENCES entity(id) ON DELETE CASCADE,
  claim_id INTEGER REFERENCES claim(id) ON DELETE CASCADE,
  relation_id INTEGER REFERENCES relation(id) ON DELETE CASCADE,
  source_id INTEGER REFERENCES source(id) ON DELETE CASCADE,${TIMESTAMPS},
  CHECK ((entity_id IS NOT NULL) + (claim_id IS NOT NULL) + (relation_id IS NOT NULL) + (source_id IS NOT NULL) = 1)
) STRICT;
CREATE INDEX note_entity ON note(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX note_claim ON note(claim_id) WHERE claim_id IS NOT NULL;
CREATE INDEX note_relation ON note(relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX note_source ON note(source_id) WHERE source_id IS NOT NULL;

-- Append-only: one entry per user-visible change, with the row images before and after.
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  -- JSON array of { t: table, k: key, b: before | null, a: after | null }
  changes TEXT NOT NULL,
  undoes INTEGER REFERENCES history(id),
  redoes INTEGER REFERENCES history(id)
) STRICT;
CREATE INDEX history_undoes ON history(undoes) WHERE undoes IS NOT NULL;
CREATE INDEX history_redoes ON history(redoes) WHERE redoes IS NOT NULL;
CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

-- Key/value settings of the investigation (saved view, ids of dismissed duplicate pairs, …).
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Full-text search (external content, kept in sync by triggers). Aliases are indexed by their
-- normalised key, so a query in any script or spelling meets them. Results are ranked by the stored
-- importance, never bm25, so no table keeps column sizes (columnsize=0); alias keys are matched by
-- word prefix only, so their index keeps no positions either (detail=none).
CREATE VIRTUAL TABLE alias_fts USING fts5(norm, content='alias', content_rowid='id', prefix='2 3', detail=none, columnsize=0);
CREATE TRIGGER alias_fts_ai AFTER INSERT ON alias BEGIN
  INSERT INTO alias_fts(rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER alias_fts_ad AFTER DELETE ON alias BEGIN
  INSERT INTO alias_fts(alias_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;
CREATE TRIGGER alias_fts_au AFTER UPDATE OF norm ON alias BEGIN
  INSERT INTO alias_fts(alias_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
  INSERT INTO alias_fts(rowid, norm) VALUES (new.id, new.norm);
END;

CREATE VIRTUAL TABLE claim_fts USING fts5(text, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2', columnsize=0);
CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim BEGIN
  INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claim_fts_ad AFTER DELETE ON claim BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claim_fts_au AFTER UPDATE OF text ON claim BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE source_fts USING fts5(title, text, content='source', content_rowid='id', tokenize='unicode61 remove_diacritics 2', columnsize=0);
CREATE TRIGGER source_fts_ai AFTER INSERT ON source BEGIN
  INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER source_fts_ad AFTER DELETE ON source BEGIN
  INSERT INTO source_fts(source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER source_fts_au AFTER UPDATE OF title, text ON source BEGIN
  INSERT INTO source_fts(source_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO source_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE note_fts USING fts5(body, content='note', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER note_fts_ai AFTER INSERT ON note BEGIN
  INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER note_fts_ad AFTER DELETE ON note BEGIN
  INSERT INTO note_fts(note_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER note_fts_au AFTER UPDATE OF body ON note BEGIN
  INSERT INTO note_fts(note_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body);
END;
`,
};
