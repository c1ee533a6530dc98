import { useState } from 'react';
import { Link } from 'react-router';
import type { FixNextItem } from '../transforms/toFixNext';
import type { FixThatDidNotHold } from '../transforms/toLoopSummary';

export interface FixNextProps {
  items: FixNextItem[] | null;
  /** Fixes that did not hold (SPEC §6), each with the incidents that followed it; null while loading. */
  fixes?: FixThatDidNotHold[] | null;
  /** The published definition of a fix that did not hold. */
  fixesDefinition?: string;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

/** Fixes shown before "more" (the API lists those followed by the most incidents first). */
const SHOWN = 3;

function FixList({ fixes }: { fixes: FixThatDidNotHold[] }) {
  return (
    <ul className="loop-list" aria-label="Fixes that did not hold">
      {fixes.map((f) => (
        <li key={f.id}>
          <span className="loop-title">{f.title}</span>{' '}
          <span className="loop-detail">
            from <Link to={f.source.href}>{f.source.key}</Link> · {f.detail} · then{' '}
            {f.incidents.map((i, n) => (
              <span key={i.id}>
                {n > 0 && ', '}
                <Link to={i.href} title={i.title}>
                  {i.key}
                </Link>
              </span>
            ))}
            {f.moreIncidents > 0 && ` and ${f.moreIncidents} more`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The fixes past the first few, behind "more": rendered once opened. At 200k incidents they were ~2,000 elements and
 * ~1,000 links, nearly half of the overview's DOM, rendered closed on every visit.
 */
function MoreFixes({ fixes }: { fixes: FixThatDidNotHold[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="loop-drill" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{fixes.length} more</summary>
      {open && <FixList fixes={fixes} />}
    </details>
  );
}

const kindLabel = { overdue: 'Late', gap: 'Uncovered gap', cause: 'Root cause' } as const;

/** A ranked, clickable list: overdue action items, then uncovered gaps and causes by downtime. */
export function FixNext({ items, fixes, fixesDefinition, loading, error, onRetry }: FixNextProps) {
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
      {!error && fixes && (
        <div className="fixes-not-held">
          <h3 id="fixes-not-held" title={fixesDefinition}>
            Fixes that did not hold{fixes.length > 0 && ` (${fixes.length})`}
          </h3>
          {fixes.length === 0 ? (
            <p className="muted small">None: no completed prevention fix was followed by an incident of its cause on its services.</p>
          ) : (
            <>
              <FixList fixes={fixes.slice(0, SHOWN)} />
              {fixes.length > SHOWN && <MoreFixes fixes={fixes.slice(SHOWN)} />}
            </>
          )}
          {fixesDefinition && (
            <details className="loop-definitions">
              <summary>Definition</summary>
              <p>{fixesDefinition}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
