import { render, screen } from '@testing-library/react';
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

/** A client answering the filter-option queries; `sources` only if asked (admins). */
function client() {
  const executeQuery = vi.fn(({ query }: { query: { definitions: { name?: { value: string } }[] } }) => {
    const name = query.definitions[0]?.name?.value;
    const data =
      name === 'SourceOptions'
        ? {
            sources: [
              { id: '4', name: 'PagerDuty prod', kind: 'PAGERDUTY' },
              { id: '5', name: 'Status page', kind: 'STATUSPAGE' },
            ],
          }
        : { teams: [], services: [], rootCauses: [] };
    return fromValue({ operation: {} as never, data, stale: false, hasNext: false });
  });
  return { executeQuery, names: () => executeQuery.mock.calls.map((c) => c[0].query.definitions[0]?.name?.value) } as const;
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
  it('lets an admin pick a source', async () => {
    session = as('ADMIN');
    const { onChange } = renderBar(parseFilterParams(new URLSearchParams('')));
    const select = await screen.findByRole('combobox', { name: /^Source/ });
    await userEvent.selectOptions(select, 'Status page');
    expect(onChange).toHaveBeenCalledWith({ sourceIds: ['5'] });
  });

  it('does not ask for sources for others, but says when a shared link filters by one and offers all sources', async () => {
    session = as('RESPONDER');
    const { names, onChange } = renderBar(parseFilterParams(new URLSearchParams('source=4')));
    expect(screen.queryByRole('combobox', { name: /^Source/ })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Only incidents from one source');
    await userEvent.click(screen.getByRole('button', { name: 'All sources' }));
    expect(onChange).toHaveBeenCalledWith({ sourceIds: [] });
    expect(names()).not.toContain('SourceOptions');
  });
});
