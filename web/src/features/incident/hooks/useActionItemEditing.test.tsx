import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { ActionItemsSection } from '../components/ActionItemsSection';
import type { ActionItemRow } from '../transforms/actionItemForm';
import { useActionItemEditing } from './useActionItemEditing';

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
  mechanism: null,
};
const users = [
  { id: 'u1', email: 'ana@example.com', name: 'Ana' },
  { id: 'u2', email: 'bo@example.com', name: 'Bo' },
];
const gaps = [{ id: 'm1', name: 'Multi-zone' }];

function Items({ canEdit = true }: { canEdit?: boolean }) {
  const editing = useActionItemEditing('7');
  return (
    <ActionItemsSection
      items={editing.items([item])}
      edits={editing.edits}
      users={users}
      causes={[]}
      gapMechanisms={gaps}
      canEdit={canEdit}
      busy={false}
      errors={{}}
      onCreate={async () => true}
      onStatusChange={editing.setStatus}
      onEdit={editing.start}
      onEditChange={editing.change}
      onEditSave={editing.save}
      onEditCancel={editing.cancel}
    />
  );
}

type Answer = { data?: unknown; error?: GraphQLError };

function renderWith(answers: Answer[], latest?: Partial<ActionItemRow>, canEdit = true) {
  const executeMutation = vi.fn(() => {
    const a = answers.shift() ?? { error: new GraphQLError('no more answers') };
    return fromValue({
      operation: {} as never,
      data: a.data,
      error: a.error ? new CombinedError({ graphQLErrors: [a.error] }) : undefined,
      stale: false,
      hasNext: false,
    });
  });
  const query = vi.fn(() => ({ toPromise: async () => ({ data: { incident: { id: '7', actionItems: [{ ...item, ...latest }] } } }) }));
  render(
    <Provider value={{ executeMutation, query } as unknown as Client}>
      <Items canEdit={canEdit} />
    </Provider>,
  );
  const inputs = () => executeMutation.mock.calls.map((c) => (c as unknown as [{ variables: unknown }])[0].variables);
  return { executeMutation, query, inputs };
}

const saved = (changes: Partial<ActionItemRow>) => ({ data: { updateActionItem: { ...item, ...changes, completedAt: null } } });

async function editTitleAndDueDate(title: string, due: string) {
  await userEvent.click(screen.getByRole('button', { name: `Edit ${item.title}` }));
  const form = screen.getByRole('form', { name: `Edit action item: ${item.title}` });
  await userEvent.clear(within(form).getByLabelText('Title'));
  await userEvent.type(within(form).getByLabelText('Title'), title);
  fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: due } });
  return form;
}

