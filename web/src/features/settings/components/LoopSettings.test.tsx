import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError, Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { LoopSettings } from './LoopSettings';

const settings = {
  reviewSeverities: ['SEV1', 'SEV2'],
  reviewDueDays: 5,
  repeatWindowDays: 90,
  version: 2,
  updatedAt: '2026-12-01T10:00:00Z',
};

type Answer = { data?: unknown; error?: GraphQLError };

function renderWith(answers: Answer[]) {
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
  const executeQuery = vi.fn(() => fromValue({ operation: {} as never, data: { loopSettings: settings }, stale: false, hasNext: false }));
  render(
    <Provider value={{ executeMutation, executeQuery } as unknown as Client}>
      <LoopSettings />
    </Provider>,
  );
  const inputs = () => executeMutation.mock.calls.map((c) => (c as unknown as [{ variables: unknown }])[0].variables);
  return { inputs, executeMutation };
}

describe('LoopSettings', () => {
  it('shows the settings and saves only what changed with the version read', async () => {
    const { inputs } = renderWith([
      { data: { updateLoopSettings: { ...settings, reviewSeverities: ['SEV1'], repeatWindowDays: 30, version: 3 } } },
    ]);
    expect(screen.getByRole('checkbox', { name: 'SEV1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'SEV3' })).not.toBeChecked();
    expect(screen.getByLabelText('Days until a review is due')).toHaveValue(5);
    await userEvent.click(screen.getByRole('checkbox', { name: 'SEV2' }));
    await userEvent.clear(screen.getByLabelText('Repeat window (days)'));
    await userEvent.type(screen.getByLabelText('Repeat window (days)'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(inputs()).toEqual([{ input: { expectedVersion: 2, reviewSeverities: ['SEV1'], repeatWindowDays: 30 } }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('refuses out-of-range days before sending, next to the field', async () => {
    const { executeMutation } = renderWith([]);
    await userEvent.clear(screen.getByLabelText('Days until a review is due'));
    await userEvent.type(screen.getByLabelText('Days until a review is due'), '400');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Days until a review is due')).toHaveAccessibleDescription(
      /Days until due must be a whole number of days from 0 to 365\./,
    );
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('puts the API’s field errors next to the field it names', async () => {
    renderWith([
      {
        error: new GraphQLError('repeatWindowDays must not be greater than 3650', {
          extensions: { code: 'BAD_USER_INPUT', fields: ['input.repeatWindowDays'] },
        }),
      },
    ]);
    await userEvent.clear(screen.getByLabelText('Repeat window (days)'));
    await userEvent.type(screen.getByLabelText('Repeat window (days)'), '45');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('repeatWindowDays must not be greater than 3650')).toBeInTheDocument();
    expect(screen.getByLabelText('Repeat window (days)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('says when another admin changed the settings first and offers a reload', async () => {
    renderWith([{ error: new GraphQLError('changed by someone else', { extensions: { code: 'CONFLICT', fields: ['expectedVersion'] } }) }]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'SEV3' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another admin changed these settings after you opened them');
    await userEvent.click(screen.getByRole('button', { name: 'Reload the settings' }));
    expect(screen.getByRole('checkbox', { name: 'SEV3' })).not.toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
