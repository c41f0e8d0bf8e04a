// Inspector body for an entity: names and aliases with their kinds, description, relations, claims
// made by it and about it, and the sources that mention it.
import type { EntityDetail } from '../../../shared/api/contract';
import { nodeId } from '../../../shared/graph/ids';
import { useSkein } from '../../state/store';
import { KindBadge } from '../KindBadge';
import { ClaimSummary } from './ClaimSummary';

export function EntityView({ detail, onShow }: { detail: EntityDetail; onShow(id: string): void }) {
  const { entity, aliases, relations, claimsBy, claimsAbout, sources, names } = detail;
  const otherAliases = aliases.filter((a) => a.name !== entity.name);
  return (
    <div className="detail" data-testid="entity-detail">
      <KindBadge type="entity" kind={entity.kind} />
      <h3 className="detail-title">{entity.name}</h3>
      {entity.description && <p className="description">{entity.description}</p>}
      <section aria-label="Names and aliases">
        <h4>Also known as</h4>
        {otherAliases.length === 0 ? <p className="muted">No other names</p> : (
          <ul className="plain">
            {otherAliases.map((a) => <li key={a.id}>{a.name} <span className="chip">{a.kind}</span></li>)}
          </ul>
        )}
      </section>
      <section aria-label="Relations">
        <h4>Relations ({relations.length})</h4>
        {relations.length === 0 ? <p className="muted">None recorded</p> : (
          <ul className="plain">
            {relations.map((r) => {
              const otherId = r.direction === 'out' ? r.toId : r.fromId;
              const kind = r.kind.replace(/_/g, ' ');
              return (
                <li key={r.id}>
                  {r.direction === 'out' && `${kind} → `}
                  <button type="button" className="link" onClick={() => onShow(nodeId('entity', otherId))}>{r.otherName}</button>
                  {r.direction === 'in' && ` → ${kind} → this`}
                  {(r.start || r.end) && <span className="muted"> ({r.start ?? '?'} – {r.end ?? ''})</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-label="Claims made">
        <h4>Claims made ({claimsBy.length})</h4>
        {claimsBy.length === 0 ? <p className="muted">None</p> : (
          <ul className="plain">{claimsBy.map((c) => <ClaimSummary key={c.id} claim={c} names={names} onShow={onShow} />)}</ul>
        )}
      </section>
      <section aria-label="Claims about">
        <h4>Claims about ({claimsAbout.length})</h4>
        {claimsAbout.length === 0 ? <p className="muted">None</p> : (
          <ul className="plain">{claimsAbout.map((c) => <ClaimSummary key={c.id} claim={c} names={names} onShow={onShow} />)}</ul>
        )}
      </section>
      <section aria-label="Sources">
        <h4>Mentioned in ({sources.length})</h4>
        {sources.length === 0 ? <p className="muted">No source mentions</p> : (
          <ul className="plain">
            {sources.map(({ source, mentions }) => (
              <li key={source.id}>
                <button type="button" className="link" onClick={() => onShow(nodeId('source', source.id))}>{source.title || `Source ${source.id}`}</button>
                <span className="muted"> · {mentions} mention{mentions === 1 ? '' : 's'} · reliability {source.reliability ?? 'ungraded'}</span>
                {' '}<button type="button" className="quote-link" data-testid="source-read"
                  onClick={() => useSkein.getState().openReader({ sourceId: source.id, target: { type: 'entity', id: entity.id } })}>read</button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
