import { formatDate, formatDateTime, formatUtc, isCalendarDate } from '../../charts/formatters';

/**
 * A time in the reader's zone ("07 Dec 2026, 14:05"), with UTC on hover; `date` shows the day only.
 * A calendar date ("2027-03-31", a due date) is the same day everywhere, so it has no UTC title.
 */
export function Timestamp({ value, date }: { value: string | null | undefined; date?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  if (isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>;
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {date ? formatDate(value) : formatDateTime(value)}
    </time>
  );
}
