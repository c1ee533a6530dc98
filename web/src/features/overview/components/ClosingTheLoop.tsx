import { useState } from 'react';
import { Link } from 'react-router';
import { RepeatTrendChart } from '../../../charts/RepeatTrendChart';
import { formatCount, formatDate } from '../../../charts/formatters';
import { SeverityBadge } from '../../../app/ui/SeverityBadge';
import { explainMetric, type DefinitionLookup } from '../../definitions/transforms/explainMetric';
import type { MetricsFilterVars } from '../../filters/transforms/filterParams';
import { useRepeatIncidents } from '../hooks/useRepeatIncidents';
import type { RepeatSummary, RepeatTrendRow, ReviewSummary } from '../transforms/toLoopSummary';

export interface ClosingTheLoopProps {
  loop: { reviews: ReviewSummary; repeats: RepeatSummary } | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  repeatSeries: RepeatTrendRow[];
  /** Title of the trend's time axis ("Week starting", "Month"…). */
  periodLabel: string;
  definitions: DefinitionLookup;
  /** The overview's metrics filter, for the list of repeating incidents. */
  filter: MetricsFilterVars;
}

function Definitions({ items }: { items: { label: string; text: string }[] }) {
  return (
    <details className="loop-definitions">
      <summary>Definitions</summary>
      <dl>
        {items.map((d) => (
          <div key={d.label}>
            <dt>{d.label}</dt>
            <dd>{d.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Overdue reviews shown before "more": the most overdue, first. */
const SHOWN = 5;

function OverdueList({ items }: { items: ReviewSummary['overdueIncidents'] }) {
  return (
    <ul className="loop-list" aria-label="Overdue reviews">
      {items.map((i) => (
        <li key={i.id}>
          <SeverityBadge severity={i.severity} /> <Link to={i.href}>{i.key}</Link> <span className="loop-title">{i.title}</span>
        </li>
      ))}
    </ul>
  );
}

function ReviewsCard({ reviews, defs }: { reviews: ReviewSummary; defs: DefinitionLookup }) {
  return (
    <article className="story-card loop-card" aria-labelledby="loop-reviews">
      <h3 id="loop-reviews">Reviews</h3>
      <p className="loop-figure" title={explainMetric(defs, ['reviews.required', 'reviews.published'])}>
        <strong>{reviews.headline}</strong>
        {reviews.smallSample && reviews.required > 0 && <strong className="small-sample"> · small sample</strong>}
      </p>
      {reviews.change && <p className={`kpi-change ${reviews.change.tone}`}>{reviews.change.text}</p>}
      <dl className="loop-stats">
        <div>
          <dt>Required</dt>
          <dd>{formatCount(reviews.required)}</dd>
        </div>
        <div>
          <dt>On time</dt>
          <dd>{reviews.onTime}</dd>
        </div>
        <div>
          <dt>Overdue</dt>
          <dd className={reviews.overdue ? 'loop-bad' : undefined}>{formatCount(reviews.overdue)}</dd>
        </div>
        <div>
          <dt>Median days to publish</dt>
          <dd>{reviews.medianDaysToPublish}</dd>
        </div>
      </dl>
      {reviews.overdueIncidents.length > 0 && (
        <>
          <h4>Overdue reviews</h4>
          <OverdueList items={reviews.overdueIncidents.slice(0, SHOWN)} />
          {reviews.overdueIncidents.length > SHOWN && (
            <details className="loop-drill">
              <summary>{formatCount(reviews.overdueIncidents.length - SHOWN)} more</summary>
              <OverdueList items={reviews.overdueIncidents.slice(SHOWN)} />
            </details>
          )}
          {reviews.overdue > reviews.overdueIncidents.length && (
            <p className="muted small">
              The {formatCount(reviews.overdueIncidents.length)} most overdue of {formatCount(reviews.overdue)} are listed.
            </p>
          )}
        </>
      )}
      <Definitions
        items={[
          { label: 'Required', text: explainMetric(defs, 'reviews.required') },
          { label: 'Published, on time', text: explainMetric(defs, 'reviews.published') },
          { label: 'Overdue', text: explainMetric(defs, 'reviews.overdue') },
          { label: 'Median days to publish', text: explainMetric(defs, 'reviews.medianDaysToPublish') },
        ]}
      />
    </article>
  );
}

function RepeatIncidents({
  filter,
  cause,
  open,
}: {
  filter: MetricsFilterVars;
  cause: { id: string; name: string } | null;
  open: boolean;
}) {
  const list = useRepeatIncidents(filter, cause?.id ?? null, open);
  if (list.error)
    return (
      <p role="alert">
        Could not load the repeating incidents: {list.error}{' '}
        <button type="button" onClick={list.onRetry}>
          Retry
        </button>
      </p>
    );
  if (list.fetching || !list.incidents)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (!list.incidents.length) return <p className="muted">No repeating incidents.</p>;
  return (
    <ul className="loop-list" aria-label={cause ? `Repeating incidents: ${cause.name}` : 'Repeating incidents'}>
      {list.incidents.map((i) => (
        <li key={i.id}>
          <Link to={`/incidents/${i.id}`}>{i.key}</Link> <span className="loop-title">{i.title}</span>
          <span className="loop-detail">
            {formatDate(i.startedAt)}
            {i.primaryCause && ` · ${i.primaryCause.cause.name}`}
            {i.repeatOf && (
              <>
                {' · repeats '}
                <Link to={`/incidents/${i.repeatOf.id}`}>{i.repeatOf.key}</Link> of {formatDate(i.repeatOf.startedAt)}
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function RepeatsCard({
  repeats,
  series,
  periodLabel,
  defs,
  filter,
}: {
  repeats: RepeatSummary;
  series: RepeatTrendRow[];
  periodLabel: string;
  defs: DefinitionLookup;
  filter: MetricsFilterVars;
}) {
  const [open, setOpen] = useState(false);
  const [cause, setCause] = useState<{ id: string; name: string } | null>(null);
  return (
    <article className="story-card loop-card" aria-labelledby="loop-repeats">
      <h3 id="loop-repeats">Repeat incidents</h3>
      <p className="loop-figure" title={explainMetric(defs, 'repeats')}>
        <strong>{repeats.headline}</strong>
        {repeats.smallSample && <strong className="small-sample"> · small sample</strong>}
      </p>
      {repeats.change && <p className={`kpi-change ${repeats.change.tone}`}>{repeats.change.text}</p>}
      {series.some((p) => p.incidentCount > 0) && (
        <figure className="loop-chart" aria-label="Repeat incidents per period">
          <RepeatTrendChart data={series} periodLabel={periodLabel} />
        </figure>
      )}
      {repeats.byRootCause.length > 0 && (
        <>
          <h4>By root cause</h4>
          <ul className="loop-causes" aria-label="Repeats by root cause">
            {repeats.byRootCause.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={open && cause?.id === c.id}
                  onClick={() => {
                    setCause({ id: c.id, name: c.name });
                    setOpen(true);
                  }}
                >
                  {c.name}
                </button>
                <span className="loop-count">{formatCount(c.count)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {repeats.count > 0 && (
        <details className="loop-drill" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{cause ? `Repeating incidents: ${cause.name}` : `List the ${formatCount(repeats.count)} repeating incidents`}</summary>
          {cause && (
            <button type="button" className="link-button" onClick={() => setCause(null)}>
              Show all causes
            </button>
          )}
          {open && <RepeatIncidents filter={filter} cause={cause} open={open} />}
        </details>
      )}
      <Definitions
        items={[
          { label: 'Repeat incident', text: explainMetric(defs, 'repeats') },
          { label: 'Small sample', text: explainMetric(defs, 'smallSample') },
        ]}
      />
    </article>
  );
}

/** Closing the loop (SPEC §6): were the reviews written, and did the same failure come back? */
export function ClosingTheLoop({ loop, loading, error, onRetry, repeatSeries, periodLabel, definitions, filter }: ClosingTheLoopProps) {
  let body;
  if (error) {
    body = (
      <p role="alert">
        Could not load reviews and repeats: {error}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  } else if (loading || !loop) {
    body = (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  } else {
    body = (
      <div className="loop-grid">
        <ReviewsCard reviews={loop.reviews} defs={definitions} />
        <RepeatsCard repeats={loop.repeats} series={repeatSeries} periodLabel={periodLabel} defs={definitions} filter={filter} />
      </div>
    );
  }
  return (
    <section className="loop" aria-labelledby="closing-the-loop">
      <h2 id="closing-the-loop">Closing the loop</h2>
      {body}
    </section>
  );
}
