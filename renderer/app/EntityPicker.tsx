// Choose an existing entity by typing part of a name or alias (the relation form's two ends).
import { useState } from 'react';
import type { SearchHit } from '../../shared/api/contract';
import { KindBadge } from './KindBadge';
import { useSearchHits } from './useSearchHits';

export interface Picked { id: number; label: string }

export function EntityPicker({ label, value, onChange, testId }: { label: string; value: Picked | null; onChange(p: Picked | null): void; testId: string }) {
  const [query, setQuery] = useState(value?.label ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useSearchHits(value ? '' : query, (q, h) => { if (q === query) { setHits(h); setActive(0); } }, setError, ['entity']);
  const listId = `${testId}-results`;
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChange({ id: Number(hit.nodeId.slice(2)), label: hit.label });
    setQuery(hit.label);
    setHits([]);
  };
  const showList = !value && query.trim().length > 0 && hits.length > 0;
  return (
    <div className="picker">
      <label>{label}
        <input
          data-testid={testId}
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList ? `${listId}-${active}` : undefined}
          autoComplete="off"
          value={query}
          placeholder="Type a name or alias"
          onChange={(e) => { setQuery(e.target.value); if (value) onChange(null); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, hits.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            else if (e.key === 'Enter' && showList) { e.preventDefault(); choose(hits[active]); }
          }}
        />
      </label>
      {value && <span className="picked" data-testid={`${testId}-picked`}>✓ {value.label}</span>}
      {error && <span className="error-text">{error}</span>}
      {showList && (
        <ul id={listId} role="listbox" className="search-results picker-results" aria-label={`${label} matches`}>
          {hits.map((hit, i) => (
            <li key={hit.nodeId} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'hit active' : 'hit'}
              data-node-id={hit.nodeId} onMouseDown={(e) => { e.preventDefault(); choose(hit); }}>
              <KindBadge type={hit.type} kind={hit.kind} /><span className="hit-label">{hit.label}</span>
              {hit.match && <span className="hit-match">matched “{hit.match}”</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
