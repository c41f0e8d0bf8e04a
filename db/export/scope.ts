// What an export covers: the whole investigation, or a view (the node ids on the canvas). A view is
// closed over what its claims need (claimant and role entities, the sources of their evidence), so a
// view snapshot is self-contained; the id sets go to SQL as JSON arrays (json_each), never as
// string-built IN lists.
import { z } from 'zod';
import { splitIds } from '../queries/graph';
import type { SqliteDb } from '../open';

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Position = z.infer<typeof Position>;
export type ExportScope =
  | { kind: 'investigation' }
  | { kind: 'view'; nodeIds: string[]; positions?: Record<string, Position> | undefined };

export interface ViewSets {
  entities: number[];
  claims: number[];
  sources: number[];
}

/** The id sets of a view: the nodes on the canvas plus what their claims refer to. */
export function viewSets(db: SqliteDb, nodeIds: readonly string[]): ViewSets {
  const split = splitIds(nodeIds);
  const entities = new Set(split.entity);
  const claims = new Set(split.claim);
  const sources = new Set(split.source);
  const claimant = db.prepare('SELECT claimant_id FROM claim WHERE id = ? AND claimant_id IS NOT NULL').pluck();
  const roles = db.prepare('SELECT entity_id FROM claim_role WHERE claim_id = ?').pluck();
  const evidence = db.prepare('SELECT DISTINCT source_id FROM span WHERE claim_id = ?').pluck();
  for (const id of claims) {
    const who = claimant.get(id) as number | undefined;
    if (who !== undefined) entities.add(who);
    for (const e of roles.all(id) as number[]) entities.add(e);
    for (const s of evidence.all(id) as number[]) sources.add(s);
  }
  return { entities: [...entities], claims: [...claims], sources: [...sources] };
}

/** SQL parameters for the view sets. */
export function viewParams(sets: ViewSets): { e: string; c: string; s: string } {
  return { e: JSON.stringify(sets.entities), c: JSON.stringify(sets.claims), s: JSON.stringify(sets.sources) };
}
