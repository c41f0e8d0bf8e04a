// @vitest-environment jsdom
// The import screen's graph-file hook: snapshots, GraphML and GEXF among picked files are sent as
// base64 to graph.importUpload and reported; articles pass through to the article import; a refusal
// is reported with the file's name.
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../renderer/backend/types';
import { takeGraphFiles } from '../../renderer/export/graphUpload';
import { fakeBackend } from './fakeBackend';

const graphResult = { kind: 'graphml' as const, format: 'graphml' as const, nodes: 2, edges: 1, entities: 2, relations: 1, selfLoops: 0, notes: 0, typedNodes: 0, historyId: 1 };

function run(files: File[], fail = false) {
  const backend = fakeBackend({
    'graph.importUpload': (args) => {
      if (fail) throw new BackendError('invalid_arguments', 'broken.gexf is not well-formed XML');
      expect(atob(args.base64)).toBe('<graphml/>');
      return graphResult;
    },
  });
  const notices: string[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const rest = takeGraphFiles(backend, files, (kind, text) => notices.push(`${kind}: ${text}`), () => finish());
  return { backend, rest, notices, done };
}

describe('graph files from the import screen', () => {
  it('uploads a GraphML file, reports the counts and leaves the article to the article import', async () => {
    const article = new File(['An article.'], 'story.txt');
    const { rest, notices, done, backend } = run([article, new File(['<graphml/>'], 'made-elsewhere.graphml')]);
    expect(rest).toEqual([article]);
    await done;
    expect(backend.calls.map((c) => c.method)).toEqual(['graph.importUpload']);
    expect(notices).toEqual(['info: Imported GraphML made-elsewhere.graphml: 2 nodes → 2 entities, 1 edges → 1 relations']);
  });

  it('reports a refused file by name and imports nothing else', async () => {
    const { rest, notices, done } = run([new File(['<gexf'], 'broken.gexf')], true);
    expect(rest).toEqual([]);
    await done;
    expect(notices).toEqual(['error: broken.gexf was not imported: broken.gexf is not well-formed XML']);
  });

  it('passes article files through untouched when there is no graph file', () => {
    const files = [new File(['x'], 'notes.md'), new File(['y'], 'data.json.txt')];
    const { rest, backend } = run(files);
    expect(rest).toBe(files);
    expect(backend.calls).toEqual([]);
  });
});
