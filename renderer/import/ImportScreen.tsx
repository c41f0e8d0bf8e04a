// The import screen (SPEC §3): paste or pick files → review one proposal at a time → commit, or
// import many files with auto-accept. A full-screen modal panel: focus moves in and stays in, Escape
// closes (asking first when something would be lost), and nothing is written until Commit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProposal } from '../../shared/api/import';
import type { Actions } from '../app/actions';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useSkein } from '../state/store';
import { BatchStage, type BatchOutcome } from './BatchStage';
import { placeImportOnCanvas } from './canvas';
import { isReadable, previewArgs, readFileItems, type ImportItem } from './files';
import { clearImportBatch, useImportScreen } from './importStore';
import { InputStage } from './InputStage';
import { commitArgs, initialReview, isEdited, type Review } from './review';
import { ReviewStage } from './ReviewStage';
import { useBatch } from './useBatch';
import { takeGraphFiles } from '../export/graphUpload';
import './import.css';

interface Current { proposal: ImportProposal; base: Review; review: Review }

export function ImportScreen({ actions, onClose }: { actions: Actions; onClose(): void }) {
  const backend = useBackend();
  const box = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [items, setItems] = useState<ImportItem[]>([]);
  const [current, setCurrent] = useState<Current | null>(null);
  /** files still to review after the current one, and how many there were */
  const [queue, setQueue] = useState<{ rest: ImportItem[]; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const notify = useSkein((s) => s.notify);

  const afterBatch = useCallback((outcomes: BatchOutcome[]) => {
    const ids = outcomes.filter((o) => o.status === 'imported').map((o) => o.sourceId!);
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    notify(failed > 0 ? 'error' : 'info', `Imported ${ids.length} of ${outcomes.length} files${failed > 0 ? `; ${failed} failed` : ''}`);
    void actions.refreshInfo();
    if (ids.length > 0) placeImportOnCanvas(backend, ids).catch((e: unknown) => notify('error', errorMessage(e)));
  }, [actions, backend, notify]);
  const { batch, run, cancel } = useBatch(backend, afterBatch);

  // files dropped on the window (or re-dropped while open) arrive through the screen's store
  const dropSeq = useImportScreen((s) => s.seq);
  useEffect(() => {
    const { files } = useImportScreen.getState();
    // snapshots, GraphML and GEXF are graphs, not articles: they go to graph.importUpload
    if (files.length > 0) void readFileItems(takeGraphFiles(backend, files, notify, () => void actions.refreshInfo())).then(setItems);
  }, [dropSeq]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('textarea, input')?.focus();
    return () => previous?.focus?.();
  }, []);

  /** Previews one item into the review; returns the error message when it cannot be previewed. */
  async function preview(item: ImportItem): Promise<string | null> {
    setBusy(true);
    try {
      const { proposal } = await backend.invoke('import.preview', previewArgs(item));
      const base = initialReview(proposal);
      // a file whose text names no title is titled after the file, which the analyst can still edit
      if (!base.metadata.title && item.fallbackTitle) base.metadata.title = item.fallbackTitle;
      setCurrent({ proposal, base, review: base });
      return null;
    } catch (e) {
      return `${item.name}: ${errorMessage(e)}`;
    } finally {
      setBusy(false);
    }
  }

  async function reviewQueue(rest: ImportItem[], total: number) {
    // an item that fails to preview is reported and the next one is offered
    const failures: string[] = [];
    setError(null);
    for (let i = 0; i < rest.length; i++) {
      setQueue({ rest: rest.slice(i + 1), total });
      const failure = await preview(rest[i]!);
      if (failure === null) { setError(failures.join('\n') || null); return; }
      failures.push(failure);
    }
    setError(failures.join('\n') || null);
    setCurrent(null);
    setQueue(null);
  }

  async function commit() {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const result = await backend.invoke('import.commit', commitArgs(current.proposal, current.review));
      notify('info', `Imported: ${result.entities} entities, ${result.claims} claims`);
      void actions.refreshInfo();
      await placeImportOnCanvas(backend, [result.sourceId]).catch((e: unknown) => notify('error', errorMessage(e)));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
      return;
    }
    setBusy(false);
    if (queue && queue.rest.length > 0) await reviewQueue(queue.rest, queue.total);
    else onClose();
  }

  const skip = () => { if (queue) void reviewQueue(queue.rest, queue.total); };
  const dirty = current ? isEdited(current.base, current.review) : Boolean(text.trim() || title.trim());
  const running = batch !== null && !batch.finished;
  const requestClose = () => {
    if (running) return onClose(); // the batch goes on; the indicator in the window shows it
    if (dirty) setConfirming(true);
    else onClose();
  };

  // Keys pressed while focus has fallen outside the screen (onto <body>, after the focused control
  // unmounted) are caught here first, so Escape still works and the shell's shortcuts stay quiet.
  const escapeRef = useRef(() => {});
  escapeRef.current = () => { if (confirming) setConfirming(false); else requestClose(); };
  useEffect(() => {
    const onWindowKey = (event: KeyboardEvent) => {
      if (box.current?.contains(event.target as Node)) return;
      event.stopPropagation();
      if (event.key === 'Escape') { event.preventDefault(); escapeRef.current(); }
    };
    window.addEventListener('keydown', onWindowKey, true);
    return () => window.removeEventListener('keydown', onWindowKey, true);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // keys typed here never reach the shell's shortcuts (Ctrl+Z would undo in the graph behind)
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      escapeRef.current();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]')]
      .filter((e) => !e.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last?.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first?.focus(); }
  };

  const position = queue && queue.total > 1 ? `${queue.total - queue.rest.length} of ${queue.total}` : null;
  return (
    <div className="import-screen" role="dialog" aria-modal="true" aria-labelledby="import-screen-title" ref={box}
      data-testid="import-screen" onKeyDown={onKeyDown}>
      <div className="import-head">
        <h2 id="import-screen-title">Import</h2>
        <button type="button" className="icon-button" aria-label="Close import" onClick={requestClose}>×</button>
      </div>
      {confirming && (
        <div className="import-confirm" role="alertdialog" aria-label="Discard this import?" data-testid="import-discard">
          <span>Discard this import? Nothing has been written.</span>
          <button type="button" className="primary" onClick={onClose} autoFocus>Discard</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep editing</button>
        </div>
      )}
      {error && <p className="error-text import-error" role="alert" data-testid="import-error">{error}</p>}
      {batch ? (
        <BatchStage batch={batch} onCancel={cancel} onHide={onClose} onClose={() => { clearImportBatch(); onClose(); }} />
      ) : current ? (
        <ReviewStage key={`${current.proposal.sha256}:${position ?? ''}`} proposal={current.proposal} review={current.review} busy={busy} position={position}
          setReview={(update) => setCurrent((c) => (c ? { ...c, review: update(c.review) } : c))}
          onCommit={() => void commit()} onSkip={queue && queue.rest.length > 0 ? skip : null} onCancel={requestClose}
          onOpenSource={(id) => { onClose(); void actions.showNode(`s:${id}`); }} />
      ) : (
        <InputStage text={text} title={title} items={items} busy={busy} onText={setText} onTitle={setTitle}
          onFiles={(files) => void readFileItems(takeGraphFiles(backend, files, notify, () => void actions.refreshInfo())).then(setItems)}
          onReviewText={() => void preview({ name: 'Pasted text', text, ...(title.trim() ? { title: title.trim() } : {}) }).then(setError)}
          onReviewFiles={() => { const ok = items.filter(isReadable); void reviewQueue(ok, ok.length); }}
          onImportAll={() => void run(items)} />
      )}
    </div>
  );
}
