import { useLayoutEffect } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider, type Client } from 'urql';
import { GraphQLError } from 'graphql';
import { fromValue } from 'wonka';
import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { IncidentDetailsForm } from '../components/IncidentDetailsForm';
import { IncidentMergePanel } from '../components/IncidentMergePanel';
import { toIncidentMergeView } from '../transforms/incidentMerge';
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
  updatedAt: '2026-03-01T12:00:00Z',
} as unknown as IncidentDetailFieldsFragment;

const reference = { services: [{ id: 's1', name: 'Payments', team: { id: 't1' } }], teams: [{ id: 't1', name: 'Commerce' }] };

function Editor() {
  const e = useIncidentEditor(incident);
  return (
    <>
      {e.conflict && <p role="alert">conflict</p>}
      {e.saved && <p role="status">Saved.</p>}
      {e.merge && (
        <IncidentMergePanel
          view={toIncidentMergeView(e.merge.comparison, e.merge.base, e.merge.mine, e.merge.theirs, reference)}
          choices={e.merge.choices}
          latest={e.merge.latest}
          saving={e.saving}
          reloading={e.reloading}
          onChoose={e.onChoose}
          onSave={e.onMergeSave}
          onReload={e.onReload}
        />
      )}
      <IncidentDetailsForm
        values={e.values}
        errors={e.errors}
        services={reference.services}
        teams={reference.teams}
        dirty={e.dirty}
        submitLabel="Save changes"
        onChange={e.onChange}
        onSubmit={e.onSave}
      />
    </>
  );
}

type Answer = { data?: unknown; error?: GraphQLError };

/** A client answering mutations in order, and IncidentDetail queries with `latest`. */
function renderWith(answers: Answer[], latest?: Partial<IncidentDetailFieldsFragment>) {
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
  const query = vi.fn(() => ({ toPromise: async () => ({ data: latest ? { incident: { ...incident, ...latest } } : undefined }) }));
  const client = { executeMutation, query } as unknown as Client;
  render(
    <Provider value={client}>
      <Editor />
    </Provider>,
  );
  const inputs = () => executeMutation.mock.calls.map((c) => (c as unknown as [{ variables: unknown }])[0].variables);
  return { executeMutation, query, inputs };
}

const conflict = new GraphQLError('changed by someone else', { extensions: { code: 'CONFLICT', fields: ['expectedVersion'] } });

async function editTitleAndSummary() {
  await userEvent.clear(screen.getByLabelText('Title'));
  await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors in EU');
  await userEvent.type(screen.getByLabelText('Summary'), 'Card payments failed.');
  await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
}

