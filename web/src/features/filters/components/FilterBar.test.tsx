import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { Session } from '../../../app/auth/sessionStore';
import { parseFilterParams, type FilterState } from '../transforms/filterParams';
import { FilterBar } from './FilterBar';

let session: Session | null = null;
vi.mock('../../../app/auth/useSession', () => ({ useSession: () => session }));

const as = (role: Session['user']['role']): Session => ({
  token: 't',
  expiresAt: '2100-01-01T00:00:00Z',
  user: { id: 'u1', email: 'u@example.com', role, teams: [] },
});

const sources = [
  { id: '4', name: 'PagerDuty prod', kind: 'PAGERDUTY' },
  { id: '5', name: 'Status page', kind: 'STATUSPAGE' },
];

type Asked = { query: { definitions: { name?: { value: string } }[] }; variables?: { withSources?: boolean } };

/** A client answering the filter-options query; `sources` only when asked for (`withSources`, admins). */
function client() {
  const executeQuery = vi.fn(({ variables }: Asked) => {
    const data = {
      teams: [
        { id: '1', name: 'Payments' },
        { id: '2', name: 'Search' },
        { id: '3', name: 'Identity' },
      ],
      services: [
        { id: '11', name: 'checkout', team: { id: '1' } },
        { id: '21', name: 'search-api', team: { id: '2' } },
        { id: '31', name: 'login', team: { id: '3' } },
      ],
      rootCauses: [
        { id: '100', name: 'Change', retired: false, parent: null },
        { id: '101', name: 'Bad deploy', retired: false, parent: { id: '100', name: 'Change' } },
        { id: '200', name: 'Capacity', retired: false, parent: null },
        { id: '201', name: 'Disk full', retired: false, parent: { id: '200', name: 'Capacity' } },
        { id: '202', name: 'Old cause', retired: true, parent: { id: '200', name: 'Capacity' } },
      ],
      ...(variables?.withSources ? { sources } : {}),
    };
    return fromValue({ operation: {} as never, data, stale: false, hasNext: false });
  });
  /** Each request as "name withSources". */
  const asked = () => executeQuery.mock.calls.map(([a]) => `${a.query.definitions[0]?.name?.value} ${a.variables?.withSources}`);
  return { executeQuery, asked } as const;
}

function renderBar(state: FilterState, onChange = vi.fn()) {
  const c = client();
  render(
    <Provider value={{ executeQuery: c.executeQuery } as unknown as Client}>
      <FilterBar state={state} onChange={onChange} />
    </Provider>,
  );
  return { ...c, onChange };
}

describe('FilterBar source filter', () => {
  it('lets an admin pick several sources', async () => {
    session = as('ADMIN');
    const { onChange, asked } = renderBar(parseFilterParams(new URLSearchParams('source=4')));
    await userEvent.click(await screen.findByRole('button', { name: 'Sources (1)' }));
    expect(asked()).toEqual(['FilterOptions true']); // one request, sources included
    await userEvent.click(screen.getByRole('checkbox', { name: 'Status page' }));
    expect(onChange).toHaveBeenCalledWith({ sourceIds: ['4', '5'] });
  });

  it('does not ask for sources for others, but says when a shared link filters by one and offers all sources', async () => {
    session = as('RESPONDER');
    const { asked, onChange } = renderBar(parseFilterParams(new URLSearchParams('source=4')));
    expect(screen.queryByRole('button', { name: /^Sources/ })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Only incidents from one source');
    await userEvent.click(screen.getByRole('button', { name: 'All sources' }));
    expect(onChange).toHaveBeenCalledWith({ sourceIds: [] });
    expect(asked()).toEqual(['FilterOptions false']);
  });
});

describe('FilterBar lists', () => {
  beforeEach(() => {
    session = as('VIEWER');
  });

  it('adds a second team to the first, keeping only services of the picked teams', async () => {
    const { onChange } = renderBar(parseFilterParams(new URLSearchParams('team=1,3&service=11,31')));
    await userEvent.click(await screen.findByRole('button', { name: 'Teams (2)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Search' }));
    expect(onChange).toHaveBeenLastCalledWith({ teamIds: ['1', '3', '2'], serviceIds: ['11', '31'] });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Identity' }));
    expect(onChange).toHaveBeenLastCalledWith({ teamIds: ['1', '2'], serviceIds: ['11'] });
  });

  it('offers the services of the picked teams only', async () => {
    renderBar(parseFilterParams(new URLSearchParams('team=1,2')));
    await userEvent.click(await screen.findByRole('button', { name: 'Services' }));
    expect(screen.getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(['checkout', 'search-api']);
  });

  it('offers the causes by category, a category as a whole first, retired ones left out', async () => {
    const { onChange } = renderBar(parseFilterParams(new URLSearchParams('')));
    await userEvent.click(await screen.findByRole('button', { name: 'Causes' }));
    const capacity = screen.getByRole('group', { name: 'Capacity' });
    expect(
      within(capacity)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')!.textContent),
    ).toEqual(['Capacity (whole category)', 'Disk full']);
    await userEvent.click(within(capacity).getByRole('checkbox', { name: 'Capacity (whole category)' }));
    expect(onChange).toHaveBeenLastCalledWith({ causeIds: ['200'] });
  });

  it('shows each picked value as a chip that removes it', async () => {
    const { onChange } = renderBar(parseFilterParams(new URLSearchParams('team=1,2&severity=SEV1,SEV2&cause=101')));
    const chips = screen.getByRole('list', { name: 'Selected filters' });
    await within(chips).findByRole('button', { name: 'Remove team Payments' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Remove team Payments', 'Remove team Search', 'Remove severity SEV1', 'Remove severity SEV2', 'Remove cause Bad deploy']);
    await userEvent.click(within(chips).getByRole('button', { name: 'Remove severity SEV1' }));
    expect(onChange).toHaveBeenLastCalledWith({ severities: ['SEV2'] });
    expect(within(chips).getByRole('button', { name: 'Remove severity SEV2' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Severities (2)' })).toBeInTheDocument();
  });
});
