// The export and import calls of SPEC §5: declared like contract.ts (zod arguments and results) and
// spread into the contract. `export.run`/`snapshot.import`/`graph.importFile` take paths (CLI, tests);
// the window never sees paths, so it uses `export.prepare` (a file in a private temp folder, named
// by an unguessable download id), `export.saveAs` (desktop only: the save dialog) and
// `graph.importUpload` (the file's bytes).
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

/** A prepared download: 128 random bits, base64url (22 characters); nothing else is ever a valid id. */
export const DOWNLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const DownloadId = z.string().regex(DOWNLOAD_ID_PATTERN, 'expected a download id');
/** A file name the user will see in a save dialog or the browser's downloads: no folders, no control characters. */
const FileName = z.string().min(1).max(200).regex(/^[^/\\\u0000-\u001f]+$/, 'expected a file name without folders').refine((n) => n !== '.' && n !== '..', 'expected a file name');
/** base64 of at most `bytes` bytes; validated here because Buffer.from silently skips bad characters. */
const base64Of = (bytes: number) => z.string().max(Math.ceil(bytes / 3) * 4, `the file is larger than ${bytes / (1024 * 1024)} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** what export.prepare takes: export.run without the path */
const PrepareArgs = z.object({
  format: z.enum(EXPORT_FORMATS),
  scope: ExportScopeArg.default({ kind: 'investigation' }),
  includeHistory: z.boolean().default(false),
  picture: z.string().max(64 * 1024 * 1024).regex(/^data:image\//, 'expected a data:image URL').nullable().default(null),
  gexfVersion: z.enum(['1.3', '1.2draft']).default('1.3'),
}).strict();

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
  'export.prepare': {
    args: PrepareArgs,
    result: z.object({ downloadId: z.string(), name: z.string(), bytes: z.number(), counts: z.record(z.string(), z.number()) }),
  },
  /** Desktop only (the save dialog lives in the main process); browser mode downloads instead. */
  'export.saveAs': {
    args: z.object({ downloadId: DownloadId.optional(), name: FileName, base64: base64Of(MAX_UPLOAD_BYTES).optional() }).strict()
      .refine((a) => (a.downloadId === undefined) !== (a.base64 === undefined), 'give either downloadId or base64'),
    result: z.object({ saved: z.boolean(), where: z.string().optional() }),
  },
  'snapshot.import': { args: z.object({ path: FilePath }).strict(), result: SnapshotImport },
  'graph.importFile': {
    args: z.object({ path: FilePath }).strict(),
    result: z.discriminatedUnion('kind', [
      SnapshotImport.extend({ kind: z.literal('snapshot') }),
      GraphImport.extend({ kind: z.enum(['graphml', 'gexf']) }),
    ]),
  },
  'graph.importUpload': {
    args: z.object({ name: FileName, base64: base64Of(MAX_UPLOAD_BYTES).min(1, 'the file is empty') }).strict(),
    result: z.discriminatedUnion('kind', [
      SnapshotImport.extend({ kind: z.literal('snapshot') }),
      GraphImport.extend({ kind: z.enum(['graphml', 'gexf']) }),
    ]),
  },
} as const;
