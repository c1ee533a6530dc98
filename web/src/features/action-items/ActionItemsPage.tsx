import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../app/auth/useSession';
import { errorMessage } from '../../app/graphql/graphqlErrors';
import { Timestamp } from '../../app/ui/Timestamp';
import { formatCount, formatShare } from '../../charts/formatters';
import { useFilterOptions } from '../filters/hooks/useFilterOptions';
import { ActionItemsQuery } from './graphql/ActionItemsQuery';
import { actionItemViews, inView, pageOf, toActionItemCounts, type ActionItemView } from './transforms/toActionItemCounts';
import { toOwnerSummary } from './transforms/toOwnerSummary';
import './action-items.css';

const pageSize = 25;
/** The API lists at most this many items. */
const listLimit = 500;

export function ActionItemsPage() {
  const session = useSession();
  const userId = session?.user.id ?? null;
  const [params, setParams] = useSearchParams();
  const view: ActionItemView = actionItemViews.find((v) => v.value === params.get('view'))?.value ?? 'open';
  const team = params.get('team') ?? '';
  const pageParam = Number(params.get('page') ?? '1') - 1;
  const { teams } = useFilterOptions();
  const [groupBy, setGroupBy] = useState<'owner' | 'team'>('owner');
  const [result, reexecute] = useQuery({ query: ActionItemsQuery, variables: { teamIds: team ? [team] : null } });
  const set = (patch: Record<string, string>) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [key, value] of Object.entries(patch)) {
          if (value) n.set(key, value);
          else n.delete(key);
        }
        return n;
      },
      { replace: true },
    );
  const items = useMemo(() => result.data?.actionItems ?? [], [result.data]);
  const counts = useMemo(() => toActionItemCounts(items), [items]);
  const shown = useMemo(() => items.filter((a) => inView(a, view, userId)), [items, view, userId]);
  const page = pageOf(shown, pageParam, pageSize);
  const summary = toOwnerSummary(items, groupBy);
  const stats = result.data?.reliabilityMetrics.actionItems;
  const viewLabel = actionItemViews.find((v) => v.value === view)?.label ?? '';

  return (
    <div className="page action-items-page">
      <div className="page-header">
        <h1>Action items</h1>
      </div>
      {result.data && (
        <>
          <dl className="kpi-grid small-kpis">
            <div className="kpi-card">
              <dt>All items</dt>
              <dd className="kpi-value">{formatCount(counts.total)}</dd>
            </div>
            <div className="kpi-card">
              <dt>Open</dt>
              <dd className="kpi-value">{formatCount(counts.open)}</dd>
            </div>
            <div className="kpi-card" title="Open items (OPEN or IN_PROGRESS) whose due date is before today (UTC)">
              <dt>of which overdue</dt>
              <dd className={counts.overdue ? 'kpi-value bad' : 'kpi-value'}>{formatCount(counts.overdue)}</dd>
            </div>
            <div className="kpi-card">
              <dt>Done</dt>
              <dd className="kpi-value">{formatCount(counts.done)}</dd>
            </div>
            <div className="kpi-card">
              <dt>Won’t do</dt>
              <dd className="kpi-value">{formatCount(counts.wontDo)}</dd>
            </div>
            <div className="kpi-card" title="Median days from creation to done, over done items (metrics: excluded incidents left out)">
              <dt>Median days to done</dt>
              <dd className="kpi-value">{stats?.medianDaysToDone == null ? '—' : stats.medianDaysToDone.toFixed(1)}</dd>
            </div>
            <div
              className="kpi-card"
              title="Share of incidents with action items whose items are all done (won’t-do items ignored; metrics: excluded incidents left out)"
            >
              <dt>Incidents with all items done</dt>
              <dd className="kpi-value">{formatShare(stats?.incidentsAllDoneShare)}</dd>
            </div>
          </dl>
          <p className="muted small counts-sum">
            {formatCount(counts.open)} open + {formatCount(counts.done)} done + {formatCount(counts.wontDo)} won’t do ={' '}
            {formatCount(counts.total)} items{team ? ' of this team’s incidents' : ''}.
            {counts.excluded.total > 0 &&
              ` ${formatCount(counts.excluded.total)} of them (${formatCount(counts.excluded.overdue)} overdue) belong to incidents excluded from metrics (game days, tests), which the overview and the report leave out.`}
            {items.length >= listLimit && ` The API lists at most ${formatCount(listLimit)} items (overdue first); counts cover those.`}
          </p>
        </>
      )}
      <div className="filter-bar">
        <div className="segmented" role="group" aria-label="Show">
          {actionItemViews.map((v) => (
            <button
              key={v.value}
              type="button"
              aria-pressed={view === v.value}
              onClick={() => set({ view: v.value === 'open' ? '' : v.value, page: '' })}
            >
              {v.label}
              {result.data && <span className="view-count"> {formatCount(items.filter((a) => inView(a, v.value, userId)).length)}</span>}
            </button>
          ))}
        </div>
        <label>
          Team
          <select value={team} onChange={(e) => set({ team: e.target.value, page: '' })}>
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
              {viewLabel} items ({formatCount(shown.length)})
            </h2>
            {shown.length === 0 ? (
              <p className="muted">Nothing here.</p>
            ) : (
              <>
                <div className="table-scroll">
                  <table className="data-table items-table">
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
                      {page.rows.map((a) => (
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
                          <td className="nowrap">
                            <Timestamp value={a.dueDate} /> {a.overdue && <span className="badge overdue">overdue</span>}
                          </td>
                          <td className="nowrap">
                            <span className={`badge item-${a.status.toLowerCase()}`}>
                              {a.status === 'WONT_DO' ? 'won’t do' : a.status.toLowerCase().replace('_', ' ')}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {page.pageCount > 1 && (
                  <nav className="pagination" aria-label="Pagination">
                    <button
                      type="button"
                      disabled={page.index === 0}
                      onClick={() => set({ page: page.index === 1 ? '' : String(page.index) })}
                    >
                      ← Previous
                    </button>
                    <span>
                      Page {page.index + 1} of {page.pageCount}
                    </span>
                    <button type="button" disabled={page.index >= page.pageCount - 1} onClick={() => set({ page: String(page.index + 2) })}>
                      Next →
                    </button>
                  </nav>
                )}
              </>
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
            <div className="table-scroll">
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
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td>{formatCount(counts.open)}</td>
                    <td>{formatCount(counts.overdue)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
