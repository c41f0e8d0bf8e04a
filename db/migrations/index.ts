// The ordered list of migrations. Append only; never edit one that has shipped.
import { migration0010 } from './0010-initial';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration0010];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
