// The timeline strip: the canvas's claims placed by the date they were made (top row) and the time
// they are about (bottom row), coloured by status. Dragging across it brushes a date range that
// filters the canvas at once; a click without a drag clears it. The From/To fields in the filter
// panel are the keyboard way to the same range.
import { useMemo, useRef, useState } from 'react';
import { useSkein } from '../state/store';
import { brushToRange, dateToYear, rangeToFractions, timelineExtent, yearTicks } from './timelineModel';

const W = 1000;

export function Timeline() {
  const nodes = useSkein((s) => s.nodes);
  const facts = useSkein((s) => s.claimFacts);
  const filters = useSkein((s) => s.filters);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  const marks = useMemo(() => Object.values(nodes)
    .filter((n) => n.type === 'claim')
    .map((n) => ({ node: n, facts: facts[Number(n.id.slice(2))] }))
    .filter((m) => m.facts && (m.facts.madeOn || m.facts.aboutTime)), [nodes, facts]);
  const extent = useMemo(() => timelineExtent(marks.flatMap((m) => [m.facts!.madeOn, m.facts!.aboutTime].filter((d): d is string => Boolean(d)))), [marks]);
  if (!extent) return null;

  const x = (year: number) => ((year - extent.from) / (extent.to - extent.from)) * W;
  const localX = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    return box && box.width > 0 ? ((clientX - box.left) / box.width) * W : 0;
  };
  const finish = () => {
    if (!drag) return;
    const s = useSkein.getState();
    if (Math.abs(drag.x1 - drag.x0) < 4) s.setFilters({ ...s.filters, dateFrom: null, dateTo: null });
    else s.setFilters({ ...s.filters, ...brushToRange(drag.x0, drag.x1, W, extent) });
    setDrag(null);
  };
  const brush = drag
    ? [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)]
    : filters.dateFrom || filters.dateTo ? rangeToFractions(filters.dateFrom, filters.dateTo, extent).map((f) => f * W) : null;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-rows" aria-hidden="true"><span>made</span><span>about</span></div>
      <div className="timeline-plot">
      <svg ref={svg} viewBox={`0 0 ${W} 52`} preserveAspectRatio="none" role="img"
        aria-label={`Timeline of ${marks.length} dated claims, ${Math.floor(extent.from)} to ${Math.ceil(extent.to)}; drag to filter by date`}
        onPointerDown={(e) => { (e.target as Element).setPointerCapture?.(e.pointerId); const p = localX(e.clientX); setDrag({ x0: p, x1: p }); }}
        onPointerMove={(e) => { if (drag) setDrag({ ...drag, x1: localX(e.clientX) }); }}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(null)}>
        <line x1={0} x2={W} y1={22} y2={22} className="timeline-axis" />
        {yearTicks(extent).map((y) => (
          <line key={y} x1={x(y)} x2={x(y)} y1={0} y2={44} className="timeline-tick" />
        ))}
        {marks.map(({ node, facts: f }) => (
          <g key={node.id} data-status={node.status ?? f!.status} className="timeline-mark">
            {f!.madeOn && <rect x={x(dateToYear(f!.madeOn)) - 2} y={4} width={4} height={14}><title>{`${f!.madeOn}: ${node.label}`}</title></rect>}
            {f!.aboutTime && <rect x={x(dateToYear(f!.aboutTime)) - 2} y={26} width={4} height={14}><title>{`about ${f!.aboutTime}: ${node.label}`}</title></rect>}
          </g>
        ))}
        {brush && <rect className="timeline-brush" data-testid="timeline-brush" x={brush[0]} y={0} width={Math.max(1, brush[1]! - brush[0]!)} height={44} />}
      </svg>
      {/* year labels are HTML over the stretched SVG, so they are not distorted with it */}
      <div className="timeline-years" aria-hidden="true">
        {yearTicks(extent).map((y) => <span key={y} style={{ left: `${(x(y) / W) * 100}%` }}>{y}</span>)}
      </div>
      </div>
    </div>
  );
}
