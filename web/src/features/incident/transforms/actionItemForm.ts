import { formatDate } from '../../../charts/formatters';
import type { ActionItemStatus, ActionItemType, UpdateActionItemInput } from '../../../gql/graphql';
import { compareEdits, mergeEdits, type EditComparison } from './mergeEdits';

interface Named {
  id: string;
  name: string;
}

export interface UserOption {
  id: string;
  /** Null when the viewer may not see it (viewers see other users' names only). */
  email?: string | null;
  name?: string | null;
}

/** How a user is shown: their name, else their email, else their id. */
export const userLabel = (u: UserOption) => u.name ?? u.email ?? `User #${u.id}`;

/** An action item as the incident page shows it. */
export interface ActionItemRow {
  id: string;
  title: string;
  type: ActionItemType;
  status: ActionItemStatus;
  owner?: UserOption | null;
  dueDate?: string | null;
  overdue: boolean;
  version: number;
  cause?: Named | null;
  mechanism?: Named | null;
}

/** What the action item editor edits; '' means none (unassigned, no due date, no cause, no gap). */
export interface ActionItemValues {
  title: string;
  type: ActionItemType;
  status: ActionItemStatus;
  ownerId: string;
  dueDate: string;
  causeId: string;
  mechanismId: string;
}

export type ActionItemField = keyof ActionItemValues;

/** One open editor on the incident page. */
export interface ActionItemEdit {
  /** The values the user started from, and their version (sent as expectedVersion). */
  base: ActionItemValues;
  version: number;
  values: ActionItemValues;
  errors: Record<string, string>;
  saving: boolean;
  /**
   * Set after a CONFLICT: the item as it is now (null when it no longer exists), and what the user had
   * opened and typed. `base`/`version` then are the latest version and `values` the user's edit on top.
   */
  conflict?: { latest: ActionItemRow | null; opened: ActionItemValues; mine: ActionItemValues };
  /** A status change from the row's select, still saving: the row stays as it is, no editor opens. */
  quick?: boolean;
}

export const actionItemFields: readonly ActionItemField[] = ['title', 'type', 'status', 'ownerId', 'dueDate', 'causeId', 'mechanismId'];

export const actionItemFieldLabels: Record<ActionItemField, string> = {
  title: 'Title',
  type: 'Type',
  status: 'Status',
  ownerId: 'Owner',
  dueDate: 'Due date',
  causeId: 'Cause',
  mechanismId: 'Closes gap',
};

export const actionItemTypes: readonly ActionItemType[] = ['PREVENT', 'DETECT', 'MITIGATE', 'PROCESS'];

export const actionItemStatusLabels: Record<ActionItemStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  WONT_DO: 'Won’t do',
};

/** The choices of the action-item selects (type, status, owner, and anything named: causes, mechanisms). */
export const actionItemTypeChoices = actionItemTypes.map((t) => ({ value: t, label: t.toLowerCase() }));
export const actionItemStatusChoices = Object.entries(actionItemStatusLabels).map(([value, label]) => ({ value, label }));
export const userChoices = (users: readonly UserOption[]) => users.map((u) => ({ value: u.id, label: userLabel(u) }));
export const namedChoices = (items: readonly { id: string; name: string }[]) => items.map((i) => ({ value: i.id, label: i.name }));

export function toActionItemValues(item: ActionItemRow): ActionItemValues {
  return {
    title: item.title,
    type: item.type,
    status: item.status,
    ownerId: item.owner?.id ?? '',
    dueDate: item.dueDate ?? '',
    causeId: item.cause?.id ?? '',
    mechanismId: item.mechanism?.id ?? '',
  };
}

/** Fields that differ between a and b, by what a save would store (titles are trimmed). */
export function changedActionItemFields(a: ActionItemValues, b: ActionItemValues): ActionItemField[] {
  return actionItemFields.filter((f) => (f === 'title' ? a.title.trim() !== b.title.trim() : a[f] !== b[f]));
}

