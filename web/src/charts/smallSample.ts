/**
 * Fewer than this many incidents is a small sample: the numbers are shown, and flagged (SPEC §3).
 * This mirrors the API's rule (`SMALL_SAMPLE` in api/src/metrics/metrics.service.ts, which sets
 * `DurationStat.smallSample`). Use the API's flag wherever the data carries one; this rule is only for
 * the counts that come without a flag (a chart's n, counts of incidents, shares).
 */
export const SMALL_SAMPLE_SIZE = 5;

/** A count of incidents (or rows) that has no flag from the API: small when under SMALL_SAMPLE_SIZE. */
export function isSmallSample(count: number): boolean {
  return count < SMALL_SAMPLE_SIZE;
}
