// Id remapping for snapshot import. Imported rows keep their snapshot id when it is free in the
// target (so an import into an empty investigation reproduces the ids exactly), else SQLite picks a
// new one; only ids that changed are stored, so an import into an empty investigation holds no map.
import { SnapshotError } from './reader';

export class IdMap {
  private readonly changed = new Map<number, number>();
  private readonly seen: Set<number> | null;

  /** `track`: remember which snapshot ids exist, so dangling references are refused. */
  constructor(readonly what: string, track = true) {
    this.seen = track ? new Set() : null;
  }

  set(snapshotId: number, targetId: number): void {
    this.seen?.add(snapshotId);
    if (snapshotId !== targetId) this.changed.set(snapshotId, targetId);
    else this.changed.delete(snapshotId);
  }

  has(snapshotId: number): boolean {
    return this.seen ? this.seen.has(snapshotId) : true;
  }

  /** The target id of a snapshot id; `where` names the referring record for the error. */
  get(snapshotId: number, where: string): number {
    if (this.seen && !this.seen.has(snapshotId)) {
      throw new SnapshotError(`${where} refers to ${this.what} ${snapshotId}, which is not in the snapshot`);
    }
    return this.changed.get(snapshotId) ?? snapshotId;
  }

  getNullable(snapshotId: number | null, where: string): number | null {
    return snapshotId === null ? null : this.get(snapshotId, where);
  }
}

export interface IdMaps {
  entities: IdMap; sources: IdMap; claims: IdMap; relations: IdMap; aliases: IdMap; spans: IdMap; notes: IdMap;
}

/** Rewrites the ids inside a merge row's `moved` JSON (see migration 0020). */
export function remapMoved(moved: string, maps: IdMaps, where: string): string {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(moved) as Record<string, unknown>;
  } catch {
    throw new SnapshotError(`${where}: its "moved" field is not JSON`);
  }
  if (typeof value !== 'object' || value === null) throw new SnapshotError(`${where}: its "moved" field is not an object`);
  const ids = (key: string, map: IdMap) => {
    const list = value[key];
    if (Array.isArray(list)) value[key] = list.map((id) => (typeof id === 'number' ? map.get(id, where) : id));
  };
  ids('aliases', maps.aliases);
  ids('spans', maps.spans);
  ids('notes', maps.notes);
  ids('claimants', maps.claims);
  ids('relationsFrom', maps.relations);
  ids('relationsTo', maps.relations);
  if (Array.isArray(value.roles)) {
    value.roles = value.roles.map((pair: unknown) =>
      Array.isArray(pair) && typeof pair[0] === 'number' ? [maps.claims.get(pair[0], where), ...pair.slice(1)] : pair);
  }
  return JSON.stringify(value);
}
