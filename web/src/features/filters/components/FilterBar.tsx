import { useId } from 'react';
import { useFilterOptions } from '../hooks/useFilterOptions';
import { useSourceOptions } from '../hooks/useSourceOptions';
import { periodOptions, severityValues, type FilterState, type PeriodKey } from '../transforms/filterParams';
import { groupCauses } from '../transforms/groupCauses';

export interface FilterBarProps {
  state: FilterState;
  onChange: (patch: Partial<FilterState>) => void;
  showCause?: boolean;
  /** Per-service pages filter by period and team only. */
  showServiceAndSeverity?: boolean;
  /** Filter by the source incidents were synced from (the services page leaves it out). */
  showSource?: boolean;
}

export function FilterBar({ state, onChange, showCause = true, showServiceAndSeverity = true, showSource = true }: FilterBarProps) {
  const id = useId();
  const { teams, services, rootCauses } = useFilterOptions();
  const { sources } = useSourceOptions();
  const knownSource = state.sourceIds.length <= 1 && state.sourceIds.every((s) => sources.some((x) => x.id === s));
  const groups = groupCauses(rootCauses);
  const visibleServices = state.teamIds.length ? services.filter((s) => state.teamIds.includes(s.team.id)) : services;
  const active =
    state.teamIds.length + state.serviceIds.length + state.severities.length + state.causeIds.length + state.sourceIds.length > 0 ||
    state.period !== '90d';
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-period`}>
        Period
        <select id={`${id}-period`} value={state.period} onChange={(e) => onChange({ period: e.target.value as PeriodKey })}>
          {periodOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {state.period === 'custom' && (
        <>
          <label htmlFor={`${id}-from`}>
            From
            <input
              id={`${id}-from`}
              type="date"
              value={state.from ?? ''}
              onChange={(e) => onChange({ from: e.target.value || undefined })}
            />
          </label>
          <label htmlFor={`${id}-to`}>
            To (incl.)
            <input id={`${id}-to`} type="date" value={state.to ?? ''} onChange={(e) => onChange({ to: e.target.value || undefined })} />
          </label>
        </>
      )}
      <label htmlFor={`${id}-team`}>
        Team
        <select
          id={`${id}-team`}
          value={state.teamIds[0] ?? ''}
          onChange={(e) => onChange({ teamIds: e.target.value ? [e.target.value] : [], serviceIds: [] })}
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {showServiceAndSeverity && (
        <>
          <label htmlFor={`${id}-service`}>
            Service
            <select
              id={`${id}-service`}
              value={state.serviceIds[0] ?? ''}
              onChange={(e) => onChange({ serviceIds: e.target.value ? [e.target.value] : [] })}
            >
              <option value="">All services</option>
              {visibleServices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="severity-filter">
            <legend>Severity</legend>
            {severityValues.map((s) => (
              <label key={s} className="checkbox">
                <input
                  type="checkbox"
                  checked={state.severities.includes(s)}
                  onChange={(e) =>
                    onChange({ severities: e.target.checked ? [...state.severities, s] : state.severities.filter((x) => x !== s) })
                  }
                />
                {s}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {showCause && (
        <label htmlFor={`${id}-cause`}>
          Cause
          <select
            id={`${id}-cause`}
            value={state.causeIds[0] ?? ''}
            onChange={(e) => onChange({ causeIds: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">All causes</option>
            {groups.map((g) => (
              <optgroup key={g.category.id} label={g.category.name}>
                <option value={g.category.id}>{g.category.name} (whole category)</option>
                {g.causes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      {showSource && sources.length > 0 && knownSource && (
        <label htmlFor={`${id}-source`}>
          Source
          <select
            id={`${id}-source`}
            value={state.sourceIds[0] ?? ''}
            onChange={(e) => onChange({ sourceIds: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {showSource && state.sourceIds.length > 0 && !(sources.length > 0 && knownSource) && (
        // Someone shared a link filtered by source; only admins can list sources by name, so say it and offer the way out.
        <span className="filter-chip" role="status">
          Only incidents from {state.sourceIds.length === 1 ? 'one source' : `${state.sourceIds.length} sources`}{' '}
          <button type="button" className="link-button" onClick={() => onChange({ sourceIds: [] })}>
            All sources
          </button>
        </span>
      )}
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange({
              period: '90d',
              teamIds: [],
              serviceIds: [],
              severities: [],
              causeIds: [],
              sourceIds: [],
              from: undefined,
              to: undefined,
            })
          }
        >
          Reset filters
        </button>
      )}
    </form>
  );
}
