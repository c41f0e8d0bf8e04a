// The proposed entities: kind, name, aliases and mention count, and the analyst's decision for each
// (new / link to the matched existing entity / ignore) plus a kind correction. Clicking the name
// flashes its mentions in the text; ignoring one removes its highlights.
import { ENTITY_KINDS, type EntityKind } from '../../shared/domain/model';
import type { ExtractedEntity } from '../../shared/extract/types';
import { KindBadge } from '../app/KindBadge';
import { anchor } from './highlights';
import type { EntityAction, EntityReview } from './review';

interface Props {
  proposed: readonly ExtractedEntity[];
  entities: readonly EntityReview[];
  onChange(key: string, patch: Partial<Pick<EntityReview, 'action' | 'kind'>>): void;
  onLocate(anchorId: string): void;
}

export function EntityList({ proposed, entities, onChange, onLocate }: Props) {
  const byKey = new Map(proposed.map((e) => [e.key, e]));
  if (entities.length === 0) return <p className="muted">No people, organizations or places were found.</p>;
  return (
    <ul className="import-list" data-testid="import-entities">
      {entities.map((entity) => {
        const source = byKey.get(entity.key);
        const aliases = source?.aliases.filter((a) => a.name !== entity.name) ?? [];
        const mentions = source?.mentions.length ?? 0;
        const id = `import-entity-${entity.key}`;
        return (
          <li key={entity.key} className="import-item" data-testid={`entity-${entity.key}`} data-action={entity.action}>
            <div className="import-item-head">
              <KindBadge type="entity" kind={entity.kind} />
              <button type="button" className="link import-name" id={id} disabled={mentions === 0 || entity.action === 'ignore'}
                onClick={() => onLocate(anchor.mention(entity.key, 0))} title="Show in the text">{entity.name}</button>
              <span className="muted import-count">{mentions} {mentions === 1 ? 'mention' : 'mentions'}</span>
            </div>
            {aliases.length > 0 && (
              <p className="import-aliases">
                {aliases.map((a, i) => <span key={i}>{i > 0 && ', '}{a.name}{a.kind !== 'name' && <span className="muted"> ({a.kind})</span>}</span>)}
              </p>
            )}
            {entity.match && (
              <p className="import-match" data-testid={`match-${entity.key}`}>
                Matches existing <strong>{entity.match.name}</strong> <span className="muted">({entity.match.kind})</span> by “{entity.match.alias}”
              </p>
            )}
            <div className="import-controls">
              <label>
                <span>Decision</span>
                <select value={entity.action} aria-label={`Decision for ${entity.name}`} data-testid={`decision-${entity.key}`}
                  onChange={(e) => onChange(entity.key, { action: e.target.value as EntityAction })}>
                  <option value="new">New entity</option>
                  {(entity.match || source?.existingId != null) && <option value="link">Link to {entity.match?.name ?? 'existing'}</option>}
                  <option value="ignore">Ignore</option>
                </select>
              </label>
              <label>
                <span>Kind</span>
                <select value={entity.kind} aria-label={`Kind of ${entity.name}`} disabled={entity.action !== 'new'} data-testid={`kind-${entity.key}`}
                  title={entity.action === 'link' ? 'A linked entity keeps its kind' : undefined}
                  onChange={(e) => onChange(entity.key, { kind: e.target.value as EntityKind })}>
                  {ENTITY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
              </label>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
