// Curation gestures as one object (like app/actions.ts): every edit goes through `edit`, which on
// success re-reads the canvas and bumps dataVersion (so the inspector and open panels reload), and on
// failure shows the server's message. A 'stale' refusal (the item changed since it was loaded) also
// leaves edit mode and reloads the item, so the analyst sees what is there now: never overwritten.
import { useMemo } from 'react';
import type { Args, Result } from '../../shared/api/contract';
import { nodeId } from '../../shared/graph/ids';
import { useBackend } from '../backend/context';
import { BackendError, errorMessage, type Backend } from '../backend/types';
import { useActions, type Actions } from '../app/actions';
import { useSkein } from '../state/store';

export function createCurationActions(backend: Backend, shell: Actions) {
  const store = useSkein.getState;

  async function edit<T>(run: () => Promise<T>, done?: string): Promise<T | null> {
    try {
      const result = await run();
      store().setCurationError(null);
      await shell.refresh();
      if (done) store().notify('info', done);
      return result;
    } catch (error) {
      const stale = error instanceof BackendError && error.code === 'stale';
      const message = stale ? `${errorMessage(error)} The current version is shown; make your change again.` : errorMessage(error);
      if (stale) store().setEditing(null);
      store().setCurationError(message);
      store().notify('error', message);
      if (stale) store().dataChanged();
      return null;
    }
  }

  const curation = {
    edit,
    updateEntity: (args: Args<'entity.update'>) => edit(() => backend.invoke('entity.update', args), 'Entity saved'),
    async deleteEntity(id: number, version: number): Promise<boolean> {
      const ok = await edit(() => backend.invoke('entity.delete', { id, version }), 'Entity deleted');
      if (ok) { store().hideNodes([nodeId('entity', id)]); store().setEditing(null); }
      return ok !== null;
    },
    addAlias: (args: Args<'alias.add'>) => edit(() => backend.invoke('alias.add', args)),
    updateAlias: (args: Args<'alias.update'>) => edit(() => backend.invoke('alias.update', args)),
    removeAlias: (id: number) => edit(() => backend.invoke('alias.remove', { id })),

    updateClaim: (args: Args<'claim.update'>) => edit(() => backend.invoke('claim.update', args), 'Claim saved'),
    async createClaim(args: Args<'claim.create'>): Promise<Result<'claim.create'> | null> {
      const claim = await edit(() => backend.invoke('claim.create', args), 'Claim added');
      if (claim) await shell.showNode(nodeId('claim', claim.id));
      return claim;
    },
    async deleteClaim(id: number, version: number): Promise<boolean> {
      const ok = await edit(() => backend.invoke('claim.delete', { id, version }), 'Claim deleted');
      if (ok) { store().hideNodes([nodeId('claim', id)]); store().setEditing(null); }
      return ok !== null;
    },

    updateRelation: (args: Args<'relation.update'>) => edit(() => backend.invoke('relation.update', args), 'Relation saved'),
    deleteRelation: async (id: number, version: number) => (await edit(() => backend.invoke('relation.delete', { id, version }), 'Relation deleted')) !== null,
    updateSource: (args: Args<'source.update'>) => edit(() => backend.invoke('source.update', args), 'Source saved'),

    /** Merges, then swaps the merged nodes on the canvas for the survivor. */
    async merge(survivorId: number, mergedIds: number[], name: string | null): Promise<boolean> {
      const survivor = await edit(() => backend.invoke('entity.merge', { survivorId, mergedIds, name }));
      if (!survivor) return false;
      store().hideNodes(mergedIds.map((id) => nodeId('entity', id)));
      await shell.showNode(nodeId('entity', survivorId));
      store().notify('info', `Merged ${mergedIds.length + 1} entities into ${survivor.name}`);
      return true;
    },
    async unmerge(id: number): Promise<boolean> {
      const restored = await edit(() => backend.invoke('entity.unmerge', { id }));
      if (!restored) return false;
      await shell.showNode(nodeId('entity', id));
      store().notify('info', `${restored.name} is its own entity again`);
      return true;
    },
    notDuplicate: (a: number, b: number) => edit(() => backend.invoke('entity.notDuplicate', { a, b }), 'Marked as different; not suggested again'),

    addNote: (args: Args<'note.add'>) => edit(() => backend.invoke('note.add', args)),
    updateNote: (args: Args<'note.update'>) => edit(() => backend.invoke('note.update', args)),
    deleteNote: (id: number, version: number) => edit(() => backend.invoke('note.delete', { id, version })),

    /** Puts history items on the canvas and centres the first. */
    async jumpTo(items: string[]): Promise<void> {
      try {
        const payload = await backend.invoke('graph.nodes', { ids: items });
        // items deleted since (or merged away) are simply not there any more
        if (payload.nodes.length === 0) { store().notify('info', 'Those items no longer exist'); return; }
        const ids = [...new Set([...Object.keys(store().nodes), ...payload.nodes.map((n) => n.id)])];
        const { edges } = await backend.invoke('graph.edgesAmong', { ids: ids.slice(0, 20_000) });
        store().addGraph({ nodes: payload.nodes, edges });
        store().focusNode(payload.nodes[0]!.id);
      } catch (error) {
        store().notify('error', errorMessage(error));
      }
    },
  };
  return curation;
}

export type CurationActions = ReturnType<typeof createCurationActions>;

export function useCurationActions(shell: Actions): CurationActions {
  const backend = useBackend();
  return useMemo(() => createCurationActions(backend, shell), [backend, shell]);
}

/** The curation actions over this window's backend (the shell's actions hold no state, so a fresh set is fine). */
export function useCuration(): CurationActions {
  return useCurationActions(useActions());
}

/** Reads through the backend, reporting failures in the status bar and returning null. */
export async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    useSkein.getState().notify('error', errorMessage(error));
    return null;
  }
}
