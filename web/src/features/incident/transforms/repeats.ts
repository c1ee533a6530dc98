const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `earlier` to `later` (start times, ISO), rounded down; never below 0. */
export function daysBetween(earlier: string, later: string): number {
  const ms = new Date(later).getTime() - new Date(earlier).getTime();
  if (Number.isNaN(ms)) return 0;
  return Math.max(0, Math.floor(ms / DAY_MS));
}

/** "(12 days earlier)": how long before this incident the one it repeats started. */
export function daysEarlierText(days: number): string {
  if (days === 0) return 'less than a day earlier';
  return days === 1 ? '1 day earlier' : `${days} days earlier`;
}

/** "2 days later", for the incidents that repeated this one. */
export function daysLaterText(days: number): string {
  if (days === 0) return 'less than a day later';
  return days === 1 ? '1 day later' : `${days} days later`;
}

/** "Came back once" / "Came back 3 times". */
export function cameBackText(times: number): string {
  return times === 1 ? 'Came back once' : `Came back ${times} times`;
}
