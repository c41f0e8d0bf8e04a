// The top bar's typeahead: FTS prefix search over names, aliases, claims and sources, typed results,
// fully usable from the keyboard (↑/↓ move, Enter opens, Escape closes). Opening a hit puts it on
// the canvas and centres it.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/api/contract';
import { useSkein } from '../state/store';
import { KindBadge } from './KindBadge';
import { useSearchHits } from './useSearchHits';

export function SearchBox({ onOpen }: { onOpen(hit: SearchHit): void }) {
  const query = useSkein((s) => s.query);
  const hits = useSkein((s) => s.hits);
  const active = useSkein((s) => s.active);
  const open = useSkein((s) => s.open);
  const focusSeq = useSkein((s) => s.searchFocusSeq);
  const { setQuery, setHits, moveActive, closeSearch, notify } = useSkein.getState();
  const input = useRef<HTMLInputElement>(null);

  const dataVersion = useSkein((s) => s.dataVersion);
  // an open list follows the investigation (names an import brings in appear without retyping); a
  // closed one does not ask again, and closing or opening it is no reason to ask either
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (useSkein.getState().open) setAsked((n) => n + 1);
  }, [dataVersion]);
  useSearchHits(query, setHits, (message) => notify('error', message), undefined, asked);

  useEffect(() => {
    if (focusSeq > 0) { input.current?.focus(); input.current?.select(); }
  }, [focusSeq]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    closeSearch();
    onOpen(hit);
  };
  const showList = open && query.trim().length > 0;

  return (
    <div className="search" role="search">
      <label htmlFor="search-input" className="sr-only">Search people, organizations, places, claims and sources</label>
      <input
        id="search-input"
        ref={input}
        data-testid="search-input"
        type="search"
        placeholder="Search names, aliases, claims…  (Ctrl+F)"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={showList}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `search-hit-${active}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onFocus={() => { if (query.trim()) useSkein.setState({ open: true }); }}
        onBlur={() => closeSearch()}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') { event.preventDefault(); moveActive(1); }
          else if (event.key === 'ArrowUp') { event.preventDefault(); moveActive(-1); }
          else if (event.key === 'Enter') { event.preventDefault(); pick(hits[active]); }
          else if (event.key === 'Escape') {
            event.preventDefault();
            if (showList) closeSearch();
            else setQuery('');
          }
        }}
      />
      {showList && (
        <ul id="search-results" role="listbox" className="search-results" data-testid="search-results" aria-label="Search results">
          {hits.length === 0 && <li className="search-empty" role="presentation">No matches yet</li>}
          {hits.map((hit, index) => (
            <li
              key={hit.nodeId}
              id={`search-hit-${index}`}
              role="option"
              aria-selected={index === active}
              data-node-id={hit.nodeId}
              className={index === active ? 'hit active' : 'hit'}
              // mousedown, not click: the input's blur would close the list before a click lands
              onMouseDown={(event) => { event.preventDefault(); pick(hit); }}
              onMouseEnter={() => useSkein.setState({ active: index })}
            >
              <KindBadge type={hit.type} kind={hit.kind} />
              <span className="hit-label">{hit.label}</span>
              {hit.match && <span className="hit-match">matched “{hit.match}”</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
