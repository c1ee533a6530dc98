import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { emptySourceForm, type SourceFormValues } from '../transforms/sourceForm';
import { testSourceKinds } from '../testing/sourceKinds';
import { SourceForm } from './SourceForm';

const teams = [
  { id: 't1', name: 'Payments' },
  { id: 't2', name: 'Streaming' },
];

function Harness({
  errors = {},
  saved = null,
  initial = emptySourceForm(testSourceKinds, 'PAGERDUTY', new Date('2026-12-07T00:00:00Z'), 't1'),
  onSubmit = () => {},
  onTest,
  test,
}: {
  errors?: Record<string, string>;
  saved?: { hasToken: boolean; hasWebhookSecret: boolean } | null;
  initial?: SourceFormValues;
  onSubmit?: (v: SourceFormValues) => void;
  onTest?: () => void;
  test?: { ok: boolean; message: string };
}) {
  const [values, setValues] = useState(initial);
  return (
    <SourceForm
      values={values}
      errors={errors}
      teams={teams}
      kinds={testSourceKinds}
      saved={saved}
      submitLabel="Add source"
      test={test}
      onChange={setValues}
      onSubmit={() => onSubmit(values)}
      onTest={onTest}
    />
  );
}

describe('SourceForm', () => {
  it('shows the fields each kind uses', async () => {
    render(<Harness onTest={() => {}} />);
    expect(screen.getByLabelText('API base URL')).toHaveValue('https://api.pagerduty.com');
    expect(screen.getByText('PagerDuty’s EU service is https://api.eu.pagerduty.com')).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Vendor value 1')).toHaveValue('P1');
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Status page');
    expect(screen.getByLabelText('Status page URL')).toHaveValue('');
    expect(screen.queryByLabelText('API token')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Webhook secret')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Vendor value 1')).toHaveValue('critical');

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Webhook');
    expect(screen.queryByLabelText(/URL/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Sync every (minutes)')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Severity map' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Webhook secret')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Test connection' })).not.toBeInTheDocument();

    expect(screen.queryByRole('group', { name: 'Timestamp names' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'incident.io');
    expect(screen.getByLabelText('API base URL')).toHaveValue('https://api.incident.io');
    const names = screen.getByRole('group', { name: 'Timestamp names' });
    expect(within(names).getByLabelText('Impact started')).toHaveAttribute('placeholder', 'impact started, impact start');
  });

  it('puts an API field error next to its field', () => {
    render(<Harness errors={{ baseUrl: 'baseUrl must not contain a query or fragment', severityMap: 'P1 is mapped twice' }} />);
    const url = screen.getByLabelText('API base URL');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    const described = (url.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('baseUrl must not contain a query or fragment');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(within(screen.getByRole('group', { name: 'Severity map' })).getByText('P1 is mapped twice')).toBeInTheDocument();
  });

  it('edits the severity map and submits what was typed', async () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Name'), 'PagerDuty prod');
    await userEvent.type(screen.getByLabelText('API token'), 'u+secret');
    for (const name of ['Remove P3', 'Remove P4', 'Remove P5', 'Remove high', 'Remove low']) {
      await userEvent.click(screen.getByRole('button', { name }));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Add a row' }));
    await userEvent.type(screen.getByLabelText('Vendor value 3'), 'P0');
    await userEvent.selectOptions(screen.getByLabelText('Severity for vendor value 3'), 'SEV1');
    await userEvent.click(screen.getByRole('button', { name: 'Add source' }));
    const v = onSubmit.mock.calls[0][0] as SourceFormValues;
    expect(v).toMatchObject({ name: 'PagerDuty prod', token: 'u+secret', teamId: 't1' });
    expect(v.severityRows.map((r) => `${r.from}→${r.to}`)).toEqual(['P1→SEV1', 'P2→SEV2', 'P0→SEV1']);
  });

  it('when editing: the kind is fixed and a saved token is kept unless replaced', () => {
    render(<Harness saved={{ hasToken: true, hasWebhookSecret: false }} />);
    expect(screen.getByLabelText('Kind')).toBeDisabled();
    expect(screen.getByText('Token saved — leave empty to keep it.')).toBeInTheDocument();
  });

  it('shows the answer of Test connection', () => {
    render(<Harness onTest={() => {}} test={{ ok: false, message: 'PagerDuty refused the token (401).' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Connection failed: PagerDuty refused the token (401).');
  });
});
