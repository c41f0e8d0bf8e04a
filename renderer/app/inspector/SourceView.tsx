// Inspector body for a source: its metadata, reliability grade and what it contributed.
import type { SourceDetail } from '../../../shared/api/contract';
import { useSkein } from '../../state/store';
import { KindBadge } from '../KindBadge';

export function SourceView({ detail }: { detail: SourceDetail }) {
  const { source, claimCount, entityCount, text } = detail;
  const fields: [string, string | null][] = [
    ['Reliability', source.reliability ?? 'ungraded'],
    ['Publisher', source.publisher],
    ['Author', source.author],
    ['Published', source.publishedAt],
    ['Imported', new Date(source.retrievedAt).toLocaleString()],
    ['Language', source.language],
    ['Address', source.url],
  ];
  return (
    <div className="detail" data-testid="source-detail">
      <KindBadge type="source" kind={source.kind} />
      <h3 className="detail-title">{source.title || `Source ${source.id}`}</h3>
      <dl className="fields">
        {fields.filter(([, v]) => v).map(([k, v]) => (
          <div key={k} className="field"><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
      <p>{claimCount} claim{claimCount === 1 ? '' : 's'} and {entityCount} entit{entityCount === 1 ? 'y' : 'ies'} anchored here.</p>
      <section aria-label="Opening of the text">
        <h4>Text <button type="button" className="quote-link" data-testid="source-open-reader" onClick={() => useSkein.getState().openReader({ sourceId: source.id })}>Open in reader</button></h4>
        <p className="source-excerpt">{text.slice(0, 600)}{text.length > 600 ? '…' : ''}</p>
      </section>
    </div>
  );
}
