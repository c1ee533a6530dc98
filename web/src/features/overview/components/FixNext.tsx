import { Link } from 'react-router';
import type { FixNextItem } from '../transforms/toFixNext';

export interface FixNextProps {
  items: FixNextItem[] | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

const kindLabel = { overdue: 'Late', gap: 'Uncovered gap', cause: 'Root cause' } as const;

/** A ranked, clickable list: overdue action items, then uncovered gaps and causes by downtime. */
export function FixNext({ items, loading, error, onRetry }: FixNextProps) {
  let body;
  if (error) {
    body = (
      <p role="alert">
        Could not load what to fix next: {error}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  } else if (loading || !items) {
    body = (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  } else if (!items.length) {
    body = <p className="muted">Nothing outstanding: no overdue action items, uncovered gaps or downtime by cause in this period.</p>;
  } else {
    body = (
      <ol className="fix-list">
        {items.map((i) => (
          <li key={i.id}>
            <span className={`fix-kind ${i.kind}`}>{kindLabel[i.kind]}</span>
            <Link to={i.href}>{i.title}</Link>
            <span className="fix-detail">{i.detail}</span>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <section className="story-card" aria-labelledby="fix-next">
      <h2 id="fix-next">What to fix next</h2>
      <p className="muted small story-rule">Overdue action items first, then uncovered redundancy gaps and root causes by downtime.</p>
      {body}
    </section>
  );
}
