// search.* and graph.*: the read paths of exploration.
import { edgesAmong, graphOf, neighborhood } from '../../db/queries/graph';
import { search } from '../../db/queries/search';
import type { HandlerMap } from './types';

export const graphHandlers: HandlerMap = {
  'search.query': ({ store }, { q, types, limit }) => ({ hits: store.read((db) => search(db, q, limit, types)) }),
  'graph.nodes': ({ store }, { ids }) => store.read((db) => graphOf(db, ids)),
  'graph.neighborhood': ({ store }, args) => store.read((db) => neighborhood(db, args.id, args)),
  'graph.edgesAmong': ({ store }, { ids }) => ({ edges: store.read((db) => edgesAmong(db, ids)) }),
};
