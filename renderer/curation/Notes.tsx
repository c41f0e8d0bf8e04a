// Markdown notes on an item: list (rendered by the safe renderer in markdown.tsx), add, edit, delete.
// Entity, claim and source details already carry their notes; relations ask `note.list`. A link in
// a note opens only through LinkDialog's confirmation.
import { useEffect, useState } from 'react';
import type { Note } from '../../shared/domain/model';
import { useBackend } from '../backend/context';
import { useSkein } from '../state/store';
import { readOrNull, useCuration } from './actions';
import { LinkDialog } from './LinkDialog';
import { Markdown } from './markdown';

type Target = Note['target'];

function NoteItem({ note, onLink }: { note: Note; onLink(url: string): void }) {
  const curation = useCuration();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const save = async () => {
    if (await curation.updateNote({ id: note.id, version: note.version, body })) setEditing(false);
  };
  return (
    <li className="note" data-testid="note">
      {editing ? (
        <div className="form">
          <textarea aria-label="Note text" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          <div className="form-actions">
            <button type="button" onClick={() => { setBody(note.body); setEditing(false); }}>Cancel</button>
            <button type="button" className="primary" disabled={!body.trim()} onClick={() => void save()}>Save note</button>
          </div>
        </div>
      ) : (
        <>
          <Markdown source={note.body} onLink={onLink} />
          <div className="note-meta">
            <span className="muted">{new Date(note.updatedAt).toLocaleString()}</span>
            <button type="button" className="link" onClick={() => setEditing(true)}>Edit</button>
            <button type="button" className="link" onClick={() => void curation.deleteNote(note.id, note.version)}>Delete</button>
          </div>
        </>
      )}
    </li>
  );
}

export function NotesSection({ target, targetId, notes: given }: { target: Target; targetId: number; notes?: Note[] }) {
  const backend = useBackend();
  const curation = useCuration();
  const dataVersion = useSkein((s) => s.dataVersion);
  const [loaded, setLoaded] = useState<Note[]>([]);
  const [draft, setDraft] = useState('');
  const [link, setLink] = useState<string | null>(null);

  useEffect(() => {
    if (given) return;
    let cancelled = false;
    void readOrNull(() => backend.invoke('note.list', { target, targetId })).then((r) => { if (r && !cancelled) setLoaded(r.notes); });
    return () => { cancelled = true; };
  }, [backend, target, targetId, given, dataVersion]);

  const notes = given ?? loaded;
  const add = async () => {
    if (!draft.trim()) return;
    if (await curation.addNote({ target, targetId, body: draft })) setDraft('');
  };
  return (
    <section aria-label="Notes" className="notes" data-testid="notes">
      <h4>Notes ({notes.length})</h4>
      <ul className="plain">{notes.map((n) => <NoteItem key={`${n.id}:${n.version}`} note={n} onLink={setLink} />)}</ul>
      <div className="form">
        <textarea aria-label="New note" data-testid="new-note" rows={3} placeholder="Add a note (Markdown: *emphasis*, **strong**, `code`, - lists, [links](https://…))"
          value={draft} onChange={(e) => setDraft(e.target.value)} />
        <div className="form-actions">
          <button type="button" data-testid="add-note" disabled={!draft.trim()} onClick={() => void add()}>Add note</button>
        </div>
      </div>
      {link && <LinkDialog url={link} onClose={() => setLink(null)} />}
    </section>
  );
}
