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
    <section className={open ? 'legend' : 'legend closed'} aria-label="Legend" data-testid="legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={toggle}>Legend</button>
      {open && (
        <div className="legend-body">
          <ul className="plain legend-list">
            {KINDS.map((k) => (
              <li key={k}><span className="kind-badge" data-kind={k}><span className="kind-swatch" aria-hidden="true" /></span>{KIND_LABEL[k]}</li>
            ))}
          </ul>
          <h3>Claim status</h3>
          <ul className="plain legend-list">
            {CLAIM_STATUSES.map((s) => (
              <li key={s}><span className="kind-badge" data-kind="claim" data-status={s}><span className="kind-swatch" aria-hidden="true" /></span>{s}</li>
            ))}
          </ul>
          <h3>Edges</h3>
          <ul className="plain legend-list edges">
            <li><span className="line relation" aria-hidden="true" />relation (established)</li>
            <li><span className="line claimant" aria-hidden="true" />claimant: asserts / questions / reports</li>
            <li><span className="line denies" aria-hidden="true" />denies</li>
            <li><span className="line alleged" aria-hidden="true" />alleged (claimed, not established)</li>
            <li><span className="line reported" aria-hidden="true" />reported in (source)</li>
          </ul>
          <p className="muted">Source border: reliability A (green) … F (red).</p>
        </div>
      )}
    </section>
  );
}
