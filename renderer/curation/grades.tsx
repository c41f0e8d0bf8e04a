// Admiralty / NATO grading (STANAG 2511): source reliability A–F and information credibility 1–6,
// each judged on its own. "Ungraded" is a separate choice (null), never the same as F or 6: F means
// "reliability cannot be judged" — a judgement — while ungraded means nobody has looked yet.
import { RELIABILITY_GRADES, type Reliability } from '../../shared/domain/model';

export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY_WORDS: Record<number, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;

export function reliabilityLabel(grade: Reliability | null): string {
  return grade === null ? 'ungraded' : `${grade} – ${RELIABILITY_WORDS[grade]}`;
}

export function credibilityLabel(grade: number | null): string {
  return grade === null ? 'ungraded' : `${grade} – ${CREDIBILITY_WORDS[grade] ?? '?'}`;
}

// a <select> cannot carry null, so "ungraded" travels as the empty string inside the picker only
export function ReliabilityPicker({ value, onChange, testId = 'reliability-picker' }: { value: Reliability | null; onChange(v: Reliability | null): void; testId?: string }) {
  return (
    <label>Reliability of the source
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value as Reliability)}>
        <option value="">ungraded</option>
        {RELIABILITY_GRADES.map((g) => <option key={g} value={g}>{reliabilityLabel(g)}</option>)}
      </select>
    </label>
  );
}

export function CredibilityPicker({ value, onChange, testId = 'credibility-picker' }: { value: number | null; onChange(v: number | null): void; testId?: string }) {
  return (
    <label>Credibility of the claim
      <select data-testid={testId} value={value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">ungraded</option>
        {CREDIBILITY_GRADES.map((g) => <option key={g} value={g}>{credibilityLabel(g)}</option>)}
      </select>
    </label>
  );
}

/** The grade as a chip for read views; data-grade lets styles (and tests) tell ungraded from F/6. */
export function GradeChip({ kind, value }: { kind: 'reliability' | 'credibility'; value: string | number | null }) {
  const text = kind === 'reliability' ? reliabilityLabel(value as Reliability | null) : credibilityLabel(value as number | null);
  return <span className="chip grade" data-testid={`${kind}-grade`} data-grade={value ?? 'ungraded'}>{text}</span>;
}
