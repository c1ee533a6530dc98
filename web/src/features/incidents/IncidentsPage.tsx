import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { hasRole } from '../../app/auth/RequireRole';
import { useSession } from '../../app/auth/useSession';
import { formatCount, formatDuration } from '../../charts/formatters';
import type { IncidentKind, IncidentSort, IncidentStatus } from '../../gql/graphql';
import { useMetricDefinitions } from '../definitions/hooks/useMetricDefinitions';
import { FilterBar } from '../filters/components/FilterBar';
import { useFilters } from '../filters/hooks/useFilters';
import { ExportButton } from './components/ExportButton';
import { IncidentTable } from './components/IncidentTable';
import './incidents.css';
import { SearchBox } from './components/SearchBox';
import { pageSize, useIncidentList } from './hooks/useIncidentList';
import { parseListParams, ttrRangeLabel } from './transforms/toIncidentFilter';

export function IncidentsPage() {
  const session = useSession();
  const { state, params, update, setParam, setValues } = useFilters();
  const list = useMemo(() => parseListParams(params), [params]);
  const { filter, rows, totalCount, pageInfo, fetching, error, onRetry } = useIncidentList(state, list);
  const definitions = useMetricDefinitions();
  // Cursors of the pages before this one, so "Previous" can go back.
  const [history, setHistory] = useState<(string | null)[]>([]);

  const setListParam = useCallback(
    (key: string, value: string | null) => {
      setHistory([]);
      setValues({ after: null, [key]: value });
    },
    [setValues],
  );
  const onSearch = useCallback((q: string) => setListParam('q', q || null), [setListParam]);
  const pageIndex = history.length;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Incidents</h1>
        {hasRole(session?.user, 'RESPONDER') && (
          <Link className="button primary" to="/incidents/new">
            Record an incident
          </Link>
        )}
      </div>
      <FilterBar
        state={state}
        onChange={(patch) => {
          setHistory([]);
          update(patch);
        }}
      />
      {list.gaps.length > 0 && (
        <p className="banner" role="status">
          Showing only incidents with a redundancy gap (MISSING or FAILED) of the mechanism picked on the overview.{' '}
          <button type="button" className="link-button" onClick={() => setListParam('gap', null)}>
            Show all
          </button>
        </p>
      )}
      {list.detected.length > 0 && (
        <p className="banner" role="status">
          Showing only incidents detected by {list.detected.map((d) => d.toLowerCase().replace(/_/g, ' ')).join(', ')}.{' '}
          <button type="button" className="link-button" onClick={() => setListParam('detected', null)}>
            Show all
          </button>
        </p>
      )}
      {list.ttr && (
        <p className="banner" role="status">
          Showing only resolved incidents with a time to resolve of {ttrRangeLabel(list.ttr, formatDuration)}.{' '}
          <button type="button" className="link-button" onClick={() => setListParam('ttr', null)}>
            Show all
          </button>
        </p>
      )}
      {list.counted && (
        <p className="banner" role="status">
          Showing only incidents the metrics count (near misses and excluded incidents left out), as on the chart you came from.{' '}
          <button type="button" className="link-button" onClick={() => setListParam('counted', null)}>
            Include them
          </button>
        </p>
      )}
      <div className="filter-bar secondary">
        <SearchBox value={list.search} onSearch={onSearch} />
        <label>
          Status
          <select value={list.statuses[0] ?? ''} onChange={(e) => setListParam('status', (e.target.value as IncidentStatus) || null)}>
            <option value="">Any status</option>
            <option value="ONGOING">Ongoing</option>
            <option value="MITIGATED">Mitigated</option>
            <option value="RESOLVED">Resolved</option>
          </select>
        </label>
        <label>
          Kind
          <select value={list.kinds[0] ?? ''} onChange={(e) => setListParam('kind', (e.target.value as IncidentKind) || null)}>
            <option value="">Incidents and near misses</option>
            <option value="INCIDENT">Incidents only</option>
            <option value="NEAR_MISS">Near misses only</option>
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {totalCount != null && `${formatCount(totalCount)} incident${totalCount === 1 ? '' : 's'}`}
        </span>
        <ExportButton filter={filter} />
      </div>
      {error ? (
        <div className="banner error" role="alert">
          Could not load incidents: {error}{' '}
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : fetching && rows.length === 0 ? (
        <div className="chart-state" role="status">
          Loading incidents…
        </div>
      ) : rows.length === 0 ? (
        <div className="chart-state">No incidents match these filters.</div>
      ) : (
        <IncidentTable
          rows={rows}
          sort={list.sort}
          onSort={(s: IncidentSort) => setListParam('sort', s === 'STARTED_AT_DESC' ? null : s)}
          definitions={definitions}
        />
      )}
      <nav className="pagination" aria-label="Pagination">
        <button
          type="button"
          disabled={pageIndex === 0 && !list.after}
          onClick={() => {
            const prev = history.slice(0, -1);
            setParam('after', history[history.length - 1] ?? null);
            setHistory(prev);
          }}
        >
          ← Previous
        </button>
        <span>
          Page {pageIndex + 1}
          {totalCount != null && ` of ${Math.max(1, Math.ceil(totalCount / pageSize))}`}
        </span>
        <button
          type="button"
          disabled={!pageInfo?.hasNextPage}
          onClick={() => {
            setHistory([...history, list.after]);
            setParam('after', pageInfo?.endCursor ?? null);
          }}
        >
          Next →
        </button>
      </nav>
    </div>
  );
}
