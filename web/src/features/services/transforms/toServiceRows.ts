export interface ServiceInput {
  id: string;
  name: string;
  slo: number;
  team: { id: string; name: string };
  redundancy: readonly { id: string; name: string }[];
}

export interface ServiceReliabilityInput {
  service: { id: string };
  incidentCount: number;
  downtimeMinutes: number;
  availability: number;
  slo: number;
  errorBudgetUsed: number;
  mtbfMinutes?: number | null;
}

export interface ServiceGapInput {
  service: { id: string };
  mechanism: { id: string; name: string };
  gapCount: number;
  covered: boolean;
}

export interface ServiceRow {
  id: string;
  name: string;
  team: string;
  slo: number;
  availability: number | null;
  withinSlo: boolean | null;
  /** Fraction: 1 = the whole budget spent. */
  errorBudgetUsed: number | null;
  incidentCount: number;
  downtimeMinutes: number;
  mtbfMinutes: number | null;
  declared: string[];
  gaps: { mechanism: string; count: number; covered: boolean }[];
}

/** Services joined with their reliability and gaps, worst error budget first. */
export function toServiceRows(
  services: readonly ServiceInput[],
  reliability: readonly ServiceReliabilityInput[],
  gaps: readonly ServiceGapInput[],
  teamIds: readonly string[] = [],
): ServiceRow[] {
  const rel = new Map(reliability.map((r) => [r.service.id, r]));
  return services
    .filter((s) => teamIds.length === 0 || teamIds.includes(s.team.id))
    .map((s) => {
      const r = rel.get(s.id);
      return {
        id: s.id,
        name: s.name,
        team: s.team.name,
        slo: s.slo,
        availability: r?.availability ?? null,
        withinSlo: r ? r.availability >= s.slo : null,
        errorBudgetUsed: r?.errorBudgetUsed ?? null,
        incidentCount: r?.incidentCount ?? 0,
        downtimeMinutes: r?.downtimeMinutes ?? 0,
        mtbfMinutes: r?.mtbfMinutes ?? null,
        declared: s.redundancy.map((m) => m.name).sort(),
        gaps: gaps
          .filter((g) => g.service.id === s.id && g.gapCount > 0)
          .map((g) => ({ mechanism: g.mechanism.name, count: g.gapCount, covered: g.covered }))
          .sort((a, b) => b.count - a.count),
      };
    })
    .sort((a, b) => (b.errorBudgetUsed ?? -1) - (a.errorBudgetUsed ?? -1) || a.name.localeCompare(b.name));
}
