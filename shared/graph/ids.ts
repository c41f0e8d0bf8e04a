// Graph node ids: one string namespace over the three node tables ("e:12", "c:7", "s:3").

export type NodeType = 'entity' | 'claim' | 'source';

const PREFIX: Record<NodeType, string> = { entity: 'e', claim: 'c', source: 's' };
const TYPE_OF: Record<string, NodeType> = { e: 'entity', c: 'claim', s: 'source' };

export function nodeId(type: NodeType, id: number): string {
  return `${PREFIX[type]}:${id}`;
}

export function parseNodeId(value: string): { type: NodeType; id: number } | null {
  const match = /^([ecs]):([1-9][0-9]{0,15})$/.exec(value);
  if (!match) return null;
  const type = TYPE_OF[match[1]!];
  const id = Number(match[2]);
  if (!type || !Number.isSafeInteger(id)) return null;
  return { type, id };
}

export const NODE_ID_PATTERN = /^[ecs]:[1-9][0-9]{0,15}$/;
