import { formatDuration } from '../../../charts/formatters';
import { Timestamp } from '../../../app/ui/Timestamp';
import { toPhaseMarks } from '../transforms/toPhaseMarks';

export interface PhaseTimelineProps {
  startedAt: string;
  detectedAt?: string | null;
  acknowledgedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
}

/** The incident's phases on one line, spaced by real time, each with its time since impact began. */
export function PhaseTimeline(props: PhaseTimelineProps) {
  const marks = toPhaseMarks(props);
  return (
    <div className="phase-timeline">
      <div className="phase-track" aria-hidden="true">
        {marks.map((m) => (
          <span key={m.phase} className={`phase-dot phase-${m.phase}`} style={{ left: `${m.percent}%` }} />
        ))}
      </div>
      <ol className="phase-list">
        {marks.map((m) => (
          <li key={m.phase} className={`phase-${m.phase}`}>
            <strong>{m.label}</strong> <Timestamp value={m.at} />
            {m.phase !== 'startedAt' && <span className="muted"> · +{formatDuration(m.minutesFromStart)}</span>}
          </li>
        ))}
        {!props.resolvedAt && (
          <li className="phase-open">
            <strong>Not resolved yet</strong>
          </li>
        )}
      </ol>
    </div>
  );
}
