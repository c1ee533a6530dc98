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

// One way to show a time across the app: day, short month, year and minutes in the reader's zone
// ("07 Dec 2026, 14:05"), the same instant in UTC on hover (see app/ui/Timestamp). `timeZone` is for tests.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: 'date-time' | 'date', timeZone?: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'short',
      day: '2-digit',
      ...(kind === 'date-time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone,
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date without a time ("2027-03-31", a due date): it names the same day in every zone. */
export function isCalendarDate(value: string | null | undefined): value is string {
  return !!value && calendarDate.test(value);
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as date and time in the reader's time zone: "07 Dec 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  const d = toDate(iso);
  return d ? dateFormat('date-time', timeZone).format(d) : '—';
}

/** Same instant in UTC, for hover titles: "2026-12-07 13:05:00 UTC". */
export function formatUtc(iso: string | null | undefined): string {
  const d = toDate(iso);
  if (!d) return '';
  return `${d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`;
}

/**
 * A date: "07 Dec 2026". An instant is shown on its day in the reader's time zone; a calendar date
 * ("2027-03-31") is shown as that day whatever the zone (it is not shifted to the previous day west of UTC).
 */
export function formatDate(value: string | null | undefined, timeZone?: string): string {
  if (isCalendarDate(value)) {
    const [, y, m, day] = calendarDate.exec(value)!;
    const d = new Date(Date.UTC(Number(y), Number(m) - 1, Number(day)));
    return d.getUTCDate() === Number(day) ? dateFormat('date', 'UTC').format(d) : '—';
  }
  const d = toDate(value);
  return d ? dateFormat('date', timeZone).format(d) : '—';
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

/** A duration for a sentence: "45 min", "3.2 h", "2.5 d" (one decimal, so two values compare at a glance). */
export function formatDurationCompact(minutes: number | null | undefined): string {
  if (minutes == null || !Number.isFinite(minutes)) return '—';
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  if (abs < 1) return `${sign}${Math.round(abs * 60)} s`;
  if (abs < 60) return `${sign}${Math.round(abs)} min`;
  if (abs < 48 * 60) return `${sign}${+(abs / 60).toFixed(1)} h`;
  return `${sign}${+(abs / 1440).toFixed(1)} d`;
}

export interface DurationAxis {
  /** Tick values in minutes, from 0, evenly spaced at a round step. */
  ticks: number[];
  /** Upper end of the axis (the last tick). */
  max: number;
  unit: 'min' | 'h' | 'd';
  /** "0", "4 h", "8 h" … in the axis unit. */
  format: (minutes: number) => string;
}

// Round steps in minutes: minutes, then whole hours that divide a day, then whole days and weeks.
const durationSteps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 7200, 10080, 20160, 43200, 86400, 144000];

/**
 * Axis ticks for durations in natural units: a round step (30 min, 4 h, 2 d …) giving at most
 * `maxTicks` intervals above `maxMinutes`, labelled in one unit ("0, 4 h, 8 h, 12 h").
 */
export function durationAxis(maxMinutes: number | null | undefined, maxTicks = 5): DurationAxis {
  const top = maxMinutes != null && Number.isFinite(maxMinutes) && maxMinutes > 0 ? maxMinutes : 60;
  const step = durationSteps.find((s) => Math.ceil(top / s) <= maxTicks) ?? Math.ceil(top / maxTicks / 144000) * 144000;
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: n + 1 }, (_, i) => i * step);
  const unit = step < 60 ? 'min' : step < 1440 ? 'h' : 'd';
  const div = unit === 'min' ? 1 : unit === 'h' ? 60 : 1440;
  const format = (v: number) => (v === 0 ? '0' : `${+(v / div).toFixed(1)} ${unit}`);
  return { ticks, max: ticks[ticks.length - 1], unit, format };
}

/** Count axis ticks at a round step (1, 2, 5 × 10ⁿ) from 0, at most `maxTicks` intervals. */
export function countTicks(maxCount: number | null | undefined, maxTicks = 5): number[] {
  const top = maxCount != null && Number.isFinite(maxCount) && maxCount > 0 ? maxCount : 1;
  let step = 1;
  for (let mag = 1; ; mag *= 10) {
    const s = [1, 2, 5].map((m) => m * mag).find((x) => Math.ceil(top / x) <= maxTicks);
    if (s) {
      step = s;
      break;
    }
  }
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}
