import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { SourceFieldsFragment, SyncRunFieldsFragment } from '../../../gql/graphql';
import { testSourceKinds } from '../testing/sourceKinds';
import { SourceItem } from './SourceItem';

const source: SourceFieldsFragment = {
  id: '3',
  kind: 'PAGERDUTY',
  name: 'PagerDuty prod',
  baseUrl: 'https://api.pagerduty.com',
  hasToken: true,
  hasWebhookSecret: false,
  team: { id: 't1', name: 'Payments' },
  enabled: true,
  syncEveryMinutes: 60,
  since: '2025-12-07T00:00:00.000Z',
  severityMap: [],
  defaultSeverity: 'SEV3',
  createMissing: true,
  private: false,
  timestampNames: null,
  webhookUrl: 'https://hindsight.example.com/api/sources/3/webhook',
  version: 1,
  lastRun: null,
};

const run = (patch: Partial<SyncRunFieldsFragment>): SyncRunFieldsFragment => ({
  id: '41',
  status: 'QUEUED',
  trigger: 'MANUAL',
  queuedAt: '2026-12-07T02:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  errorCount: 0,
  errors: [],
  ...patch,
});

describe('SourceItem', () => {
  it('Sync now starts a run and follows it until it is done', async () => {
    const polls = [
      run({ status: 'RUNNING', fetched: 100, created: 100, startedAt: '2026-12-07T02:00:01.000Z' }),
      run({ status: 'SUCCEEDED', fetched: 240, created: 238, unchanged: 2, finishedAt: '2026-12-07T02:00:03.000Z' }),
    ];
    const executeMutation = vi.fn(() =>
      fromValue({ operation: {} as never, data: { syncSource: run({}) }, error: undefined, stale: false, hasNext: false }),
    );
    const query = vi.fn(() => ({ toPromise: async () => ({ data: { syncRun: polls.length > 1 ? polls.shift() : polls[0] } }) }));
    const onRunFinished = vi.fn();
    render(
      <Provider value={{ executeMutation, query } as unknown as Client}>
        <SourceItem source={source} teams={[{ id: 't1', name: 'Payments' }]} kinds={testSourceKinds} onRunFinished={onRunFinished} />
      </Provider>,
    );
    expect(screen.getByText('Never synced.')).toBeInTheDocument();
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('https://hindsight.example.com/api/sources/3/webhook');

    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Queued — waiting for a worker…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
    expect(await screen.findByText(/^Running — 100 fetched · 100 created/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(
      await screen.findByText('Done — 240 fetched · 238 created · 0 updated · 2 unchanged · 0 skipped · 0 errors', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(onRunFinished).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledTimes(2); // polling stopped once the run was done
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });

  it('explains that deleting keeps the incidents', async () => {
    const client = { executeMutation: vi.fn(), query: vi.fn() } as unknown as Client;
    render(
      <Provider value={client}>
        <SourceItem source={{ ...source, enabled: false }} teams={[]} kinds={testSourceKinds} onRunFinished={() => {}} />
      </Provider>,
    );
    expect(screen.getByText('paused')).toBeInTheDocument();
    expect(screen.getByText(/paused: no scheduled syncs \(every 60 min when resumed\), pushes refused/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('group', { name: 'Delete PagerDuty prod' })).toHaveTextContent('The incidents it brought in are kept');
  });
});
