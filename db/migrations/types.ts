export interface Migration {
  /** the `user_version` after this migration: 10, 20, 30 … (gaps leave room for hotfixes) */
  version: number;
  name: string;
  /** SQL run inside the migration transaction */
  up: string;
}
