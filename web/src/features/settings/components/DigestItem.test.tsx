import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { DigestDeliveryFieldsFragment, DigestFieldsFragment } from '../../../gql/graphql';
import type { FilterNames } from '../transforms/digests';
import { DigestItem } from './DigestItem';

const digest: DigestFieldsFragment = {
  id: '5',
  name: 'Payments weekly',
  schedule: 'WEEKLY',
  channel: 'WEBHOOK',
  target: 'https://hooks.example.com/services/T1/B2',
  filter: { teamIds: ['1'], serviceIds: null, severities: ['SEV1'], rootCauseIds: null, sourceIds: null, confirmedOnly: null },
  createdBy: { id: '1', name: 'Ada Admin' },
  createdAt: '2026-12-01T10:00:00.000Z',
  nextRunAt: '2026-12-14T08:00:00.000Z',
  lastDelivery: null,
};

const known: FilterNames = { teams: [{ id: '1', name: 'Payments' }], services: [], rootCauses: [], sources: [] };

const delivery = (patch: Partial<DigestDeliveryFieldsFragment>): DigestDeliveryFieldsFragment => ({
  id: '31',
  status: 'QUEUED',
  attempt: 0,
  error: null,
  trigger: 'MANUAL',
  periodFrom: '2026-11-30T00:00:00.000Z',
  periodTo: '2026-12-07T00:00:00.000Z',
  queuedAt: '2026-12-07T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...patch,
});

describe('DigestItem', () => {
  it('shows what it sends in words; Send now queues a delivery and polls until it FAILED, with the error', async () => {
    const polls = [
      delivery({ status: 'RETRYING', attempt: 1, error: 'The webhook answered HTTP 500', startedAt: '2026-12-07T10:00:01.000Z' }),
      delivery({ status: 'FAILED', attempt: 3, error: 'The webhook answered HTTP 500: down', finishedAt: '2026-12-07T10:00:04.000Z' }),
    ];
    const executeMutation = vi.fn(() =>
      fromValue({ operation: {} as never, data: { sendDigest: delivery({}) }, error: undefined, stale: false, hasNext: false }),
    );
    const query = vi.fn(() => ({
      toPromise: async () => ({ data: { digests: [{ ...digest, lastDelivery: polls.length > 1 ? polls.shift() : polls[0] }] } }),
    }));
    const onDeliveryFinished = vi.fn();
    render(
      <Provider value={{ executeMutation, query } as unknown as Client}>
        <DigestItem digest={digest} known={known} onDeliveryFinished={onDeliveryFinished} onDeleted={vi.fn()} />
      </Provider>,
    );
    expect(screen.getByText('Team Payments · SEV1')).toBeInTheDocument();
    expect(screen.getByText('Not sent yet.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByText('Queued')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
    expect(await screen.findByText('Retrying', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Failed', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('The webhook answered HTTP 500: down')).toBeInTheDocument();
    expect(screen.getByText(/attempt 3/)).toBeInTheDocument();
    expect(onDeliveryFinished).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledTimes(2); // polling stopped once it ended
    expect(screen.getByRole('button', { name: 'Send now' })).toBeEnabled();
  }, 15_000);

  it('stops asking after a minute when the delivery is still being retried, and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const executeMutation = vi.fn(() =>
        fromValue({ operation: {} as never, data: { sendDigest: delivery({}) }, error: undefined, stale: false, hasNext: false }),
      );
      const retrying = delivery({ status: 'RETRYING', attempt: 2, error: 'The webhook answered HTTP 503' });
      const query = vi.fn(() => ({ toPromise: async () => ({ data: { digests: [{ ...digest, lastDelivery: retrying }] } }) }));
      render(
        <Provider value={{ executeMutation, query } as unknown as Client}>
          <DigestItem digest={digest} known={known} onDeliveryFinished={vi.fn()} onDeleted={vi.fn()} />
        </Provider>,
      );
      await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Send now' }));
      await screen.findByRole('button', { name: 'Sending…' });
      for (let t = 0; t < 62_000; t += 1000) await vi.advanceTimersByTimeAsync(1000);
      expect(await screen.findByText(/^Still not sent after a minute/)).toBeInTheDocument();
      expect(screen.getByText('The webhook answered HTTP 503')).toBeInTheDocument();
      const calls = query.mock.calls.length;
      expect(calls).toBeGreaterThanOrEqual(29); // every 2 s for a minute
      expect(calls).toBeLessThanOrEqual(31);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(query).toHaveBeenCalledTimes(calls); // and then no more
      expect(screen.getByRole('button', { name: 'Send now' })).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('deletes only after the confirmation', async () => {
    const executeMutation = vi.fn(() =>
      fromValue({ operation: {} as never, data: { deleteDigest: true }, error: undefined, stale: false, hasNext: false }),
    );
    const onDeleted = vi.fn();
    render(
      <Provider value={{ executeMutation, query: vi.fn() } as unknown as Client}>
        <DigestItem digest={digest} known={known} onDeliveryFinished={vi.fn()} onDeleted={onDeleted} />
      </Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('group', { name: 'Delete Payments weekly' });
    expect(confirm).toHaveTextContent('its delivery history goes with it');
    expect(executeMutation).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Delete digest' }));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(onDeleted).toHaveBeenCalledWith('Payments weekly');
  });
});
