// The canvas legend: the same colours and shapes as the stylesheet, in words, so nothing has to be
// decoded from colour alone.
import { CLAIM_STATUSES } from '../../shared/domain/model';
import { useSkein } from '../state/store';
import { KIND_LABEL, type VisualKind } from './palette';

const KINDS: VisualKind[] = ['person', 'organization', 'place', 'event', 'claim', 'source'];

export function Legend() {
  const open = useSkein((s) => s.legendOpen);
  const toggle = () => useSkein.setState({ legendOpen: !open });
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={toggle}>Legend</button>
      {open && (
        <ul className="plain legend-list">
          {KINDS.map((k) => (
            <li key={k}><span className="kind-badge" data-kind={k}><span className="kind-swatch" aria-hidden="true" /></span>{KIND_LABEL[k]}</li>
          ))}
          <li className="legend-sep" aria-hidden="true" />
          {CLAIM_STATUSES.map((s) => (
            <li key={s}><span className="kind-badge" data-kind="claim" data-status={s}><span className="kind-swatch" aria-hidden="true" /></span>{s}</li>
          ))}
          <li className="legend-sep" aria-hidden="true" />
          <li title="an established relation"><span className="line relation" aria-hidden="true" />relation</li>
          <li title="claimant edge, labelled with its stance"><span className="line claimant" aria-hidden="true" />said (stance)</li>
          <li><span className="line denies" aria-hidden="true" />denies</li>
          <li title="what a claim alleges between its subject and object: not established"><span className="line alleged" aria-hidden="true" />alleged</li>
          <li><span className="line reported" aria-hidden="true" />reported in</li>
          <li title="source nodes: border colour = reliability grade"><span className="kind-badge" data-kind="source"><span className="kind-swatch graded" aria-hidden="true" /></span>reliability A→F</li>
        </ul>
      )}
    </section>
  );
}
