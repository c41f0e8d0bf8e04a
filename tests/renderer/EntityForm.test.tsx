// @vitest-environment jsdom
// Adding an entity by hand: the form sends kind, name and aliases to entity.create, puts the new node
// on the canvas and closes; a refusal from the API is shown and the dialog stays open; Escape closes.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActions } from '../../renderer/app/actions';
import { EntityForm } from '../../renderer/app/EntityForm';
import { BackendError } from '../../renderer/backend/types';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend, type Handlers } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); });

const counts = { entities: 1, people: 0, organizations: 1, places: 0, events: 0, aliases: 1, claims: 0, relations: 0, sources: 0, spans: 0, notes: 0, history: 1 };
const handlers: Handlers = {
  'entity.create': (args) => ({ id: 7, uid: 'u7', kind: args.kind, name: args.name, description: '', importance: 0, mergedInto: null, origin: 'manual', createdAt: 1, updatedAt: 1, version: 1 }),
  'graph.nodes': () => ({ nodes: [{ id: 'e:7', type: 'entity', kind: 'organization', label: 'Committee for State Security', importance: 0 }], edges: [] }),
  'graph.edgesAmong': () => ({ edges: [] }),
  'app.info': () => ({ version: 't', dbPath: '/tmp/x.skein', schemaVersion: 1, counts }),
};

function setup(overrides: Handlers = {}) {
  const backend = fakeBackend({ ...handlers, ...overrides });
  const onClose = vi.fn();
  render(<EntityForm actions={createActions(backend)} onClose={onClose} />);
  return { backend, onClose };
}

describe('entity form', () => {
  it('creates an organization with an abbreviation and shows it on the canvas', async () => {
    const { backend, onClose } = setup();
    expect(document.activeElement).toBe(screen.getByLabelText('Kind'));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'organization' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  Committee for State Security ' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add alias' }));
    fireEvent.change(screen.getByLabelText('Alias 1'), { target: { value: 'KGB' } });
    fireEvent.change(screen.getByTestId('alias-kind-0'), { target: { value: 'abbreviation' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Add alias' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add organization' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.calls[0]).toEqual({
      method: 'entity.create',
      args: { kind: 'organization', name: 'Committee for State Security', description: '', aliases: [{ name: 'KGB', kind: 'abbreviation' }] },
    });
    expect(Object.keys(useSkein.getState().nodes)).toEqual(['e:7']);
    expect(useSkein.getState().selectedId).toBe('e:7');
    expect(useSkein.getState().counts?.organizations).toBe(1);
  });

  it('keeps the dialog open and shows why when the API refuses', async () => {
    const { onClose } = setup({ 'entity.create': () => { throw new BackendError('invalid_arguments', 'name: a name is at most 500 characters'); } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(useSkein.getState().notice?.text).toBe('name: a name is at most 500 characters'));
    expect(onClose).not.toHaveBeenCalled();
    expect(useSkein.getState().notice?.kind).toBe('error');
  });

  it('cannot be submitted without a name, and Escape closes it', () => {
    const { backend, onClose } = setup();
    expect((screen.getByRole('button', { name: 'Add person' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    expect(backend.calls).toEqual([]);
  });
});
