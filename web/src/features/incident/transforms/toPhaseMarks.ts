import { phaseFields, phaseLabels, type PhaseField } from './incidentForm';

export interface PhaseMark {
  phase: PhaseField;
  label: string;
  at: string;
  minutesFromStart: number;
  /** Position on the timeline, 0..100. */
  percent: number;
}

/** Present phase timestamps placed on a 0..100 % axis from impact start to the last recorded phase. */
export function toPhaseMarks(i: Partial<Record<PhaseField, string | null>> & { startedAt: string }): PhaseMark[] {
  const start = Date.parse(i.startedAt);
  const marks = phaseFields
    .filter((f) => !!i[f])
    .map((f) => ({ phase: f, label: phaseLabels[f], at: i[f] as string, minutesFromStart: (Date.parse(i[f] as string) - start) / 60000 }));
  const span = Math.max(0, ...marks.map((m) => m.minutesFromStart));
  return marks.map((m) => ({ ...m, percent: span > 0 ? (m.minutesFromStart / span) * 100 : 0 }));
}
