// The graph the analyst sees: a projection of the tables into typed nodes and edges (SPEC §2).
import { z } from 'zod';
import { ClaimStatus, Credibility, EntityKind, Reliability, Role, SourceKind, Stance, RelationKind } from '../domain/model';

export const NodeType = z.enum(['entity', 'claim', 'source']);

export const GraphNode = z.object({
  id: z.string(),
  type: NodeType,
  /** entity kind, "claim", or source kind */
  kind: z.union([EntityKind, z.literal('claim'), SourceKind]),
  label: z.string(),
  importance: z.number(),
  status: ClaimStatus.optional(),
  stance: Stance.optional(),
  credibility: Credibility.nullable().optional(),
  reliability: Reliability.nullable().optional(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const EDGE_TYPES = ['relation', 'claimant', 'role', 'reported_in', 'responds_to', 'alleged'] as const;
export const EdgeType = z.enum(EDGE_TYPES);
export type EdgeType = z.infer<typeof EdgeType>;

export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: EdgeType,
  label: z.string(),
  stance: Stance.optional(),
  role: Role.optional(),
  relationKind: RelationKind.optional(),
  /** the claim behind a claimant, role, alleged or responds_to edge */
  claimId: z.number().optional(),
  relationId: z.number().optional(),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const GraphPayload = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});
export type GraphPayload = z.infer<typeof GraphPayload>;
