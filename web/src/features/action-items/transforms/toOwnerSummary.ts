export interface ActionItemInput {
  status: string;
  overdue: boolean;
  /** email is null where the viewer may not see it. */
  owner?: { id: string; email?: string | null; name?: string | null } | null;
  incident: { team: { id: string; name: string } };
}

export interface SummaryRow {
  key: string;
  label: string;
  open: number;
  overdue: number;
}

const isOpen = (s: string) => s === 'OPEN' || s === 'IN_PROGRESS';

/** Open and overdue action items per owner or per team, most overdue first; unassigned items are their own row. */
export function toOwnerSummary(items: readonly ActionItemInput[], by: 'owner' | 'team'): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const item of items) {
    if (!isOpen(item.status)) continue;
    const key = by === 'owner' ? (item.owner?.id ?? '—') : item.incident.team.id;
    const label =
      by === 'owner'
        ? item.owner
          ? (item.owner.name ?? item.owner.email ?? `User #${item.owner.id}`)
          : 'Unassigned'
        : item.incident.team.name;
    const row = rows.get(key) ?? { key, label, open: 0, overdue: 0 };
    row.open += 1;
    if (item.overdue) row.overdue += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.label.localeCompare(b.label));
}
