import type { GapCell, GapMatrix } from '../../../charts/GapHeatmap';

export interface RedundancyGapInput {
  service: { id: string; name: string };
  mechanism: { id: string; name: string };
  gapCount: number;
  /** Of gapCount: incidents whose assessment was MISSING (the service did not have the mechanism). */
  missingCount: number;
  /** Of gapCount: incidents whose assessment was FAILED (it existed and did not work). */
  failedCount: number;
  downtimeMinutes: number;
  covered: boolean;
}

/**
 * Gap rows → a services × mechanisms matrix, both axes ordered by total gaps (most first, then name),
 * so the worst corner is top-left. Only services and mechanisms with at least one gap appear. Each cell
 * keeps how many of its gaps were MISSING and how many FAILED.
 */
export function toGapMatrix(gaps: readonly RedundancyGapInput[]): GapMatrix {
  const withGaps = gaps.filter((g) => g.gapCount > 0);
  const services = new Map<string, { id: string; name: string; total: number }>();
  const mechanisms = new Map<string, { id: string; name: string; total: number }>();
  const cells = new Map<string, GapCell>();
  for (const g of withGaps) {
    const s = services.get(g.service.id) ?? { id: g.service.id, name: g.service.name, total: 0 };
    s.total += g.gapCount;
    services.set(s.id, s);
    const m = mechanisms.get(g.mechanism.id) ?? { id: g.mechanism.id, name: g.mechanism.name, total: 0 };
    m.total += g.gapCount;
    mechanisms.set(m.id, m);
    const key = `${g.service.id}|${g.mechanism.id}`;
    const prev = cells.get(key);
    cells.set(key, {
      serviceId: g.service.id,
      serviceName: g.service.name,
      mechanismId: g.mechanism.id,
      mechanismName: g.mechanism.name,
      gapCount: (prev?.gapCount ?? 0) + g.gapCount,
      missingCount: (prev?.missingCount ?? 0) + g.missingCount,
      failedCount: (prev?.failedCount ?? 0) + g.failedCount,
      downtimeMinutes: (prev?.downtimeMinutes ?? 0) + g.downtimeMinutes,
      covered: (prev?.covered ?? true) && g.covered,
    });
  }
  const order = <T extends { total: number; name: string }>(a: T, b: T) => b.total - a.total || a.name.localeCompare(b.name);
  const serviceList = [...services.values()].sort(order);
  const mechanismList = [...mechanisms.values()].sort(order);
  let maxCount = 0;
  let uncoveredCount = 0;
  let missingCount = 0;
  let failedCount = 0;
  const rows = serviceList.map((s) =>
    mechanismList.map((m) => {
      const c = cells.get(`${s.id}|${m.id}`) ?? null;
      if (c) {
        maxCount = Math.max(maxCount, c.gapCount);
        if (!c.covered) uncoveredCount += 1;
        missingCount += c.missingCount;
        failedCount += c.failedCount;
      }
      return c;
    }),
  );
  return { services: serviceList, mechanisms: mechanismList, rows, maxCount, uncoveredCount, missingCount, failedCount };
}
