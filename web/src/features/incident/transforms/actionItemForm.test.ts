import {
  preferNewer,
  reapplyActionItemEdit,
  toActionItemConflictRows,
  toActionItemValues,
  toUpdateActionItemInput,
  validateActionItem,
  withOption,
  type ActionItemRow,
} from './actionItemForm';

const item: ActionItemRow = {
  id: 'a1',
  title: 'Add a replica in a second zone',
  type: 'PREVENT',
  status: 'OPEN',
  owner: { id: 'u1', email: 'ana@example.com', name: 'Ana' },
  dueDate: '2026-04-30',
  overdue: false,
  version: 2,
  cause: null,
  mechanism: { id: 'm1', name: 'Multi-zone' },
};
const names = {
  users: [
    { id: 'u1', email: 'ana@example.com', name: 'Ana' },
    { id: 'u2', email: 'bo@example.com', name: null },
  ],
  causes: [{ id: 'c1', name: 'DNS' }],
  mechanisms: [
    { id: 'm1', name: 'Multi-zone' },
    { id: 'm2', name: 'Backup & restore' },
  ],
};

describe('action item edits', () => {
  const base = toActionItemValues(item);

  it('reads an item into form values, none as empty', () => {
    expect(base).toEqual({
      title: 'Add a replica in a second zone',
      type: 'PREVENT',
      status: 'OPEN',
      ownerId: 'u1',
      dueDate: '2026-04-30',
      causeId: '',
      mechanismId: 'm1',
    });
  });

  it('sends only changed fields with the expected version; cleared ones as null; titles trimmed', () => {
    expect(
      toUpdateActionItemInput(
        base,
        { ...base, title: ' Add a replica in zone b ', dueDate: '2026-05-15', ownerId: '', mechanismId: '' },
        2,
      ),
    ).toEqual({ expectedVersion: 2, title: 'Add a replica in zone b', ownerId: null, dueDate: '2026-05-15', mechanismId: null });
    expect(toUpdateActionItemInput(base, { ...base, title: `${base.title}  ` }, 2)).toEqual({ expectedVersion: 2 });
    expect(toUpdateActionItemInput(base, { ...base, status: 'DONE', causeId: 'c1' }, 5)).toEqual({
      expectedVersion: 5,
      status: 'DONE',
      causeId: 'c1',
    });
  });

  it('validates like the API: a title of 1–500 characters, a real YYYY-MM-DD date', () => {
    expect(validateActionItem(base)).toEqual({});
    expect(validateActionItem({ ...base, dueDate: '' })).toEqual({});
    expect(Object.keys(validateActionItem({ ...base, title: '   ' }))).toEqual(['title']);
    expect(Object.keys(validateActionItem({ ...base, title: 'x'.repeat(501) }))).toEqual(['title']);
    expect(Object.keys(validateActionItem({ ...base, dueDate: '2026-02-30' }))).toEqual(['dueDate']);
    expect(Object.keys(validateActionItem({ ...base, dueDate: '30/04/2026' }))).toEqual(['dueDate']);
  });

  it('re-applies my changes on top of their version: theirs kept, mine win where both changed', () => {
    const mine = { ...base, title: 'Mine', dueDate: '2026-05-01' };
    const theirs = { ...base, title: 'Theirs', ownerId: 'u2', status: 'IN_PROGRESS' as const };
    expect(reapplyActionItemEdit(base, mine, theirs)).toEqual({
      ...base,
      title: 'Mine',
      dueDate: '2026-05-01',
      ownerId: 'u2',
      status: 'IN_PROGRESS',
    });
    // their version as the new base: only my fields are sent
    expect(toUpdateActionItemInput(theirs, reapplyActionItemEdit(base, mine, theirs), 3)).toEqual({
      expectedVersion: 3,
      title: 'Mine',
      dueDate: '2026-05-01',
    });
  });

  it('lists what changed since opening: their current value and my edit, flagged when both changed', () => {
    const mine = { ...base, title: 'Mine', dueDate: '2026-05-01' };
    const theirs = { ...base, title: 'Theirs', ownerId: 'u2', mechanismId: 'm2' };
    expect(toActionItemConflictRows(base, mine, theirs, names)).toEqual([
      { field: 'title', label: 'Title', theirs: 'Theirs', mine: 'Mine', both: true },
      { field: 'ownerId', label: 'Owner', theirs: 'bo@example.com', mine: null, both: false },
      { field: 'dueDate', label: 'Due date', theirs: '30 Apr 2026', mine: '01 May 2026', both: false },
      { field: 'mechanismId', label: 'Closes gap', theirs: 'Backup & restore', mine: null, both: false },
    ]);
  });

  it('keeps an item’s current choice selectable and shows just-saved versions until the refetch', () => {
    expect(withOption(names.mechanisms, { id: 'm9', name: 'Multi-CDN' }, null, { id: 'm1', name: 'Multi-zone' }).map((m) => m.id)).toEqual([
      'm1',
      'm2',
      'm9',
    ]);
    const saved = { a1: { ...item, title: 'Saved', version: 3 } };
    expect(preferNewer([item], saved)[0].title).toBe('Saved');
    expect(preferNewer([{ ...item, title: 'Refetched', version: 3 }], saved)[0].title).toBe('Refetched');
  });
});
