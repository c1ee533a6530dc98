import type { Changes } from '../transforms/toChanges';

export interface WhatChangedProps {
  changes: Changes | null;
  hasPrevious: boolean;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

const mark = { up: '▲', down: '▼', flat: '•' } as const;

/** The few changes against the previous period that matter, largest first; small samples apart and marked. */
export function WhatChanged({ changes, hasPrevious, loading, error, onRetry }: WhatChangedProps) {
  let body;
  if (error) {
    body = (
      <p role="alert">
        Could not load the changes: {error}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  } else if (loading || !changes) {
    body = (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  } else if (!hasPrevious) {
    body = <p className="muted">No previous period to compare with: pick a period with a start (for example the last 90 days).</p>;
  } else {
    body = (
      <>
        {changes.news.length ? (
          <ul className="change-list">
            {changes.news.map((c) => (
              <li key={c.id} className={`change ${c.tone}`}>
                <span className="change-mark" aria-hidden="true">
                  {mark[c.direction]}
                </span>
                <span>
                  {c.text}
                  {c.tone !== 'neutral' && <span className={`tone-tag ${c.tone}`}>{c.tone}</span>}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing moved by 10 % or more.</p>
        )}
        {changes.smallSamples.length > 0 && (
          <details className="small-changes">
            <summary>{changes.smallSamples.length} more over small samples (fewer than 5 incidents), too few to call</summary>
            <ul className="change-list">
              {changes.smallSamples.map((c) => (
                <li key={c.id} className="change neutral">
                  <span className="change-mark" aria-hidden="true">
                    {mark[c.direction]}
                  </span>
                  <span>
                    {c.text} <strong className="small-sample">small sample</strong>
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {changes.steadyCount > 0 && (
          <p className="muted small">
            {changes.steadyCount} other number{changes.steadyCount === 1 ? '' : 's'} moved less than 10 %.
          </p>
        )}
      </>
    );
  }
  return (
    <section className="story-card" aria-labelledby="what-changed">
      <h2 id="what-changed">What changed</h2>
      {body}
    </section>
  );
}
