// Choose an existing entity or claim by typing part of a name, alias or claim text: a relation's
// ends and supporting claim, a claim's claimant, subjects, objects and "responds to", an alias's
// owner, a path's ends. Keyboard-usable (arrows, Enter), with a "clear" button since most of these
// fields may be empty.
import { useState } from 'react';
import type { SearchHit } from '../../shared/api/contract';
import { parseNodeId, type NodeType } from '../../shared/graph/ids';
import { KindBadge } from './KindBadge';
import { useSearchHits } from './useSearchHits';

export interface PickedNode { id: number; label: string }

export function NodePicker({ label, type = 'entity', value, onChange, testId, placeholder }: {
  label: string; type?: NodeType; value: PickedNode | null; onChange(p: PickedNode | null): void; testId: string; placeholder?: string;
}) {
  const [query, setQuery] = useState(value?.label ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useSearchHits(value ? '' : query, (q, h) => { if (q === query) { setHits(h); setActive(0); } }, setError, [type]);
  const listId = `${testId}-results`;
  const choose = (hit: SearchHit | undefined) => {
    const parsed = hit ? parseNodeId(hit.nodeId) : null;
    if (!hit || !parsed) return;
    onChange({ id: parsed.id, label: hit.label });
    setQuery(hit.label);
    setHits([]);
  };
  const showList = !value && query.trim().length > 0 && hits.length > 0;
  return (
    <div className="picker">
      <label>{label}
        <span className="row">
          <input
            className="grow"
            data-testid={testId}
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList ? `${listId}-${active}` : undefined}
            autoComplete="off"
            value={query}
            placeholder={placeholder ?? (type === 'entity' ? 'Type a name or alias' : 'Type to search')}
            onChange={(e) => { setQuery(e.target.value); if (value) onChange(null); }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, hits.length - 1)); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
              else if (e.key === 'Enter' && showList) { e.preventDefault(); choose(hits[active]); }
            }}
          />
          {(value || query) && <button type="button" aria-label={`Clear ${label}`} onClick={() => { setQuery(''); onChange(null); }}>×</button>}
        </span>
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
