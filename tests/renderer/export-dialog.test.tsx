// @vitest-environment jsdom
// The export dialog: the view scope sends the canvas's node ids and drawn positions to
// export.prepare, the whole investigation sends no ids, the prepared file goes to saveFile, PNG is
// drawn here at the chosen scale (never through export.prepare), and the report carries the picture.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendProvider } from '../../renderer/backend/context';
import { ExportDialog } from '../../renderer/export/ExportDialog';
import { registerExportCanvas } from '../../renderer/export/canvasHandle';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend, type Handlers } from './fakeBackend';

const pictures = vi.hoisted(() => ({ png: [] as { scale: number; transparent: boolean }[] }));
vi.mock('../../renderer/export/pictures', () => ({
  makePng: async (_cy: unknown, options: { scale: number; transparent: boolean }) => {
    pictures.png.push({ scale: options.scale, transparent: options.transparent });
    return { blob: new Blob(['PNG']), width: 100 * options.scale, height: 50 * options.scale, scale: options.scale };
  },
  makeSvg: () => ({ text: '<svg/>', width: 100, height: 50, scale: 1 }),
  blobToDataUrl: async () => 'data:image/png;base64,UE5H',
}));

const positions: Record<string, { x: number; y: number }> = { 'e:1': { x: 10, y: 20 }, 'c:2': { x: -5, y: 40.5 } };
const fakeCy = {
  getElementById: (id: string) => ({ nonempty: () => id in positions, position: () => positions[id] }),
  elements: () => ({ nonempty: () => true }),
} as unknown as Core;

const handlers: Handlers = {
  'export.prepare': (args) => ({ downloadId: 'AAAAAAAAAAAAAAAAAAAAAA', name: `case-view.${args.format}`, bytes: 2048, counts: { nodes: 2, edges: 1 } }),
};

function setup() {
  const backend = fakeBackend(handlers);
  render(<BackendProvider backend={backend}><ExportDialog onClose={() => {}} /></BackendProvider>);
  return backend;
}

beforeEach(() => {
  pictures.png.length = 0;
  useSkein.setState({ nodes: { 'e:1': {}, 'c:2': {} } as never, dbPath: '/home/a/Heron case.skein' });
  registerExportCanvas(fakeCy);
});
afterEach(() => { cleanup(); resetStore(); registerExportCanvas(null); });

describe('export dialog', () => {
  it('exports the current view with its node ids and positions and reports the saved file', async () => {
    const backend = setup();
    expect((screen.getByTestId('export-scope-view') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'graphml' } });
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toMatch(/^Saved case-view\.graphml \(2\.0 KB: 2 nodes, 1 edges\) to test downloads$/));
    expect(backend.calls).toEqual([{ method: 'export.prepare', args: {
      format: 'graphml', scope: { kind: 'view', nodeIds: ['e:1', 'c:2'], positions }, includeHistory: false, picture: null, gexfVersion: '1.3',
    } }]);
    expect(backend.saved).toEqual([{ downloadId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'case-view.graphml' }]);
  });

  it('exports the whole investigation without ids, with the GEXF version and history choices', async () => {
    const backend = setup();
    fireEvent.click(screen.getByTestId('export-scope-investigation'));
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'gexf' } });
    fireEvent.change(screen.getByTestId('export-gexf-version'), { target: { value: '1.2draft' } });
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(backend.saved).toHaveLength(1));
    expect(backend.calls[0]?.args).toEqual({ format: 'gexf', scope: { kind: 'investigation' }, includeHistory: false, picture: null, gexfVersion: '1.2draft' });
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'snapshot' } });
    fireEvent.click(screen.getByTestId('export-history'));
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(backend.saved).toHaveLength(2));
    expect(backend.calls[1]?.args).toMatchObject({ format: 'snapshot', scope: { kind: 'investigation' }, includeHistory: true });
  });

  it('draws a PNG at the chosen scale in the window and saves it under the investigation’s name', async () => {
    const backend = setup();
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'png' } });
    fireEvent.change(screen.getByTestId('export-scale'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('export-transparent'));
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toMatch(/400 × 200 px/));
    expect(pictures.png).toEqual([{ scale: 4, transparent: true }]);
    expect(backend.calls).toEqual([]);
    const saved = backend.saved[0] as { name: string; bytes: Blob };
    expect(saved.name).toMatch(/^Heron case-view-\d{4}-\d{2}-\d{2}\.png$/);
    expect(saved.bytes).toBeInstanceOf(Blob);
  });

  it('sends the view’s picture with the HTML report', async () => {
    const backend = setup();
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'report' } });
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(backend.saved).toHaveLength(1));
    expect(pictures.png).toEqual([{ scale: 2, transparent: false }]);
    expect(backend.calls[0]?.args).toMatchObject({ format: 'report', picture: 'data:image/png;base64,UE5H' });
  });

  it('shows the API’s refusal and offers no view export from an empty canvas', async () => {
    const backend = fakeBackend({});
    useSkein.setState({ nodes: {} });
    render(<BackendProvider backend={backend}><ExportDialog onClose={() => {}} /></BackendProvider>);
    expect((screen.getByTestId('export-scope-investigation') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('export-scope-view'));
    expect((screen.getByTestId('export-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('export-scope-investigation'));
    fireEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(screen.getByTestId('export-result').textContent).toMatch(/fake backend has no export.prepare/));
  });
});
