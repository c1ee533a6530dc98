export interface CountableItem {
  status: string;
  overdue: boolean;
  owner?: { id: string } | null;
  incident?: { excludeFromMetrics?: boolean };
}

export interface ActionItemCounts {
  /** Every item listed, whatever its status: open + done + wontDo. */
  total: number;
  /** OPEN or IN_PROGRESS. */
  open: number;
  /** Open with a due date before today (UTC), as the API marks each item. */
  overdue: number;
  done: number;
  wontDo: number;
  /** Items of incidents kept out of the metrics (game days, tests): listed here, left out of the overview's and the report's counts. */
  excluded: { total: number; overdue: number };
}

export const isOpenStatus = (s: string) => s === 'OPEN' || s === 'IN_PROGRESS';

/** Counts of one list of items, so every number on the page comes from the same rows and adds up. */
export function toActionItemCounts(items: readonly CountableItem[]): ActionItemCounts {
  const c: ActionItemCounts = { total: items.length, open: 0, overdue: 0, done: 0, wontDo: 0, excluded: { total: 0, overdue: 0 } };
  for (const item of items) {
    if (item.incident?.excludeFromMetrics) {
      c.excluded.total += 1;
      if (isOpenStatus(item.status) && item.overdue) c.excluded.overdue += 1;
    }
    if (isOpenStatus(item.status)) {
      c.open += 1;
      if (item.overdue) c.overdue += 1;
    } else if (item.status === 'DONE') c.done += 1;
    else if (item.status === 'WONT_DO') c.wontDo += 1;
  }
  return c;
}

export const actionItemViews = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'mine', label: 'Mine (open)' },
  { value: 'done', label: 'Done' },
  { value: 'wont_do', label: 'Won’t do' },
  { value: 'all', label: 'All' },
] as const;
export type ActionItemView = (typeof actionItemViews)[number]['value'];

/** The items a view shows; the same predicate counts the view's button, so button and table agree. */
export function inView(item: CountableItem, view: ActionItemView, userId: string | null): boolean {
  switch (view) {
    case 'open':
      return isOpenStatus(item.status);
    case 'overdue':
      return isOpenStatus(item.status) && item.overdue;
    case 'mine':
      return isOpenStatus(item.status) && userId != null && item.owner?.id === userId;
    case 'done':
      return item.status === 'DONE';
    case 'wont_do':
      return item.status === 'WONT_DO';
    case 'all':
      return true;
  }
}

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped to the last page. */
  index: number;
  pageCount: number;
}

/** One page of rows (client-side paging); an index past the end shows the last page. */
export function pageOf<T>(rows: readonly T[], index: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const i = Math.min(Math.max(0, Math.floor(index) || 0), pageCount - 1);
  return { rows: rows.slice(i * size, (i + 1) * size), index: i, pageCount };
}
