import { useState } from 'react';
import { Link } from 'react-router';
import type { FixNextItem } from '../transforms/toFixNext';
import type { FixThatDidNotHold } from '../transforms/toLoopSummary';

export interface FixNextProps {
  items: FixNextItem[] | null;
  /** The first few fixes that did not hold (SPEC §6), each with the incidents that followed it; null while loading. */
  fixes?: FixThatDidNotHold[] | null;
  /** How many fixes did not hold in all (the API lists at most 50); `fixes` are the first of them. */
  fixCount?: number | null;
  /** The fixes after `fixes`, loaded when "more" is first opened (onOpen asks for them; null until they come). */
  moreFixes?: MoreFixesState;
  /** The published definition of a fix that did not hold. */
  fixesDefinition?: string;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

export interface MoreFixesState {
  fixes: FixThatDidNotHold[] | null;
  error: string | null;
  onOpen: () => void;
}

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
 * The fixes past the first few, behind "more": asked for and rendered once opened. At 200k incidents they were ~2,000
 * elements and ~1,000 links, nearly half of the overview's DOM, rendered closed on every visit; at 1M, 49 KB of the
 * "fix next" answer's 52 KB, sent on every visit.
 */
function MoreFixes({ count, more }: { count: number; more: MoreFixesState }) {
  const [open, setOpen] = useState(false);
  const { onOpen } = more;
  return (
    <details
      className="loop-drill"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (e.currentTarget.open) onOpen();
      }}
    >
      <summary>{count} more</summary>
      {open &&
        (more.error ? (
          <p role="alert" className="small">
            Could not load the other fixes: {more.error}
          </p>
        ) : more.fixes ? (
          <FixList fixes={more.fixes} />
        ) : (
          <p role="status" className="muted small">
            Loading…
          </p>
        ))}
    </details>
  );
}

const kindLabel = { overdue: 'Late', gap: 'Uncovered gap', cause: 'Root cause' } as const;

/** A ranked, clickable list: overdue action items, then uncovered gaps and causes by downtime. */
export function FixNext({ items, fixes, fixCount, moreFixes, fixesDefinition, loading, error, onRetry }: FixNextProps) {
  const total = fixCount ?? fixes?.length ?? 0;
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
            Fixes that did not hold{total > 0 && ` (${total})`}
          </h3>
          {fixes.length === 0 ? (
            <p className="muted small">None: no completed prevention fix was followed by an incident of its cause on its services.</p>
          ) : (
            <>
              <FixList fixes={fixes} />
              {moreFixes && total > fixes.length && <MoreFixes count={total - fixes.length} more={moreFixes} />}
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
