// Filter chips (one per active filter, each removable) and the filter panel: kinds, claim status and
// stance, source reliability and claim credibility thresholds, date range. Changes apply at once as a
// cytoscape class (canvasEffects.ts); the hidden items are also listed for screen readers.
import { useMemo } from 'react';
import { CLAIM_STATUSES, RELIABILITY_GRADES, STANCES, type Reliability } from '../../shared/domain/model';
import { PartialDate } from '../../shared/domain/model';
import { KIND_LABEL, type VisualKind } from '../graph/palette';
import { useSkein } from '../state/store';
import { hiddenFor } from './canvasEffects';
import { filterChips, type Filters as FilterState } from './filterModel';

const KINDS: VisualKind[] = ['person', 'organization', 'place', 'event', 'claim', 'source'];
const CREDIBILITY_WORDS = ['', 'confirmed', 'probably true', 'possibly true', 'doubtful', 'improbable'];

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

export function FilterChips() {
  const filters = useSkein((s) => s.filters);
  const hiddenCount = useSkein((s) => [...hiddenFor(s)].filter((id) => s.nodes[id]).length);
  const chips = filterChips(filters);
  if (chips.length === 0) return null;
  const set = useSkein.getState().setFilters;
  return (
    <ul className="chips" data-testid="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className="filter-chip" data-chip={chip.key}>
          {chip.label}
          <button type="button" className="icon-button" aria-label={`Remove filter: ${chip.label}`} onClick={() => set(chip.clear(useSkein.getState().filters))}>×</button>
        </li>
      ))}
      <li className="muted" data-testid="hidden-count">{hiddenCount} hidden</li>
    </ul>
  );
}

/** The filtered-out nodes, for screen readers (and a DOM state end-to-end tests can check). */
export function FilteredList() {
  const nodes = useSkein((s) => s.nodes);
  const edges = useSkein((s) => s.edges);
  const filters = useSkein((s) => s.filters);
  const facts = useSkein((s) => s.claimFacts);
  const hidden = useMemo(() => hiddenFor({ nodes, edges, filters, claimFacts: facts }), [nodes, edges, filters, facts]);
  return (
    <ul className="sr-only" data-testid="filtered-out" aria-label="Hidden by filters">
      {[...hidden].filter((id) => nodes[id]).map((id) => <li key={id} data-node-id={id}>{nodes[id]!.label}</li>)}
      {[...hidden].filter((id) => edges[id]).map((id) => <li key={id} data-edge-id={id}>{edges[id]!.label}</li>)}
    </ul>
  );
}

export function FilterPanel() {
  const f = useSkein((s) => s.filters);
  const open = useSkein((s) => s.filtersOpen);
  if (!open) return null;
  const set = (next: Partial<FilterState>) => useSkein.getState().setFilters({ ...useSkein.getState().filters, ...next });
  const date = (value: string) => (value.trim() === '' ? null : PartialDate.safeParse(value.trim()).success ? value.trim() : undefined);
  return (
    <section className="filter-panel explore-panel" data-testid="filter-panel" aria-label="Filters"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); useSkein.getState().setFiltersOpen(false); } }}>
      <header className="panel-head">
        <h2>Filters</h2>
        <button type="button" className="icon-button" aria-label="Close filters" onClick={() => useSkein.getState().setFiltersOpen(false)}>×</button>
      </header>
      <fieldset>
        <legend>Show kinds</legend>
        {KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={!f.kinds.includes(k)} onChange={(e) => set({ kinds: toggle(f.kinds, k, !e.target.checked) })} />
            {KIND_LABEL[k]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Show claims that are</legend>
        {CLAIM_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" data-testid={`filter-status-${s}`} checked={!f.statuses.includes(s)} onChange={(e) => set({ statuses: toggle(f.statuses, s, !e.target.checked) })} />
            {s}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Show stances</legend>
        {STANCES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" data-testid={`filter-stance-${s}`} checked={!f.stances.includes(s)} onChange={(e) => set({ stances: toggle(f.stances, s, !e.target.checked) })} />
            {s}
          </label>
        ))}
      </fieldset>
      <label>Hide sources below
        <select data-testid="filter-reliability" value={f.minReliability ?? ''} onChange={(e) => set({ minReliability: (e.target.value || null) as Reliability | null })}>
          <option value="">(show all)</option>
          {RELIABILITY_GRADES.slice(0, 5).map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
      </label>
      <label>Hide claims below
        <select data-testid="filter-credibility" value={f.maxCredibility ?? ''} onChange={(e) => set({ maxCredibility: e.target.value ? Number(e.target.value) : null })}>
          <option value="">(show all)</option>
          {[1, 2, 3, 4, 5].map((c) => <option key={c} value={c}>{c} – {CREDIBILITY_WORDS[c]}</option>)}
        </select>
      </label>
      <p className="muted small">Ungraded sources and claims stay visible.</p>
      <div className="row">
        <label>From<input data-testid="filter-date-from" placeholder="1989 or 1989-05" defaultValue={f.dateFrom ?? ''} key={`from-${f.dateFrom}`}
          onBlur={(e) => { const d = date(e.target.value); if (d !== undefined) set({ dateFrom: d }); }} /></label>
        <label>To<input data-testid="filter-date-to" placeholder="1991" defaultValue={f.dateTo ?? ''} key={`to-${f.dateTo}`}
          onBlur={(e) => { const d = date(e.target.value); if (d !== undefined) set({ dateTo: d }); }} /></label>
      </div>
      <p className="muted small">Dates match when a claim was made or is about a time in the range; undated claims stay.</p>
    </section>
  );
}
