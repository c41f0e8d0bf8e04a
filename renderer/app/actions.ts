// What the analyst's gestures do: API calls through the Backend, results into the store. Kept out of
// components so keyboard shortcuts, menu commands and buttons share one implementation.
import { useMemo } from 'react';
import { EXPAND_LIMIT, type Args } from '../../shared/api/contract';
import type { GraphPayload } from '../../shared/graph/model';
import { useBackend } from '../backend/context';
import { errorMessage, type Backend } from '../backend/types';
import { useSkein } from '../state/store';

/** The contract's cap on ids per graph.nodes call. */
const GRAPH_NODES_MAX = 5000;


export function createActions(backend: Backend) {
  const store = useSkein.getState;
  const fail = (error: unknown) => store().notify('error', errorMessage(error));

  /** Re-reads the given canvas ids; graph.nodes takes at most 5,000 ids a call, so big canvases go in slices. */
  async function reread(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const nodes: GraphPayload['nodes'] = [];
    const edges: GraphPayload['edges'] = [];
    for (let i = 0; i < ids.length; i += GRAPH_NODES_MAX) {
      const part = await backend.invoke('graph.nodes', { ids: ids.slice(i, i + GRAPH_NODES_MAX) });
      nodes.push(...part.nodes);
      edges.push(...part.edges);
    }
    // edges between slices are only seen by edgesAmong
    if (ids.length > GRAPH_NODES_MAX) edges.push(...(await backend.invoke('graph.edgesAmong', { ids: ids.slice(0, 20_000) })).edges);
    store().replaceGraph({ nodes, edges }, ids);
  }

  async function refreshInfo(): Promise<void> {
    store().dataChanged();
    const info = await backend.invoke('app.info', {});
    store().setInfo(info.counts, info.dbPath);
  }

  const actions = {
    refreshInfo: () => refreshInfo().catch(fail),

    /** Puts a node (from search, or just created) on the canvas with its edges to what is shown, and centres it. */
    async showNode(id: string): Promise<void> {
      try {
        const known = Object.keys(store().nodes);
        const payload = await backend.invoke('graph.nodes', { ids: [id] });
        if (payload.nodes.length === 0) throw new Error('That item no longer exists');
        const { edges } = await backend.invoke('graph.edgesAmong', { ids: [...new Set([...known, id])] });
        store().addGraph({ nodes: payload.nodes, edges });
        store().focusNode(id);
      } catch (error) {
        fail(error);
      }
    },

    /** Adds a node's neighbourhood (the next page of it when `more` says some were held back). */
    async expand(id: string, offset = 0): Promise<void> {
      try {
        const known = Object.keys(store().nodes).slice(0, 20_000);
        const result = await backend.invoke('graph.neighborhood', { id, known, limit: EXPAND_LIMIT, offset });
        const added = store().addGraph(result);
        const held = result.more.reduce((sum, m) => sum + m.count, 0);
        store().setMore(id, result.nextOffset !== null && held > 0 ? { count: held, nextOffset: result.nextOffset } : null);
        store().select(id);
        if (added.length === 0 && held === 0) store().notify('info', 'Everything around this node is already on the canvas');
      } catch (error) {
        fail(error);
      }
    },

    /** Re-reads everything on the canvas after a change (an edit, undo, another window). */
    async refresh(): Promise<void> {
      try {
        await reread(Object.keys(store().nodes));
        await refreshInfo();
      } catch (error) {
        fail(error);
      }
    },

    async undo(redo = false): Promise<void> {
      try {
        const { entry } = await backend.invoke(redo ? 'history.redo' : 'history.undo', {});
        store().setUndoStatus(entry ? `${redo ? 'Redone' : 'Undone'}: ${entry.summary}` : `Nothing to ${redo ? 'redo' : 'undo'}`);
        await reread(Object.keys(store().nodes));
        await refreshInfo();
      } catch (error) {
        fail(error);
      }
    },

    async createEntity(args: Args<'entity.create'>): Promise<boolean> {
      try {
        const entity = await backend.invoke('entity.create', args);
        store().notify('info', `Added ${entity.kind} ${entity.name}`);
        await actions.showNode(`e:${entity.id}`);
        await refreshInfo();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    async createRelation(args: Args<'relation.create'>): Promise<boolean> {
      try {
        const relation = await backend.invoke('relation.create', args);
        store().notify('info', `Added relation: ${relation.kind.replace(/_/g, ' ')}`);
        const ids = Object.keys(store().nodes);
        if (ids.length > 0) store().addGraph({ nodes: [], edges: (await backend.invoke('graph.edgesAmong', { ids })).edges });
        await refreshInfo();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
  };
  return actions;
}

export type Actions = ReturnType<typeof createActions>;

export function useActions(): Actions {
  const backend = useBackend();
  return useMemo(() => createActions(backend), [backend]);
}
