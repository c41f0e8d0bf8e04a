// 0020: what curation needs beyond the data model: reversible merges and dismissed duplicates.
import type { Migration } from './types';

export const migration0020: Migration = {
  version: 20,
  name: 'curation',
  up: `
-- One row per merge still in effect: what moved from the merged entity to the survivor, so that
-- an unmerge at any later time moves exactly that back (Ctrl+Z is not the only way back).
CREATE TABLE merge (
  id INTEGER PRIMARY KEY,
  survivor_id INTEGER NOT NULL REFERENCES entity(id),
  merged_id INTEGER NOT NULL UNIQUE REFERENCES entity(id),
  -- JSON: { aliases: [id], spans: [id], notes: [id], claimants: [claim id], roles: [[claim id, role]],
  --         relationsFrom: [id], relationsTo: [id] }
  moved TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX merge_survivor ON merge(survivor_id);

-- Pairs the analyst marked "not the same", so duplicate suggestions stop offering them (a < b).
CREATE TABLE not_duplicate (
  a INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  b INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  PRIMARY KEY (a, b),
  CHECK (a < b)
) STRICT, WITHOUT ROWID;
`,
};
