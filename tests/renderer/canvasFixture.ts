// A headless canvas with the app's stylesheet, and a hub with labelled leaves to add around it: the
// shapes the progressive-feed and staged-sync tests place and count.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { graphStyle } from '../../renderer/graph/style';

export function canvas(): Core {
  return cytoscape({ headless: true, styleEnabled: true, style: graphStyle('light') });
}

export const hub: ElementDefinition = { group: 'nodes', data: { id: 'hub', label: 'Meridian Holdings', visualKind: 'organization' }, position: { x: 0, y: 0 } };

/** `count` people, each with an edge from `of`. */
export function leaves(count: number, of = 'hub'): ElementDefinition[] {
  return Array.from({ length: count }, (_, i) => [
    { group: 'nodes' as const, data: { id: `${of}-n${i}`, label: `Employee ${i}`, visualKind: 'person' } },
    { group: 'edges' as const, data: { id: `${of}-x${i}`, source: of, target: `${of}-n${i}` } },
  ]).flat();
}
