export interface CauseNode {
  id: string;
  name: string;
  retired?: boolean;
  parent?: { id: string; name: string } | null;
}

export interface CauseGroup<T extends CauseNode> {
  category: T;
  causes: T[];
}

/** The two-level taxonomy as categories with their causes, alphabetically; retired nodes left out. */
export function groupCauses<T extends CauseNode>(nodes: readonly T[], includeRetired = false): CauseGroup<T>[] {
  const live = nodes.filter((n) => includeRetired || !n.retired);
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const categories = live.filter((n) => !n.parent).sort(byName);
  return categories.map((category) => ({
    category,
    causes: live.filter((n) => n.parent?.id === category.id).sort(byName),
  }));
}
