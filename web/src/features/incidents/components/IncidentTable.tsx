import { Link } from 'react-router';
import { formatDuration } from '../../../charts/formatters';
import { SeverityBadge } from '../../../app/ui/SeverityBadge';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { IncidentListQuery, IncidentSort } from '../../../gql/graphql';
import type { DefinitionLookup } from '../../definitions/transforms/explainMetric';
import { toColumnDefinitions, toIncidentTimes } from '../transforms/toIncidentTimes';

type Row = IncidentListQuery['incidents']['edges'][number]['node'];

export interface IncidentTableProps {
  rows: Row[];
  sort: IncidentSort;
  onSort: (sort: IncidentSort) => void;
  /** The API's published metric definitions, for the column explanations. */
  definitions: DefinitionLookup;
}

function SortHeader({
  label,
  active,
  direction,
  onClick,
  title,
}: {
  label: string;
  active: boolean;
  direction: 'ascending' | 'descending';
  onClick: () => void;
  title?: string;
}) {
  return (
    <th scope="col" aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort-button" onClick={onClick} title={title}>
        {label}
        <span aria-hidden="true">{active ? (direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

function TagState({ row }: { row: Row }) {
  if (!row.primaryCause) return <span className="badge untagged">untagged</span>;
  return <span className={`badge tag-${row.primaryCause.state.toLowerCase()}`}>{row.primaryCause.state.toLowerCase()}</span>;
}

export function IncidentTable({ rows, sort, onSort, definitions }: IncidentTableProps) {
  const columnDefinitions = toColumnDefinitions(definitions);
  return (
    <div className="table-scroll">
      <table className="data-table incidents-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Title</th>
            <SortHeader label="Severity" active={sort === 'SEVERITY'} direction="descending" onClick={() => onSort('SEVERITY')} />
            <th scope="col">Services</th>
            <SortHeader
              label="Started"
              active={sort === 'STARTED_AT_DESC' || sort === 'STARTED_AT_ASC'}
              direction={sort === 'STARTED_AT_ASC' ? 'ascending' : 'descending'}
              onClick={() => onSort(sort === 'STARTED_AT_DESC' ? 'STARTED_AT_ASC' : 'STARTED_AT_DESC')}
            />
            <th scope="col">
              <abbr title={columnDefinitions.status}>Status</abbr>
            </th>
            <SortHeader
              label="Time to resolve"
              title={columnDefinitions.timeToResolve}
              active={sort === 'DURATION_DESC'}
              direction="descending"
              onClick={() => onSort('DURATION_DESC')}
            />
            <th scope="col">
              <abbr title={columnDefinitions.downtime}>Downtime</abbr>
            </th>
            <th scope="col">Primary cause</th>
            <th scope="col">Tag state</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const times = toIncidentTimes(r);
            return (
              <tr key={r.id}>
                <td>
                  <Link to={`/incidents/${r.id}`}>{r.key}</Link>
                </td>
                <td className="title-cell">
                  {r.title}
                  {r.kind === 'NEAR_MISS' && <span className="badge">near miss</span>}
                  {r.private && <span className="badge">private</span>}
                  {r.excludeFromMetrics && <span className="badge">excluded</span>}
                </td>
                <td>
                  <SeverityBadge severity={r.severity} />
                </td>
                <td>{r.services.map((s) => s.name).join(', ')}</td>
                <td>
                  <Timestamp value={r.startedAt} />
                </td>
                <td>
                  <span className={`badge status-${times.status}`}>{times.status}</span>
                </td>
                <td className="num">
                  {times.timeToResolveMinutes == null ? <span className="muted">—</span> : formatDuration(times.timeToResolveMinutes)}
                </td>
                <td className="num">
                  {times.downtimeMinutes == null ? <span className="muted">—</span> : formatDuration(times.downtimeMinutes)}
                </td>
                <td>{r.primaryCause?.cause.name ?? <span className="muted">—</span>}</td>
                <td>
                  <TagState row={r} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
