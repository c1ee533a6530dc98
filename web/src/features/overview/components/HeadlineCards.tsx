import './HeadlineCards.css';
import type { HeadlineNumber } from '../transforms/toHeadlineNumbers';

export interface HeadlineCardsProps {
  numbers: HeadlineNumber[] | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

export function HeadlineCards({ numbers, loading, error, onRetry }: HeadlineCardsProps) {
  if (error) {
    return (
      <div className="banner error" role="alert">
        Could not load the headline numbers: {error}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  if (loading || !numbers) {
    return (
      <div className="kpi-grid headline-cards" role="status" aria-label="Loading headline numbers">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="kpi-card skeleton" />
        ))}
      </div>
    );
  }
  return (
    <dl className="kpi-grid headline-cards">
      {numbers.map((n) => (
        <div key={n.id} className="kpi-card" title={n.definition}>
          <dt>{n.label}</dt>
          <dd className="kpi-value">{n.value}</dd>
          <dd className="kpi-detail">
            {n.detail}
            {n.smallSample && <strong className="small-sample"> · small sample</strong>}
          </dd>
          {n.change && <dd className={`kpi-change ${n.change.tone}`}>{n.change.text}</dd>}
        </div>
      ))}
    </dl>
  );
}
