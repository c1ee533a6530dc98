/**
 * Human duration from minutes: "45 s", "12 min", "3 h 12 min", "2 d 4 h".
 * Rounds to whole minutes above one minute; null/undefined/NaN render as an em dash.
 */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes == null || !Number.isFinite(minutes)) return '—';
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  if (abs < 1) return `${sign}${Math.round(abs * 60)} s`;
  const total = Math.round(abs);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return `${sign}${days} d${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${sign}${hours} h${mins ? ` ${mins} min` : ''}`;
  return `${sign}${mins} min`;
}

/** Short axis label for a duration in minutes ("90 min" → "1.5 h"). */
export function formatDurationShort(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  if (minutes < 1440) return `${+(minutes / 60).toFixed(1)}h`;
  return `${+(minutes / 1440).toFixed(1)}d`;
}

export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat('en').format(n);
}

/** `value` is already a percentage (99.9 means 99.9 %). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)} %`;
}

/** `share` is a fraction 0..1. */
export function formatShare(share: number | null | undefined, digits = 0): string {
  if (share == null || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)} %`;
}

/** Availability needs more digits than other percentages: 99.95 % vs 99.9 % matters. */
export function formatAvailability(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${value.toFixed(value >= 99 ? 3 : 2)} %`;
}

/** Local date-time in the viewer's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Same instant in UTC, for hover titles. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit' }).format(d);
}

export type Granularity = 'WEEK' | 'MONTH' | 'QUARTER';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Label of a trend bucket; buckets are UTC calendar periods, so the label is in UTC too. */
export function formatPeriodLabel(periodStart: string, granularity: Granularity): string {
  const d = new Date(periodStart);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (granularity === 'QUARTER') return `${y} Q${Math.floor(m / 3) + 1}`;
  if (granularity === 'MONTH') return `${months[m]} ${y}`;
  return `${String(d.getUTCDate()).padStart(2, '0')} ${months[m]} ${String(y).slice(2)}`;
}

export type ChangeTone = 'better' | 'worse' | 'neutral';

/**
 * Relative change of a headline number against the previous period. `lowerIsBetter` decides the tone
 * (fewer incidents is good; higher availability is good).
 */
export function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  lowerIsBetter = true,
): { text: string; tone: ChangeTone } {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { text: 'no previous data', tone: 'neutral' };
  }
  if (previous === 0) {
    if (current === 0) return { text: 'no change', tone: 'neutral' };
    return { text: 'new (was 0)', tone: lowerIsBetter ? 'worse' : 'better' };
  }
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(pct) < 0.5) return { text: 'no change', tone: 'neutral' };
  const up = pct > 0;
  const tone: ChangeTone = up === lowerIsBetter ? 'worse' : 'better';
  return { text: `${up ? '▲' : '▼'} ${Math.abs(pct).toFixed(0)} % vs previous`, tone };
}
