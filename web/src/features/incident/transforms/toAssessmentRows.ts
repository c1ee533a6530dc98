import type { RedundancyOutcome } from '../../../gql/graphql';
import type { AssessmentRowData } from '../components/RedundancyAssessments';

/**
 * Catalogue + this incident's assessments → one row per mechanism: assessed ones first (gaps first),
 * then the rest of the live catalogue; a retired mechanism shows only if it was assessed.
 */
export function toAssessmentRows(
  catalogue: readonly { id: string; name: string; description?: string | null; retired: boolean }[],
  assessments: readonly { mechanism: { id: string; name: string }; outcome: RedundancyOutcome; notes?: string | null }[],
  declaredIds: readonly string[],
): AssessmentRowData[] {
  const byId = new Map(assessments.map((a) => [a.mechanism.id, a]));
  const declared = new Set(declaredIds);
  const rank: Record<RedundancyOutcome, number> = { MISSING: 0, FAILED: 1, PARTIAL: 2, WORKED: 3 };
  const rows: AssessmentRowData[] = catalogue
    .filter((m) => !m.retired || byId.has(m.id))
    .map((m) => ({
      mechanism: { id: m.id, name: m.name, description: m.description },
      outcome: byId.get(m.id)?.outcome ?? null,
      notes: byId.get(m.id)?.notes ?? '',
      declared: declared.has(m.id),
    }));
  for (const a of assessments) {
    if (!catalogue.some((m) => m.id === a.mechanism.id)) {
      rows.push({ mechanism: a.mechanism, outcome: a.outcome, notes: a.notes ?? '', declared: declared.has(a.mechanism.id) });
    }
  }
  return rows.sort(
    (a, b) =>
      (a.outcome ? rank[a.outcome] : 9) - (b.outcome ? rank[b.outcome] : 9) ||
      Number(b.declared) - Number(a.declared) ||
      a.mechanism.name.localeCompare(b.mechanism.name),
  );
}
