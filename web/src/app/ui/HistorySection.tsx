import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorMessage } from '../graphql/graphqlErrors';

export interface HistorySectionProps {
  className: string;
  /** The section's name ("Runs of Pager"). */
  label: string;
  /** What the entries are called, in the plural ("runs", "deliveries"). */
  noun: string;
  loading: boolean;
  error?: CombinedError;
  /** How many entries arrived; undefined while there is no answer to count. */
  count: number | undefined;
  /** How many the query asks for: a full page says only the latest are shown. */
  limit: number;
  /** Said when there are none ("No runs yet."). */
  empty: string;
  /** The table of entries, shown when there are some. */
  children: ReactNode;
}

/** The latest entries of something's history (a source's runs, a digest's deliveries), with its loading, error and empty states. */
export function HistorySection({ className, label, noun, loading, error, count, limit, empty, children }: HistorySectionProps) {
  return (
    <section className={className} aria-label={label}>
      <h4 className="visually-hidden">{label}</h4>
      {error && <div className="banner error">{errorMessage(error)}</div>}
      {loading && <div role="status">Loading {noun}…</div>}
      {count === 0 && <p className="muted">{empty}</p>}
      {!!count && children}
      {count === limit && (
        <p className="muted small">
          The latest {limit} {noun}.
        </p>
      )}
    </section>
  );
}
