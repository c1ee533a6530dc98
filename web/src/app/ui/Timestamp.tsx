import { formatDateTime, formatUtc } from '../../charts/formatters';

/** A time in the viewer's zone, with UTC on hover. */
export function Timestamp({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {formatDateTime(value)}
    </time>
  );
}
