// @vitest-environment jsdom
// Editing through the inspector against a fake Backend: a stale edit shows the server's message and
// reloads the item (never overwrites), grade pickers send Admiralty values with "ungraded" as null
// (distinct from F and 6), and the merge dialog sends the chosen survivor and name.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimDetail, EntityDetail, SourceDetail } from '../../shared/api/contract';
import type { Claim, Entity, Source } from '../../shared/domain/model';
import { BackendProvider } from '../../renderer/backend/context';
import { BackendError } from '../../renderer/backend/types';
import { Inspector } from '../../renderer/app/inspector/Inspector';
import { CurationButtons } from '../../renderer/curation/CurationRoot';
import { MergeDialog } from '../../renderer/curation/MergeDialog';
import { attachCanvas } from '../../renderer/explore/canvasBridge';
import type { Core } from 'cytoscape';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend, type Handlers } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); });

const stamp = { createdAt: 1, updatedAt: 1 };
const counts = { entities: 2, people: 2, organizations: 0, places: 0, events: 0, aliases: 2, claims: 1, relations: 0, sources: 1, spans: 0, notes: 0, history: 1 };
const base: Handlers = {
  'app.info': () => ({ version: '0', dbPath: '/tmp/x.skein', schemaVersion: 1, counts }),
  'graph.nodes': ({ ids }) => ({ nodes: ids.map((id) => ({ id, type: 'entity' as const, kind: 'person' as const, label: id, importance: 1 })), edges: [] }),
  'graph.edgesAmong': () => ({ edges: [] }),
};

const entity = (over: Partial<Entity>): Entity => ({ id: 1, uid: 'e1', kind: 'person', name: 'Marta Quell', description: '', importance: 1, mergedInto: null, origin: 'manual', version: 1, ...stamp, ...over });
const entityDetail = (e: Entity): EntityDetail => ({
  entity: e, aliases: [{ id: 1, entityId: e.id, name: e.name, norm: 'x', kind: 'name' }], relations: [], claimsBy: [], claimsAbout: [], sources: [], merged: [], notes: [], names: {},
});
const source: Source = {
  id: 4, uid: 's4', kind: 'article', title: 'Defector names minister', publisher: 'Daily', author: null, url: null, publishedAt: '2024-05',
  retrievedAt: 1, language: 'en', sha256: 'x', reliability: null, version: 3, ...stamp,
};
const claim: Claim = {
  id: 9, uid: 'c9', text: 'Quell was recruited in 1989.', claimantId: null, claimantLabel: 'officials', stance: 'asserts', predicate: null, madeOn: null,
  aboutTime: '1989', status: 'unverified', credibility: null, evidenceOffered: null, respondsTo: null, origin: 'manual', roles: [], version: 5, ...stamp,
};

function show(selected: string, handlers: Handlers) {
  const backend = fakeBackend({ ...base, ...handlers });
  useSkein.getState().select(selected);
  render(<BackendProvider backend={backend}><Inspector onShow={() => {}} onExpand={() => {}} /><MergeDialog /></BackendProvider>);
  return backend;
}
const argsOf = (backend: ReturnType<typeof fakeBackend>, method: string) => backend.calls.filter((c) => c.method === method).map((c) => c.args);

