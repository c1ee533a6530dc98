import { groupCauses, type CauseNode } from '../../filters/transforms/groupCauses';

export interface CauseOption {
  id: string;
  name: string;
  /** null for a category itself. */
  category: string | null;
}

/**
 * Taxonomy → picker options matching `query` (case-insensitive, on the cause or its category name),
 * each category followed by its causes; `excludeIds` (already tagged) are left out.
 */
export function toCauseOptions(nodes: readonly CauseNode[], query: string, excludeIds: readonly string[] = []): CauseOption[] {
  const q = query.trim().toLowerCase();
  const skip = new Set(excludeIds);
  const out: CauseOption[] = [];
  for (const g of groupCauses(nodes)) {
    const catMatch = !q || g.category.name.toLowerCase().includes(q);
    const causes = g.causes.filter((c) => !skip.has(c.id) && (catMatch || c.name.toLowerCase().includes(q)));
    if ((catMatch && !skip.has(g.category.id)) || causes.length) {
      if (!skip.has(g.category.id) && catMatch) out.push({ id: g.category.id, name: g.category.name, category: null });
      for (const c of causes) out.push({ id: c.id, name: c.name, category: g.category.name });
    }
  }
  return out;
}
