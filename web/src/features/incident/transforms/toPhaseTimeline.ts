import { formatDuration } from '../../../charts/formatters';
import { phaseFields, phaseLabels, type PhaseField } from './incidentForm';

export interface PhaseStep {
  phase: PhaseField;
  label: string;
  /** The phase's time, or null when it was not recorded (yet). */
  at: string | null;
  minutesFromStart: number | null;
  /** Minutes since the latest earlier phase that was recorded. */
  minutesFromPrevious: number | null;
  /** How long the phase took to reach, in words: "detected 12 min after impact start". */
  gap: string | null;
  /** Position on a track from impact start (0) to the last recorded phase (100). */
  percent: number | null;
}

const verbs: Record<PhaseField, string> = {
  startedAt: 'impact started',
  detectedAt: 'detected',
  acknowledgedAt: 'acknowledged',
  mitigatedAt: 'mitigated',
  resolvedAt: 'resolved',
};
const nouns: Record<PhaseField, string> = {
  startedAt: 'impact start',
  detectedAt: 'detection',
  acknowledgedAt: 'acknowledgement',
  mitigatedAt: 'mitigation',
  resolvedAt: 'resolution',
};

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60000;

/**
 * The five phases from impact start to resolution, each with the time it took to reach from the
 * phase before it ("acknowledged 3 min after detection"). A phase that was not recorded is kept
 * (at null) so the reader sees the gap; durations then run from the latest earlier recorded phase.
 */
export function toPhaseTimeline(i: Partial<Record<PhaseField, string | null>> & { startedAt: string }): PhaseStep[] {
  let previous: PhaseField | null = null;
  const steps = phaseFields.map((phase): PhaseStep => {
    const at = i[phase] || null;
    if (!at)
      return { phase, label: phaseLabels[phase], at: null, minutesFromStart: null, minutesFromPrevious: null, gap: null, percent: null };
    const from: PhaseField | null = previous;
    previous = phase;
    const minutesFromPrevious = from ? minutesBetween(i[from] as string, at) : null;
    const gap =
      from && minutesFromPrevious != null
        ? `${verbs[phase]} ${formatDuration(Math.abs(minutesFromPrevious))} ${minutesFromPrevious < 0 ? 'before' : 'after'} ${nouns[from]}`
        : null;
    return {
      phase,
      label: phaseLabels[phase],
      at,
      minutesFromStart: minutesBetween(i.startedAt, at),
      minutesFromPrevious,
      gap,
      percent: null,
    };
  });
  const span = Math.max(0, ...steps.map((s) => s.minutesFromStart ?? 0));
  return steps.map((s) =>
    s.minutesFromStart == null ? s : { ...s, percent: span > 0 ? Math.min(100, Math.max(0, (s.minutesFromStart / span) * 100)) : 0 },
  );
}