describe('editing from the inspector', () => {
  it('a stale edit shows the message, reloads the item and leaves edit mode without overwriting', async () => {
    let current = entity({});
    const backend = show('e:1', {
      'entity.get': () => entityDetail(current),
      'entity.update': () => {
        current = entity({ name: 'Marta Quell-Varga', version: 2 }); // someone else saved first
        throw new BackendError('stale', 'This entity was changed since you loaded it (version 2, yours 1). Reload it and try again.');
      },
    });
    // the entity is loaded before it is edited (under load the button can be there first)
    await screen.findByRole('heading', { level: 3, name: 'Marta Quell' });
    fireEvent.click(screen.getByTestId('edit-button'));
    fireEvent.change(await screen.findByTestId('edit-entity-name'), { target: { value: 'M. Quell' } });
    fireEvent.click(screen.getByTestId('save-entity'));
    expect((await screen.findByTestId('curation-error')).textContent).toContain('changed since you loaded it');
    await waitFor(() => expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Marta Quell-Varga'));
    expect(screen.queryByTestId('entity-editor')).toBeNull();
    expect(argsOf(backend, 'entity.update')).toEqual([{ id: 1, version: 1, patch: { name: 'M. Quell' } }]);
    expect(argsOf(backend, 'entity.get').length).toBeGreaterThanOrEqual(2);
  });

  it('the reliability picker offers Admiralty wording and sends A–F, or null for ungraded', async () => {
    let current = source;
    const backend = show('s:4', {
      'source.get': (): SourceDetail => ({ source: current, text: 'text', spans: [], claimCount: 0, entityCount: 0, notes: [] }),
      'source.update': ({ patch }) => (current = { ...current, ...patch, version: current.version + 1 } as Source),
    });
    expect((await screen.findByTestId('reliability-grade')).textContent).toBe('ungraded');
    fireEvent.click(screen.getByTestId('edit-button'));
    const picker = screen.getByTestId('reliability-picker') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'ungraded', 'A – completely reliable', 'B – usually reliable', 'C – fairly reliable', 'D – not usually reliable', 'E – unreliable', 'F – reliability cannot be judged',
    ]);
    fireEvent.change(picker, { target: { value: 'F' } });
    fireEvent.click(screen.getByTestId('save-source'));
    await waitFor(() => expect(screen.getByTestId('reliability-grade').textContent).toBe('F – reliability cannot be judged'));
    expect(argsOf(backend, 'source.update')[0]).toEqual({ id: 4, version: 3, patch: { reliability: 'F' } });

    fireEvent.click(screen.getByTestId('edit-button'));
    fireEvent.change(screen.getByTestId('reliability-picker'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('save-source'));
    await waitFor(() => expect(screen.getByTestId('reliability-grade').getAttribute('data-grade')).toBe('ungraded'));
    expect(argsOf(backend, 'source.update')[1]).toEqual({ id: 4, version: 4, patch: { reliability: null } });
  });

  it('the credibility picker sends 1–6 as numbers and the claim keeps its other fields', async () => {
    const backend = show('c:9', {
      'claim.get': (): ClaimDetail => ({ claim, responses: [], respondsTo: null, spans: [], notes: [], names: {} }),
      'claim.update': ({ patch }) => ({ ...claim, ...patch, version: 6 }) as Claim,
    });
    fireEvent.click(await screen.findByTestId('edit-button'));
    const picker = screen.getByTestId('credibility-picker') as HTMLSelectElement;
    expect(picker.value).toBe('');
    expect([...picker.options].map((o) => o.textContent)).toContain('3 – possibly true');
    expect([...picker.options].map((o) => o.textContent)).toContain('6 – truth cannot be judged');
    fireEvent.change(picker, { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('claim-status'), { target: { value: 'disputed' } });
    fireEvent.click(screen.getByTestId('claim-submit'));
    await waitFor(() => expect(argsOf(backend, 'claim.update')).toHaveLength(1));
    const sent = argsOf(backend, 'claim.update')[0] as { id: number; version: number; patch: Record<string, unknown> };
    expect(sent.id).toBe(9);
    expect(sent.version).toBe(5);
    expect(sent.patch).toMatchObject({ credibility: 3, status: 'disputed', text: claim.text, claimantLabel: 'officials', aboutTime: '1989', madeOn: null, roles: [] });
  });
});

describe('merge dialog', () => {
  it('sends the chosen survivor, the others and the chosen name', async () => {
    const people: Record<number, Entity> = { 1: entity({}), 2: entity({ id: 2, uid: 'e2', name: 'M. Quell' }) };
    const backend = fakeBackend({
      ...base,
      'entity.get': ({ id }) => entityDetail(people[id]!),
      'entity.merge': ({ survivorId, name }) => ({ ...people[survivorId]!, name: name ?? people[survivorId]!.name }),
    });
    useSkein.getState().addGraph({ nodes: [1, 2].map((id) => ({ id: `e:${id}`, type: 'entity', kind: 'person', label: people[id]!.name, importance: 1 })), edges: [] });
    useSkein.getState().openMerge([1, 2]);
    render(<BackendProvider backend={backend}><MergeDialog /></BackendProvider>);
    fireEvent.click(await screen.findByTestId('merge-survivor-2'));
    expect((screen.getByTestId('merge-name') as HTMLInputElement).value).toBe('M. Quell');
    fireEvent.change(screen.getByTestId('merge-name'), { target: { value: 'Marta Quell' } });
    fireEvent.click(screen.getByTestId('merge-submit'));
    await waitFor(() => expect(screen.queryByTestId('merge-dialog')).toBeNull());
    expect(argsOf(backend, 'entity.merge')).toEqual([{ survivorId: 2, mergedIds: [1], name: 'Marta Quell' }]);
    // the canvas swaps the merged node for the survivor
    expect(Object.keys(useSkein.getState().nodes)).toEqual(['e:2']);
  });
});

describe('merge from the canvas selection', () => {
  it('offers the selected entities (not claims or sources) to the merge dialog', () => {
    const selected = ['e:1', 'c:3', 'e:2', 's:4'].map((id) => ({ id: () => id }));
    attachCanvas({ $: () => selected } as unknown as Core);
    try {
      render(<BackendProvider backend={fakeBackend(base)}><CurationButtons /></BackendProvider>);
      fireEvent.click(screen.getByTestId('merge-selected'));
      expect(useSkein.getState().mergeIds).toEqual([1, 2]);
      selected.splice(0, 3);
      useSkein.getState().closeMerge();
      fireEvent.click(screen.getByTestId('merge-selected'));
      expect(useSkein.getState().mergeIds).toBeNull();
      expect(useSkein.getState().notice?.text).toContain('Select two or more entities');
    } finally {
      attachCanvas(null);
    }
  });
});
