// The first step: paste a text (with an optional title) or choose files. Several readable files
// offer "Review one by one" or "Import all (auto-accept)"; unreadable ones say why up front.
import { useId } from 'react';
import { ACCEPT, isReadable, type ImportItem } from './files';

interface Props {
  text: string;
  title: string;
  items: readonly ImportItem[];
  busy: boolean;
  onText(text: string): void;
  onTitle(title: string): void;
  onFiles(files: File[]): void;
  onReviewText(): void;
  onReviewFiles(): void;
  onImportAll(): void;
}

export function InputStage({ text, title, items, busy, onText, onTitle, onFiles, onReviewText, onReviewFiles, onImportAll }: Props) {
  const id = useId();
  const readable = items.filter(isReadable);
  return (
    <div className="import-input" data-testid="import-input">
      <section className="import-paste" aria-labelledby={`${id}-paste`}>
        <h3 id={`${id}-paste`}>Paste an article</h3>
        <label className="import-field">
          <span>Title (optional)</span>
          <input value={title} onChange={(e) => onTitle(e.target.value)} data-testid="import-title" maxLength={1000} />
        </label>
        <label className="import-field import-grow">
          <span>Text</span>
          <textarea value={text} onChange={(e) => onText(e.target.value)} data-testid="import-textarea" rows={14}
            placeholder="Paste the article text here. Leading lines like “date 2025-03-03” or “Title: …” become the source's metadata." />
        </label>
        <div className="import-actions">
          <button type="button" className="primary" data-testid="import-review-text" disabled={busy || !text.trim()} onClick={onReviewText}>
            {busy ? 'Reading…' : 'Review'}
          </button>
        </div>
      </section>
      <section className="import-files" aria-labelledby={`${id}-files`}>
        <h3 id={`${id}-files`}>Or import files</h3>
        <label className="import-field">
          <span>Files (.txt, .md, .html; drop them anywhere on the window)</span>
          <input type="file" multiple accept={ACCEPT} data-testid="import-file-input"
            onChange={(e) => { onFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
        </label>
        {items.length > 0 && (
          <ul className="import-file-list" data-testid="import-file-list">
            {items.map((item, i) => (
              <li key={i} data-ok={isReadable(item)}>
                <strong>{item.name}</strong>
                {item.error ? <span className="error-text"> — {item.error}</span> : <span className="muted"> — ready</span>}
              </li>
            ))}
          </ul>
        )}
        {readable.length > 0 && (
          <div className="import-actions">
            <button type="button" className={readable.length === 1 ? 'primary' : undefined} disabled={busy} onClick={onReviewFiles} data-testid="import-review-files">
              {readable.length === 1 ? 'Review' : `Review one by one (${readable.length})`}
            </button>
            {readable.length > 1 && (
              <button type="button" className="primary" disabled={busy} onClick={onImportAll} data-testid="import-all">
                Import all (auto-accept)
              </button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
