/**
 * Keeps a series under `max` points (default 1,000) by taking every n-th point, always keeping the
 * last one. Trend buckets are already aggregated, so striding loses resolution but never invents values.
 */
export function capPoints<T>(points: readonly T[], max = 1000): T[] {
  if (points.length <= max) return [...points];
  const stride = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let i = 0; i < points.length; i += stride) out.push(points[i]);
  const last = points[points.length - 1];
  if (out[out.length - 1] !== last) {
    if (out.length >= max) out[out.length - 1] = last;
    else out.push(last);
  }
  return out;
}
