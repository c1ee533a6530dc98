import { useId } from 'react';
import type { Severity } from '../../../gql/graphql';
import { useFilterOptions } from '../hooks/useFilterOptions';
import { periodOptions, severityValues, type FilterState, type PeriodKey } from '../transforms/filterParams';
import { groupCauses } from '../transforms/groupCauses';
import { MultiSelect, type MultiSelectOption } from './MultiSelect';

type ListKey = 'teamIds' | 'serviceIds' | 'severities' | 'causeIds' | 'sourceIds';
interface Chip {
  key: ListKey;
  noun: string;
  value: string;
  label: string;
}

/** One chip per picked value of the filters on show, named as in its list (an id not (yet) known shows as itself). */
function selectionChips(
  state: FilterState,
  lists: Record<ListKey, { noun: string; options: MultiSelectOption[]; shown: boolean }>,
): Chip[] {
  return (Object.keys(lists) as ListKey[]).flatMap((key) => {
    const { noun, options, shown } = lists[key];
    if (!shown) return [];
    return (state[key] as string[]).map((value) => ({
      key,
      noun,
      value,
      label: options.find((o) => o.value === value)?.label ?? value,
    }));
  });
}

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
  const { teams, services, rootCauses, sources } = useFilterOptions();
  const knownSource = state.sourceIds.every((s) => sources.some((x) => x.id === s));
  const teamOptions = teams.map((t) => ({ value: t.id, label: t.name }));
  // Services of the picked teams, and any service picked already (a shared link may pick one of another team).
  const serviceOptions = services
    .filter((s) => !state.teamIds.length || state.teamIds.includes(s.team.id) || state.serviceIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const severityOptions = severityValues.map((s) => ({ value: s, label: s }));
  const causeGroups = groupCauses(rootCauses).map((g) => ({
    label: g.category.name,
    options: [
      { value: g.category.id, label: `${g.category.name} (whole category)` },
      ...g.causes.map((c) => ({ value: c.id, label: c.name })),
    ],
  }));
  const sourceOptions = sources.map((s) => ({ value: s.id, label: s.name }));
  const chips = selectionChips(state, {
    teamIds: { noun: 'team', options: teamOptions, shown: true },
    serviceIds: { noun: 'service', options: services.map((s) => ({ value: s.id, label: s.name })), shown: showServiceAndSeverity },
    severities: { noun: 'severity', options: severityOptions, shown: showServiceAndSeverity },
    causeIds: { noun: 'cause', options: causeGroups.flatMap((g) => g.options), shown: showCause },
    sourceIds: { noun: 'source', options: sourceOptions, shown: showSource && sources.length > 0 && knownSource },
  });
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
      <MultiSelect
        label="Teams"
        options={teamOptions}
        selected={state.teamIds}
        onChange={(teamIds) =>
          // Services of teams no longer picked go too; with no team picked every service may stay.
          onChange({
            teamIds,
            serviceIds: teamIds.length
              ? state.serviceIds.filter((sid) => {
                  const service = services.find((s) => s.id === sid);
                  return !service || teamIds.includes(service.team.id);
                })
              : state.serviceIds,
          })
        }
      />
      {showServiceAndSeverity && (
        <>
          <MultiSelect
            label="Services"
            options={serviceOptions}
            selected={state.serviceIds}
            onChange={(serviceIds) => onChange({ serviceIds })}
          />
          <MultiSelect
            label="Severities"
            options={severityOptions}
            selected={state.severities}
            onChange={(severities) => onChange({ severities: severities as Severity[] })}
          />
        </>
      )}
      {showCause && (
        <MultiSelect label="Causes" options={causeGroups} selected={state.causeIds} onChange={(causeIds) => onChange({ causeIds })} />
      )}
      {showSource && sources.length > 0 && knownSource && (
        <MultiSelect label="Sources" options={sourceOptions} selected={state.sourceIds} onChange={(sourceIds) => onChange({ sourceIds })} />
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
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label="Selected filters">
          {chips.map((c) => (
            <li key={`${c.key}-${c.value}`}>
              <button
                type="button"
                aria-label={`Remove ${c.noun} ${c.label}`}
                onClick={(e) => {
                  // The chip goes away: keep the keyboard user in the list, on the next chip (or the one before).
                  const li = e.currentTarget.closest('li');
                  const next = (li?.nextElementSibling ?? li?.previousElementSibling)?.querySelector('button');
                  next?.focus();
                  onChange({ [c.key]: (state[c.key] as string[]).filter((v) => v !== c.value) });
                }}
              >
                <span className="muted">{c.noun}:</span> {c.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