describe('editing action items in place', () => {
  it('saves the changed fields with the version it was opened at, then shows the saved item', async () => {
    const { inputs } = renderWith([saved({ title: 'Add a replica in zone b', dueDate: '2026-05-15', version: 3 })]);
    const form = await editTitleAndDueDate('Add a replica in zone b', '2026-05-15');
    await userEvent.selectOptions(within(form).getByLabelText('Owner'), 'u2');
    await userEvent.selectOptions(within(form).getByLabelText('Closes gap'), 'm1');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(inputs()).toEqual([
      {
        id: 'a1',
        input: { expectedVersion: 2, title: 'Add a replica in zone b', ownerId: 'u2', dueDate: '2026-05-15', mechanismId: 'm1' },
      },
    ]);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Add a replica in zone b/ })).toHaveTextContent('15 May 2026');
  });

  it('shows a server validation error next to its field and keeps what was typed', async () => {
    renderWith([
      { error: new GraphQLError('dueDate must be a date as YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT', fields: ['dueDate'] } }) },
    ]);
    const form = await editTitleAndDueDate('Add a replica in zone b', '2026-05-15');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const due = await within(form).findByLabelText('Due date');
    expect(due).toHaveAttribute('aria-invalid', 'true');
    expect(due).toHaveAccessibleDescription('dueDate must be a date as YYYY-MM-DD');
    expect(within(form).getByLabelText('Title')).toHaveValue('Add a replica in zone b');
  });

  it('checks the title before calling the API', async () => {
    const { executeMutation } = renderWith([]);
    await userEvent.click(screen.getByRole('button', { name: `Edit ${item.title}` }));
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Say what is to be done.');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  describe('when someone else changed the item meanwhile', () => {
    const conflict = { error: new GraphQLError('changed', { extensions: { code: 'CONFLICT', fields: ['expectedVersion'] } }) };
    const theirs = { title: 'Add a replica (zone c)', owner: users[1], status: 'IN_PROGRESS' as const, version: 3 };

    it('shows their current values next to my edit and re-applies my edit on top of their version', async () => {
      const { inputs, query } = renderWith([conflict, saved({ ...theirs, title: 'Mine', dueDate: '2026-05-15', version: 4 })], theirs);
      const form = await editTitleAndDueDate('Mine', '2026-05-15');
      await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

      expect(await within(form).findByRole('alert')).toHaveTextContent('Someone else changed this action item');
      expect(query).toHaveBeenCalledTimes(1);
      const rows = within(form).getAllByRole('row').slice(1);
      expect(rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent))).toEqual([
        ['Titleboth changed', 'Add a replica (zone c)', 'Mine'],
        ['Status', 'In progress', 'not changed by you'],
        ['Owner', 'Bo', 'not changed by you'],
        ['Due date', '30 Apr 2026', '15 May 2026'],
      ]);
      // nothing typed is lost; the form shows what re-applying saves: their version with my edit on top
      expect(within(form).getByLabelText('Title')).toHaveValue('Mine');
      expect(within(form).getByLabelText('Due date')).toHaveValue('2026-05-15');
      expect(within(form).getByLabelText('Status')).toHaveValue('IN_PROGRESS');
      expect(within(form).getByLabelText('Owner')).toHaveValue('u2');

      await userEvent.click(within(form).getByRole('button', { name: 'Re-apply my edit' }));
      expect(inputs()[1]).toEqual({ id: 'a1', input: { expectedVersion: 3, title: 'Mine', dueDate: '2026-05-15' } });
      expect(screen.queryByRole('form')).not.toBeInTheDocument();
    });

    it('discards my edit only when asked', async () => {
      const { inputs } = renderWith([conflict], theirs);
      const form = await editTitleAndDueDate('Mine', '2026-05-15');
      await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
      await userEvent.click(await within(form).findByRole('button', { name: 'Discard my edit' }));
      expect(screen.queryByRole('form')).not.toBeInTheDocument();
      expect(inputs()).toHaveLength(1);
    });

    it('opens the editor with the conflict when a quick status change hits one', async () => {
      const { inputs } = renderWith([conflict], theirs);
      await userEvent.selectOptions(screen.getByLabelText(`Status of ${item.title}`), 'DONE');
      expect(inputs()).toEqual([{ id: 'a1', input: { expectedVersion: 2, status: 'DONE' } }]);
      const form = await screen.findByRole('form');
      expect(within(form).getByRole('alert')).toHaveTextContent('Someone else changed this action item');
      expect(within(form).getByRole('row', { name: /Status/ })).toHaveTextContent('In progressDone');
    });
  });

  it('changes the status from the row without opening an editor', async () => {
    const { inputs } = renderWith([saved({ status: 'DONE', version: 3 })]);
    await userEvent.selectOptions(screen.getByLabelText(`Status of ${item.title}`), 'DONE');
    expect(inputs()).toEqual([{ id: 'a1', input: { expectedVersion: 2, status: 'DONE' } }]);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByLabelText(`Status of ${item.title}`)).toHaveValue('DONE');
  });

  it('is read-only for viewers', () => {
    renderWith([], undefined, false);
    expect(screen.getByRole('row', { name: /Add a replica/ })).toHaveTextContent('Open');
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('New action item')).not.toBeInTheDocument();
  });
});
