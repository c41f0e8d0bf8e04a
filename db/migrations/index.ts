// The ordered list of migrations. Append only; never edit one that has shipped.
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-curation';
import { migration0030 } from './0030-ranked-adjacency';
import { migration0040 } from './0040-banded-adjacency';
import { migration0050 } from './0050-ranked-search';
import { migration0060 } from './0060-graph-touch';
import { migration0070 } from './0070-page-store';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