describe('useIncidentEditor with the details form', () => {
  it('sends only the changed field with the version it was opened at', async () => {
    const { inputs } = renderWith([{ data: { updateIncident: { ...incident, version: 4, title: 'Checkout errors in EU' } } }]);
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors in EU');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(inputs()).toEqual([{ id: '7', input: { expectedVersion: 3, title: 'Checkout errors in EU' } }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('on a conflict shows their changes next to mine and saves the merge against their version', async () => {
    const latest = { version: 4, title: 'Checkout outage', severity: 'SEV1' as const, updatedAt: '2026-03-02T09:00:00Z' };
    const { inputs, query } = renderWith(
      [{ error: conflict }, { data: { updateIncident: { ...incident, ...latest, version: 5, summary: 'Card payments failed.' } } }],
      latest,
    );
    await editTitleAndSummary();

    const panel = await screen.findByRole('region', { name: /Someone else changed this incident/ });
    expect(query).toHaveBeenCalledTimes(1);
    const row = within(panel).getByRole('row', { name: /^Title/ });
    expect(row).toHaveTextContent('Checkout outage');
    expect(row).toHaveTextContent('Checkout errors in EU');
    expect(panel).toHaveTextContent('Severity: SEV2 → SEV1'); // theirs only
    expect(panel).toHaveTextContent('Summary: (empty) → Card payments failed.'); // mine only
    // the form now shows their version with the user's edits on top; undecided fields keep the user's value
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout errors in EU');
    expect(screen.getByLabelText('Summary')).toHaveValue('Card payments failed.');
    expect(screen.getByLabelText('Severity')).toHaveValue('SEV1');

    const save = within(panel).getByRole('button', { name: 'Save merged version' });
    expect(save).toBeDisabled();
    // the form's own button cannot skip the decision
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(inputs()).toHaveLength(1);

    await userEvent.click(within(panel).getByRole('radio', { name: 'Take theirs for Title' }));
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout outage');
    await userEvent.click(save);

    expect(inputs()[1]).toEqual({ id: '7', input: { expectedVersion: 4, summary: 'Card payments failed.' } });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout outage');
    expect(screen.getByLabelText('Severity')).toHaveValue('SEV1');
  });

  it('keeps my value for a field when I choose mine', async () => {
    const latest = { version: 4, title: 'Checkout outage', updatedAt: '2026-03-02T09:00:00Z' };
    const { inputs } = renderWith([{ error: conflict }, { data: { updateIncident: { ...incident, version: 5 } } }], latest);
    await editTitleAndSummary();
    await userEvent.click(await screen.findByRole('radio', { name: 'Keep yours for Title' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save merged version' }));
    expect(inputs()[1]).toEqual({
      id: '7',
      input: { expectedVersion: 4, title: 'Checkout errors in EU', summary: 'Card payments failed.' },
    });
  });

  it('keeps the merge open when the merged version fails the form’s checks, and saves nothing', async () => {
    // I move the start later (still before the resolution I opened); they move the resolution earlier (after the start they saw).
    const latest = { version: 4, title: 'Checkout outage', resolvedAt: '2026-03-01T11:00:00Z', updatedAt: '2026-03-02T09:00:00Z' };
    const { inputs } = renderWith([{ error: conflict }], latest);
    const started = screen.getByLabelText('Impact started') as HTMLInputElement;
    const later = new Date(Date.parse('2026-03-01T11:30:00Z') - new Date('2026-03-01T11:30:00Z').getTimezoneOffset() * 60_000);
    fireEvent.change(started, { target: { value: later.toISOString().slice(0, 16) } });
    await editTitleAndSummary();
    const panel = await screen.findByRole('region', { name: /Someone else changed this incident/ });
    await userEvent.click(within(panel).getByRole('radio', { name: 'Take theirs for Title' }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Save merged version' }));

    expect(screen.getAllByText('Resolved cannot be before impact started.').length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: /Someone else changed this incident/ })).toBeInTheDocument();
    expect(inputs()).toHaveLength(1);
  });

  it('reloads their version and discards my edits when asked', async () => {
    const { inputs } = renderWith([{ error: conflict }], { version: 4, title: 'Checkout outage', updatedAt: '2026-03-02T09:00:00Z' });
    await editTitleAndSummary();
    await userEvent.click(await screen.findByRole('button', { name: 'Reload incident' }));
    expect(await screen.findByLabelText('Title')).toHaveValue('Checkout outage');
    expect(screen.getByLabelText('Summary')).toHaveValue('');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(inputs()).toHaveLength(1);
  });

  it('re-saves at once when the other change touched none of the form’s fields', async () => {
    const { inputs } = renderWith(
      [{ error: conflict }, { data: { updateIncident: { ...incident, version: 5, title: 'Checkout errors in EU' } } }],
      {
        version: 4,
      },
    );
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.type(screen.getByLabelText('Title'), 'Checkout errors in EU');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(inputs()[1]).toEqual({ id: '7', input: { expectedVersion: 4, title: 'Checkout errors in EU' } });
  });

  it('falls back to the reload banner when the current version cannot be loaded', async () => {
    renderWith([{ error: conflict }]);
    await editTitleAndSummary();
    expect(await screen.findByRole('alert')).toHaveTextContent('conflict');
    expect(screen.getByLabelText('Title')).toHaveValue('Checkout errors in EU');
  });

  it('puts BAD_USER_INPUT messages next to the named fields', async () => {
    renderWith([{ error: new GraphQLError('title is taken', { extensions: { code: 'BAD_USER_INPUT', fields: ['title'] } }) }]);
    await userEvent.type(screen.getByLabelText('Title'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('title is taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
  });

  it('does not call the API when client-side validation fails', async () => {
    const { executeMutation } = renderWith([]);
    await userEvent.clear(screen.getByLabelText('Title'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('A title is required.')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});

describe('useIncidentEditor when a newer version arrives', () => {
  /** Every committed render's pair (the record's title, the form's title), as the browser could see it. */
  function Probe({ record, seen }: { record: IncidentDetailFieldsFragment; seen: string[] }) {
    const e = useIncidentEditor(record);
    useLayoutEffect(() => {
      seen.push(`${record.title} | ${e.values.title}`);
    });
    return null;
  }

  it('moves an untouched form onto it in the same render (never the new record beside the old values)', () => {
    const seen: string[] = [];
    const client = { executeMutation: vi.fn(), query: vi.fn() } as unknown as Client;
    const { rerender } = render(
      <Provider value={client}>
        <Probe record={incident} seen={seen} />
      </Provider>,
    );
    // Say, a field reset to its source: the answer brings version 4 with the source's value.
    rerender(
      <Provider value={client}>
        <Probe record={{ ...incident, version: 4, title: 'From the source' }} seen={seen} />
      </Provider>,
    );
    expect(seen).toEqual(['Checkout errors | Checkout errors', 'From the source | From the source']);
  });
});
