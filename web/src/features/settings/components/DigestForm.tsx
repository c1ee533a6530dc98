import { useId, type FormEvent } from 'react';
import { ChoiceSelect } from '../../../app/ui/ChoiceSelect';
import { FormField } from '../../../app/ui/FormField';
import type { DigestChannel, DigestSchedule, Severity } from '../../../gql/graphql';
import { MultiSelect, type MultiSelectGroup, type MultiSelectOption } from '../../filters/components/MultiSelect';
import { severityValues } from '../../filters/transforms/filterParams';
import { groupCauses } from '../../filters/transforms/groupCauses';
import {
  channelChoices,
  filterSummary,
  scheduleChoices,
  targetFields,
  type DigestFormValues,
  type FilterNames,
} from '../transforms/digests';

export interface DigestFormProps {
  values: DigestFormValues;
  /** Messages by form field (`_form` for the whole form). */
  errors: Record<string, string>;
  /** The names of teams, services, causes and sources the filter picks from. */
  known: FilterNames;
  busy?: boolean;
  onChange: (values: DigestFormValues) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

type ListKey = 'teamIds' | 'serviceIds' | 'severities' | 'rootCauseIds' | 'sourceIds';

/** A new digest: name, schedule, channel and its target, and which incidents it reports (the filter's dimensions). */
export function DigestForm({ values, errors, known, busy, onChange, onSubmit, onCancel }: DigestFormProps) {
  const id = useId();
  const set = <K extends keyof DigestFormValues>(key: K, value: DigestFormValues[K]) => onChange({ ...values, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const target = targetFields[values.channel];
  // As in the filter bar: the services of the picked teams, and any service picked already.
  const serviceOptions = known.services
    .filter((s) => {
      const team = s.team?.id;
      return !values.teamIds.length || !team || values.teamIds.includes(team) || values.serviceIds.includes(s.id);
    })
    .map((s) => ({ value: s.id, label: s.name }));
  const causeGroups: MultiSelectGroup[] = groupCauses(known.rootCauses).map((g) => ({
    label: g.category.name,
    options: [
      { value: g.category.id, label: `${g.category.name} (whole category)` },
      ...g.causes.map((c) => ({ value: c.id, label: c.name })),
    ],
  }));
  const lists: { key: ListKey; label: string; options: MultiSelectOption[] | MultiSelectGroup[] }[] = [
    { key: 'teamIds', label: 'Teams', options: known.teams.map((t) => ({ value: t.id, label: t.name })) },
    { key: 'serviceIds', label: 'Services', options: serviceOptions },
    { key: 'severities', label: 'Severities', options: severityValues.map((s) => ({ value: s, label: s })) },
    { key: 'rootCauseIds', label: 'Causes', options: causeGroups },
    ...(known.sources.length
      ? [{ key: 'sourceIds' as const, label: 'Sources', options: known.sources.map((s) => ({ value: s.id, label: s.name })) }]
      : []),
  ];
  const filterError = errors.filter ?? lists.map((l) => errors[l.key]).find(Boolean);
  return (
    <form className="digest-form" onSubmit={submit} noValidate aria-label="New digest">
      {errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      <fieldset disabled={busy}>
        <div className="form-grid digest-form-grid">
          <FormField label="Name" error={errors.name} hint="The email subject and the message title start with it.">
            <input type="text" value={values.name} maxLength={200} required onChange={(e) => set('name', e.target.value)} />
          </FormField>
          <FormField
            label="Schedule"
            error={errors.schedule}
            hint="Sent at 08:00 UTC on the first day of each period, covering the one before."
          >
            <ChoiceSelect value={values.schedule} choices={scheduleChoices} onChange={(v) => set('schedule', v as DigestSchedule)} />
          </FormField>
          <FormField label="Channel" error={errors.channel} hint="Email through this server’s SMTP server, or a Slack-compatible message.">
            <ChoiceSelect value={values.channel} choices={channelChoices} onChange={(v) => set('channel', v as DigestChannel)} />
          </FormField>
          <FormField label={target.label} error={errors.target} hint={target.hint} className="span-2">
            <input
              type="text"
              inputMode={target.inputMode}
              autoComplete="off"
              spellCheck={false}
              value={values.target}
              placeholder={target.placeholder}
              required
              onChange={(e) => set('target', e.target.value)}
            />
          </FormField>
        </div>
        <fieldset className={`digest-filter${filterError ? ' has-error' : ''}`} aria-describedby={`${id}-filter-summary`}>
          <legend>Incidents it reports</legend>
          <div className="digest-filter-pickers">
            {lists.map((l) => (
              <MultiSelect
                key={l.key}
                label={l.label}
                options={l.options}
                selected={values[l.key]}
                onChange={(next) => (l.key === 'severities' ? set('severities', next as Severity[]) : set(l.key, next))}
              />
            ))}
          </div>
          <p id={`${id}-filter-summary`} className="hint" aria-live="polite">
            {filterSummary(values, known)}. The period is the schedule’s.
          </p>
          {filterError && <span className="field-error">{filterError}</span>}
        </fieldset>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create digest'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
