// The export and import calls of SPEC §5: declared like contract.ts (zod arguments and results) and
// spread into the contract. Paths are chosen by the user in a save/open dialog.
import { z } from 'zod';
import { NODE_ID_PATTERN } from '../graph/ids';

export const EXPORT_FORMATS = ['snapshot', 'graphml', 'gexf', 'cyjs', 'csv', 'ftm', 'annotations', 'report'] as const;
const FilePath = z.string().min(1, 'a file path is required').max(4096);
const NodeIdArg = z.string().regex(NODE_ID_PATTERN, 'expected a node id like "e:12"');
const Position = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

export const ExportScopeArg = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('investigation') }).strict(),
  z.object({
    kind: z.literal('view'),
    nodeIds: z.array(NodeIdArg).max(20_000),
    positions: z.record(z.string(), Position).optional(),
  }).strict(),
]);

const Conflict = z.object({ kind: z.string(), key: z.string(), field: z.string(), existing: z.string(), imported: z.string() });
const Suggestion = z.object({ importedId: z.number(), existingId: z.number(), name: z.string(), existingName: z.string() });
const SnapshotImport = z.object({
  added: z.record(z.string(), z.number()),
  matched: z.object({ sources: z.number(), entities: z.number(), claims: z.number(), relations: z.number() }),
  conflicts: z.array(Conflict),
  conflictCount: z.number(),
  suggestions: z.array(Suggestion),
  historyImported: z.boolean(),
  historyId: z.number().nullable(),
});
const GraphImport = z.object({
  format: z.enum(['graphml', 'gexf']), nodes: z.number(), edges: z.number(), entities: z.number(), relations: z.number(),
  selfLoops: z.number(), notes: z.number(), typedNodes: z.number(), historyId: z.number().nullable(),
});

export const exportContract = {
  'export.run': {
    args: z.object({
      format: z.enum(EXPORT_FORMATS),
      path: FilePath,
      scope: ExportScopeArg.default({ kind: 'investigation' }),
      includeHistory: z.boolean().default(false),
      /** the canvas as a data:image/png URL, for the report */
      picture: z.string().max(64 * 1024 * 1024).regex(/^data:image\//, 'expected a data:image URL').nullable().default(null),
      gexfVersion: z.enum(['1.3', '1.2draft']).default('1.3'),
    }).strict(),
    result: z.object({ path: z.string(), bytes: z.number(), counts: z.record(z.string(), z.number()) }),
  },
  'snapshot.import': { args: z.object({ path: FilePath }).strict(), result: SnapshotImport },
  'graph.importFile': {
    args: z.object({ path: FilePath }).strict(),
    result: z.discriminatedUnion('kind', [
      SnapshotImport.extend({ kind: z.literal('snapshot') }),
      GraphImport.extend({ kind: z.enum(['graphml', 'gexf']) }),
    ]),
  },
} as const;
