import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../app/auth/useSession';
import { errorMessage } from '../../app/graphql/graphqlErrors';
import { formatCount, formatShare } from '../../charts/formatters';
import type { ActionItemStatus } from '../../gql/graphql';
import { useFilterOptions } from '../filters/hooks/useFilterOptions';
import { ActionItemsQuery } from './graphql/ActionItemsQuery';
import { toOwnerSummary } from './transforms/toOwnerSummary';

const views = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'mine', label: 'Mine' },
  { value: 'all', label: 'All' },
] as const;
type View = (typeof views)[number]['value'];
const openStatuses: ActionItemStatus[] = ['OPEN', 'IN_PROGRESS'];

export function ActionItemsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const view = (views.find((v) => v.value === params.get('view'))?.value ?? 'open') as View;
  const team = params.get('team') ?? '';
  const { teams } = useFilterOptions();
  const [groupBy, setGroupBy] = useState<'owner' | 'team'>('owner');
  const [result, reexecute] = useQuery({
    query: ActionItemsQuery,
    variables: {
      statuses: view === 'all' ? null : openStatuses,
      overdueOnly: view === 'overdue' ? true : null,
      ownerId: view === 'mine' ? (session?.user.id ?? null) : null,
      teamIds: team ? [team] : null,
    },
  });
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );
  const items = result.data?.actionItems ?? [];
  const progress = result.data?.reliabilityMetrics.actionItems;
  const summary = toOwnerSummary(items, groupBy);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Action items</h1>
      </div>
      {progress && (
        <dl className="kpi-grid small-kpis">
          <div className="kpi-card">
            <dt>Opened</dt>
            <dd className="kpi-value">{formatCount(progress.opened)}</dd>
          </div>
          <div className="kpi-card">
            <dt>Done</dt>
            <dd className="kpi-value">{formatCount(progress.done)}</dd>
          </div>
          <div className="kpi-card">
            <dt>Overdue</dt>
            <dd className="kpi-value">{formatCount(progress.overdue)}</dd>
          </div>
          <div className="kpi-card" title="Median days from creation to done, over done items">
            <dt>Median days to done</dt>
            <dd className="kpi-value">{progress.medianDaysToDone == null ? '—' : progress.medianDaysToDone.toFixed(1)}</dd>
          </div>
          <div className="kpi-card" title="Share of incidents with action items whose items are all done">
            <dt>Incidents with all items done</dt>
            <dd className="kpi-value">{formatShare(progress.incidentsAllDoneShare)}</dd>
          </div>
        </dl>
      )}
      <div className="filter-bar">
        <div className="segmented" role="group" aria-label="Show">
          {views.map((v) => (
            <button
              key={v.value}
              type="button"
              aria-pressed={view === v.value}
              onClick={() => set('view', v.value === 'open' ? '' : v.value)}
            >
              {v.label}
            </button>
          ))}
        </div>
        <label>
          Team
          <select value={team} onChange={(e) => set('team', e.target.value)}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.error ? (
        <div className="banner error" role="alert">
          Could not load action items: {errorMessage(result.error)}{' '}
          <button type="button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Retry
          </button>
        </div>
      ) : !result.data ? (
        <div className="chart-state" role="status">
          Loading action items…
        </div>
      ) : (
        <div className="two-columns wide-left">
          <section className="card">
            <h2>
              {views.find((v) => v.value === view)?.label} items ({items.length})
            </h2>
            {items.length === 0 ? (
              <p className="muted">Nothing here.</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Incident</th>
                    <th scope="col">Team</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        {a.title} <span className="muted small">({a.type.toLowerCase()})</span>
                      </td>
                      <td>
                        <Link to={`/incidents/${a.incident.id}`} title={a.incident.title}>
                          {a.incident.key}
                        </Link>
                      </td>
                      <td>{a.incident.team.name}</td>
                      <td>
                        {a.owner ? (a.owner.name ?? a.owner.email ?? `User #${a.owner.id}`) : <span className="muted">unassigned</span>}
                      </td>
                      <td>
                        {a.dueDate ?? '—'} {a.overdue && <span className="badge overdue">overdue</span>}
                      </td>
                      <td>{a.status.toLowerCase().replace('_', ' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>Open items by {groupBy}</h2>
            <div className="segmented" role="group" aria-label="Group by">
              <button type="button" aria-pressed={groupBy === 'owner'} onClick={() => setGroupBy('owner')}>
                Owner
              </button>
              <button type="button" aria-pressed={groupBy === 'team'} onClick={() => setGroupBy('team')}>
                Team
              </button>
            </div>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{groupBy === 'owner' ? 'Owner' : 'Team'}</th>
                  <th scope="col">Open</th>
                  <th scope="col">Overdue</th>
                </tr>
              </thead>
              <tbody>
                {summary.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    <td>{r.open}</td>
                    <td className={r.overdue ? 'bad' : undefined}>{r.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  );
}
