// Exploration calls beyond the basic graph reads: paths and saved views (issue 4).
import { z } from 'zod';
import { ClaimStatus, Credibility, Id, Reliability, Stance } from '../domain/model';
import { GraphEdge, GraphNode } from '../graph/model';
import { NODE_ID_PATTERN } from '../graph/ids';

const NodeIdArg = z.string().regex(NODE_ID_PATTERN, 'expected a node id like "e:12"');
const ViewName = z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N} _.-]+$/u, 'letters, digits, spaces, _ . - only');

export const PathFilterArgs = z.object({
  excludeStances: z.array(Stance).max(4).default([]),
  excludeStatuses: z.array(ClaimStatus).max(4).default([]),
  maxCredibility: Credibility.nullable().default(null),
  minReliability: Reliability.nullable().default(null),
  requireGraded: z.boolean().default(false),
  /** claims that a denial answers (someone denied them) are not walked through */
  excludeDenied: z.boolean().default(false),
}).strict();

/** What the canvas shows, saved per investigation and restored on open. */
export const ViewState = z.object({
  nodeIds: z.array(NodeIdArg).max(20_000),
  positions: z.record(z.string(), z.object({ x: z.number().finite(), y: z.number().finite() })).default({}),
  pinned: z.array(NodeIdArg).max(20_000).default([]),
  hidden: z.array(NodeIdArg).max(20_000).default([]),
  layout: z.string().max(40).default('fcose'),
  filters: z.record(z.string(), z.unknown()).default({}),
  zoom: z.number().finite().nullable().default(null),
  pan: z.object({ x: z.number().finite(), y: z.number().finite() }).nullable().default(null),
}).strict();
export type ViewState = z.infer<typeof ViewState>;

export const exploreContract = {
  'path.find': {
    args: z.object({
      from: NodeIdArg,
      to: NodeIdArg,
      maxHops: z.number().int().min(1).max(8).default(6),
      maxPaths: z.number().int().min(1).max(20).default(5),
      filter: PathFilterArgs.default({ excludeStances: [], excludeStatuses: [], maxCredibility: null, minReliability: null, requireGraded: false, excludeDenied: false }),
    }).strict(),
    result: z.object({
      paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(GraphEdge) })),
      nodes: z.array(GraphNode),
    }),
  },
  /** what filters and the timeline need about many claims at once (dates are not in graph nodes) */
  'claim.facts': {
    args: z.object({ ids: z.array(Id).max(5000) }).strict(),
    result: z.object({
      facts: z.array(z.object({
        id: Id, status: ClaimStatus, stance: Stance, credibility: Credibility.nullable(),
        madeOn: z.string().nullable(), aboutTime: z.string().nullable(),
      })),
    }),
  },
  'view.get': { args: z.object({ name: ViewName.default('last') }).strict(), result: z.object({ view: ViewState.nullable() }) },
  'view.save': { args: z.object({ name: ViewName.default('last'), view: ViewState }).strict(), result: z.object({ ok: z.literal(true) }) },
  'view.list': { args: z.object({}).strict(), result: z.object({ names: z.array(z.string()) }) },
} as const;
