import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider, type Client } from 'urql';
import { GraphQLError } from 'graphql';
import { fromValue } from 'wonka';
import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { IncidentDetailsForm } from '../components/IncidentDetailsForm';
import { useIncidentEditor } from './useIncidentEditor';

const incident = {
  id: '7',
  key: 'INC-7',
  version: 3,
  title: 'Checkout errors',
  summary: null,
  severity: 'SEV2',
  status: 'RESOLVED',
  postmortemState: 'NONE',
  kind: 'INCIDENT',
  excludeFromMetrics: false,
  private: false,
  services: [{ id: 's1', name: 'Payments', redundancy: [] }],
  team: { id: 't1', name: 'Commerce' },
  regions: [],
  customerImpact: null,
  affectedUsersPercent: null,
  detectionSource: null,
  startedAt: '2026-03-01T10:00:00Z',
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: '2026-03-01T12:00:00Z',
} as unknown as IncidentDetailFieldsFragment;

function Editor() {
  const e = useIncidentEditor(incident);
  return (
    <>
      {e.conflict && <p role="alert">conflict</p>}
      <IncidentDetailsForm
        values={e.values}
        errors={e.errors}
        services={[{ id: 's1', name: 'Payments', team: { id: 't1' } }]}
        teams={[{ id: 't1', name: 'Commerce' }]}
        dirty={e.dirty}
        submitLabel="Save changes"
        onChange={e.onChange}
        onSubmit={e.onSave}
      />
    </>
  );
}

function renderWith(error: GraphQLError) {
  const executeMutation = vi.fn(() =>
    fromValue({
      operation: {} as never,
      data: undefined,
      error: new CombinedError({ graphQLErrors: [error] }),
      stale: false,
      hasNext: false,
    }),
  );
  const client = { executeMutation } as unknown as Client;
  render(
    <Provider value={client}>
      <Editor />
    </Provider>,
  );
  return executeMutation;
}

describe('useIncidentEditor with the details form', () => {
  it('sends only the changed field with the version it was opened at, and reports a conflict', async () => {
    const executeMutation = renderWith(
      new GraphQLError('changed by someone else', { extensions: { code: 'CONFLICT', fields: ['expectedVersion'] } }),
    );
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors in EU');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const op = (executeMutation.mock.calls[0] as unknown as [{ variables: unknown }])[0];
    expect(op.variables).toEqual({ id: '7', input: { expectedVersion: 3, title: 'Checkout errors in EU' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('conflict');
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout errors in EU');
  });

  it('puts BAD_USER_INPUT messages next to the named fields', async () => {
    renderWith(new GraphQLError('title is taken', { extensions: { code: 'BAD_USER_INPUT', fields: ['title'] } }));
    await userEvent.type(screen.getByLabelText('Title'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('title is taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
  });

  it('does not call the API when client-side validation fails', async () => {
    const executeMutation = renderWith(new GraphQLError('unused'));
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('A title is required.')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