/** Only the changed fields, with `expectedVersion`; a cleared owner, due date, cause or gap is sent as null. */
export function toUpdateActionItemInput(base: ActionItemValues, edited: ActionItemValues, expectedVersion: number): UpdateActionItemInput {
  const input: UpdateActionItemInput = { expectedVersion };
  for (const f of changedActionItemFields(base, edited)) {
    if (f === 'title') input.title = edited.title.trim();
    else if (f === 'type') input.type = edited.type;
    else if (f === 'status') input.status = edited.status;
    else input[f] = edited[f] || null;
  }
  return input;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Client-side checks that mirror the API's (title 1–500 characters, due date YYYY-MM-DD). */
export function validateActionItem(v: ActionItemValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.title.trim()) errors.title = 'Say what is to be done.';
  else if (v.title.trim().length > 500) errors.title = 'At most 500 characters.';
  if (v.dueDate && (!isoDate.test(v.dueDate) || new Date(`${v.dueDate}T00:00:00Z`).toISOString().slice(0, 10) !== v.dueDate)) {
    errors.dueDate = 'A date as YYYY-MM-DD.';
  }
  return errors;
}

export function compareActionItemEdits(
  base: ActionItemValues,
  mine: ActionItemValues,
  theirs: ActionItemValues,
): EditComparison<ActionItemField> {
  return compareEdits(actionItemFields, changedActionItemFields, base, mine, theirs);
}

/** The latest version with every field the user changed put back on top (the user's value wins where both changed). */
export function reapplyActionItemEdit(base: ActionItemValues, mine: ActionItemValues, theirs: ActionItemValues): ActionItemValues {
  const comparison = compareActionItemEdits(base, mine, theirs);
  const keepMine = Object.fromEntries(comparison.conflicts.map((f) => [f, 'mine' as const]));
  return mergeEdits(comparison, mine, theirs, keepMine);
}

export interface ActionItemNames {
  users: readonly UserOption[];
  causes: readonly Named[];
  mechanisms: readonly Named[];
}

/** One field's value as a person reads it. */
export function formatActionItemValue(field: ActionItemField, v: ActionItemValues, names: ActionItemNames): string {
  const name = (list: readonly Named[], id: string) => list.find((x) => x.id === id)?.name ?? `#${id}`;
  switch (field) {
    case 'title':
      return v.title.trim() || '(empty)';
    case 'type':
      return v.type.toLowerCase();
    case 'status':
      return actionItemStatusLabels[v.status];
    case 'ownerId': {
      if (!v.ownerId) return 'Unassigned';
      const u = names.users.find((x) => x.id === v.ownerId);
      return u ? userLabel(u) : `#${v.ownerId}`;
    }
    case 'dueDate':
      return v.dueDate ? formatDate(v.dueDate) : 'No due date';
    case 'causeId':
      return v.causeId ? name(names.causes, v.causeId) : 'None';
    case 'mechanismId':
      return v.mechanismId ? name(names.mechanisms, v.mechanismId) : 'None';
  }
}

export interface ActionItemConflictRow {
  field: ActionItemField;
  label: string;
  theirs: string;
  /** The user's edit of this field, or null when they left it alone. */
  mine: string | null;
  /** Both changed it, differently: re-applying replaces their value. */
  both: boolean;
}

/** Every field the other person or the user changed since the user opened the item. */
export function toActionItemConflictRows(
  base: ActionItemValues,
  mine: ActionItemValues,
  theirs: ActionItemValues,
  names: ActionItemNames,
): ActionItemConflictRow[] {
  const byThem = new Set(changedActionItemFields(base, theirs));
  const byMe = new Set(changedActionItemFields(base, mine));
  const comparison = compareActionItemEdits(base, mine, theirs);
  return actionItemFields
    .filter((f) => byThem.has(f) || byMe.has(f))
    .map((f) => ({
      field: f,
      label: actionItemFieldLabels[f],
      theirs: formatActionItemValue(f, theirs, names),
      mine: byMe.has(f) ? formatActionItemValue(f, mine, names) : null,
      both: comparison.conflicts.includes(f),
    }));
}

/** Options for a select, plus `current` when it is not among them (a retired cause, a gap no longer assessed...). */
export function withOption<T extends { id: string }>(options: readonly T[], ...current: (T | null | undefined)[]): T[] {
  const out = [...options];
  for (const c of current) if (c && !out.some((o) => o.id === c.id)) out.push(c);
  return out;
}

/** The page's items, each replaced by a just-saved version when that is newer (until the incident refetch catches up). */
export function preferNewer<T extends { id: string; version: number }>(items: readonly T[], saved: Readonly<Record<string, T>>): T[] {
  return items.map((i) => (saved[i.id] && saved[i.id].version > i.version ? saved[i.id] : i));
}
