import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../../app/graphql/graphqlErrors';
import { formatAvailability, formatCount, formatDuration } from '../../charts/formatters';
import { FilterBar } from '../filters/components/FilterBar';
import { useFilters } from '../filters/hooks/useFilters';
import { incidentsHref, periodRange, toMetricsFilter } from '../filters/transforms/filterParams';
import { ServicesReliabilityQuery } from './graphql/ServicesReliabilityQuery';
import { BudgetBar } from './components/BudgetBar';
import { toServiceRows } from './transforms/toServiceRows';
import './services.css';

export function ServicesPage() {
  const { state, params, update } = useFilters();
  const [now] = useState(() => new Date());
  // Per-service numbers filter by period and team only; severity/cause/source would distort availability.
  const filter = useMemo(
    () => toMetricsFilter({ ...state, serviceIds: [], severities: [], causeIds: [], sourceIds: [] }, periodRange(state, now)),
    [state, now],
  );
  const [result, reexecute] = useQuery({ query: ServicesReliabilityQuery, variables: { filter } });
  const d = result.data;
  const rows = d ? toServiceRows(d.services, d.reliabilityMetrics.services, d.reliabilityMetrics.redundancyGaps, state.teamIds) : [];

  return (
    <div className="page">
      <div className="page-header">
        <h1>Services</h1>
        <p className="muted">
          Availability = 100 × (1 − service downtime / period length), overlapping incidents merged. Error budget used = downtime / ((1 −
          SLO/100) × period length). MTBF = (period − downtime) / incidents.
        </p>
      </div>
      <FilterBar
        state={{ ...state, serviceIds: [], severities: [], causeIds: [], sourceIds: [] }}
        onChange={update}
        showCause={false}
        showServiceAndSeverity={false}
        showSource={false}
      />
      {result.error ? (
        <div className="banner error" role="alert">
          Could not load services: {errorMessage(result.error)}{' '}
          <button type="button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Retry
          </button>
        </div>
      ) : !d ? (
        <div className="chart-state" role="status">
          Loading services…
        </div>
      ) : rows.length === 0 ? (
        <div className="chart-state">No services yet. An admin can add them in Settings.</div>
      ) : (
        <div className="table-scroll">
          <table className="data-table services-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">SLO</th>
                <th scope="col">Availability</th>
                <th scope="col">
                  <abbr title="Error budget used = service downtime / ((1 − SLO/100) × period length). The line marks the whole budget (the SLO); the bar runs to twice it.">
                    Error budget used
                  </abbr>
                </th>
                <th scope="col">Incidents</th>
                <th scope="col">Downtime</th>
                <th scope="col">MTBF</th>
                <th scope="col">Team</th>
                <th scope="col">Declared redundancy</th>
                <th scope="col">Gaps</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = incidentsHref(params, { serviceIds: [r.id], severities: [], causeIds: [], sourceIds: [] });
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={href} title={`Incidents of ${r.name}`}>
                        {r.name}
                      </Link>
                    </th>
                    <td className="nowrap">{formatAvailability(r.slo)}</td>
                    <td className={`nowrap ${r.withinSlo === false ? 'bad' : r.withinSlo ? 'good' : ''}`}>
                      {formatAvailability(r.availability)} {r.withinSlo === false && <span className="badge overdue">below SLO</span>}
                    </td>
                    <td>{r.errorBudgetUsed == null ? <span className="muted">—</span> : <BudgetBar used={r.errorBudgetUsed} />}</td>
                    <td className="num">
                      <Link to={href} aria-label={`${formatCount(r.incidentCount)} incidents of ${r.name}`}>
                        {formatCount(r.incidentCount)}
                      </Link>
                    </td>
                    <td className="nowrap">{formatDuration(r.downtimeMinutes)}</td>
                    <td className="nowrap">{formatDuration(r.mtbfMinutes)}</td>
                    <td>{r.team}</td>
                    <td className="small">{r.declared.join(', ') || <span className="muted">none declared</span>}</td>
                    <td className="small">
                      {r.gaps.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        r.gaps.map((g) => (
                          <span
                            key={g.mechanism}
                            className={`badge gap${g.covered ? '' : ' uncovered'}`}
                            title={g.covered ? 'an open action item covers it' : 'no open action item covers it'}
                          >
                            {g.mechanism} × {g.count}
                            {!g.covered && ' !'}
                          </span>
                        ))
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
