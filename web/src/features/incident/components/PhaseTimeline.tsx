import { Timestamp } from '../../../app/ui/Timestamp';
import { formatDuration } from '../../../charts/formatters';
import { toPhaseTimeline } from '../transforms/toPhaseTimeline';

export interface PhaseTimelineProps {
  startedAt: string;
  detectedAt?: string | null;
  acknowledgedAt?: string | null;
  mitigatedAt?: string | null;
  resolvedAt?: string | null;
  durationMinutes?: number | null;
}

/** The phases from impact start to resolution, spaced by real time, each with how long it took to reach. */
export function PhaseTimeline(props: PhaseTimelineProps) {
  const steps = toPhaseTimeline(props);
  return (
    <div className="phase-timeline">
      <div className="phase-track" aria-hidden="true">
        {steps.map((s) =>
          s.percent == null ? null : <span key={s.phase} className={`phase-dot phase-${s.phase}`} style={{ left: `${s.percent}%` }} />,
        )}
      </div>
      <ol className="phase-steps">
        {steps.map((s) => (
          <li key={s.phase} className={`phase-${s.phase}${s.at ? '' : ' phase-missing'}`}>
            <span className="phase-label">{s.label}</span>
            {s.at ? (
              <>
                <Timestamp value={s.at} />
                {s.gap && <span className="phase-gap">{s.gap}</span>}
              </>
            ) : (
              <span className="muted">{s.phase === 'resolvedAt' ? 'not resolved yet' : 'not recorded'}</span>
            )}
          </li>
        ))}
      </ol>
      {props.durationMinutes != null && (
        <p className="phase-total">
          Downtime <strong>{formatDuration(props.durationMinutes)}</strong>{' '}
          <span className="muted">(impact start to {props.mitigatedAt ? 'mitigation' : 'resolution'})</span>
        </p>
      )}
    </div>
  );
}
