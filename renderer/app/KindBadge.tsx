// A small coloured shape plus the kind's name, as on the canvas: search results, the inspector and
// the legend use it so kinds read the same everywhere.
import { KIND_LABEL, visualKind } from '../graph/palette';

export function KindBadge({ type, kind, status }: { type: string; kind: string; status?: string | undefined }) {
  const visual = visualKind(type, kind);
  const name = type === 'source' ? `Source (${kind})` : KIND_LABEL[visual];
  return (
    <span className="kind-badge" data-kind={visual} data-status={status}>
      <span className="kind-swatch" aria-hidden="true" />
      <span className="kind-name">{name}</span>
    </span>
  );
}
