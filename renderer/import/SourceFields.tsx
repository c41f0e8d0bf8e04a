// The smaller review sections: relations stated as fact (kind, from, to; delete) and the source's
// metadata (title, author, publisher, url, published date), both edited in place.
import type { RelationInput } from '../../shared/api/import';
import { RELATION_KINDS, type RelationKind } from '../../shared/domain/model';
import type { SourceMetadata } from '../../shared/extract/types';
import { anchor } from './highlights';
import { blankToNull, PARTIAL_DATE, type EntityReview } from './review';

export function RelationList({ relations, entities, onChange, onDelete, onLocate }: {
  relations: readonly RelationInput[];
  entities: readonly EntityReview[];
  onChange(key: string, patch: Partial<RelationInput>): void;
  onDelete(key: string): void;
  onLocate(anchorId: string): void;
}) {
  if (relations.length === 0) return <p className="muted">No relations were stated as fact.</p>;
  const options = (current: string) => (
    <>
      {entities.map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}
      {!entities.some((e) => e.key === current) && <option value={current}>(ignored entity: not written)</option>}
    </>
  );
  return (
    <ul className="import-list" data-testid="import-relations">
      {relations.map((relation, index) => (
        <li key={relation.key} className="import-item" data-testid={`relation-${relation.key}`}>
          <div className="import-item-head">
            <button type="button" className="link" onClick={() => onLocate(anchor.relation(relation.key))} title="Show the quote in the text" aria-label={`Relation ${index + 1}: show in the text`}>
              Relation {index + 1}
            </button>
            <button type="button" className="danger-link" aria-label={`Delete relation ${index + 1}`} onClick={() => onDelete(relation.key)}>Delete</button>
          </div>
          <div className="import-controls">
            <label>
              <span>From</span>
              <select value={relation.fromKey} onChange={(e) => onChange(relation.key, { fromKey: e.target.value })}>{options(relation.fromKey)}</select>
            </label>
            <label>
              <span>Kind</span>
              <select value={relation.kind} onChange={(e) => onChange(relation.key, { kind: e.target.value as RelationKind })}>
                {RELATION_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
              </select>
            </label>
            <label>
              <span>To</span>
              <select value={relation.toKey} onChange={(e) => onChange(relation.key, { toKey: e.target.value })}>{options(relation.toKey)}</select>
            </label>
          </div>
        </li>
      ))}
    </ul>
  );
}

const FIELDS: { key: Exclude<keyof SourceMetadata, 'language'>; label: string; type?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'url', label: 'URL', type: 'url' },
  { key: 'publishedAt', label: 'Published' },
];

export function MetadataForm({ metadata, onChange }: { metadata: SourceMetadata; onChange(patch: Partial<SourceMetadata>): void }) {
  return (
    <div className="import-metadata" data-testid="import-metadata">
      {FIELDS.map((f) => {
        const value = metadata[f.key];
        const bad = f.key === 'publishedAt' && value !== null && !PARTIAL_DATE.test(value.trim());
        return (
          <label key={f.key} className={bad ? 'invalid' : undefined}>
            <span>{f.label}</span>
            <input type={f.type ?? 'text'} value={value ?? ''} aria-invalid={bad} data-testid={`meta-${f.key}`}
              placeholder={f.key === 'publishedAt' ? 'YYYY[-MM[-DD]]' : undefined}
              onChange={(e) => onChange({ [f.key]: blankToNull(e.target.value) })} />
          </label>
        );
      })}
    </div>
  );
}
