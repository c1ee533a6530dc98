import type { FormEvent } from 'react';
import { formatUtc } from '../../../charts/formatters';
import { FormField } from '../../../app/ui/FormField';
import { OverriddenMarker } from './OverriddenMarker';
import type { DetectionSource, IncidentKind, PostmortemState, Severity } from '../../../gql/graphql';
import {
  detectionSourceLabels,
  fromLocalInput,
  kindLabels,
  phaseFields,
  phaseLabels,
  postmortemStateLabels,
  type IncidentFormValues,
} from '../transforms/incidentForm';

export interface IncidentDetailsFormProps {
  values: IncidentFormValues;
  errors: Record<string, string>;
  services: readonly { id: string; name: string; team: { id: string } }[];
  teams: readonly { id: string; name: string }[];
  readOnly?: boolean;
  saving?: boolean;
  dirty?: boolean;
  submitLabel: string;
  onChange: (values: IncidentFormValues) => void;
  onSubmit: (values: IncidentFormValues) => void;
  onCancel?: () => void;
  /** Fields edited here that its source also provides: form field → the source's name for it (resetIncidentField). */
  overridden?: Partial<Record<keyof IncidentFormValues, string>>;
  /** The source's value of each overridden field, as text. */
  sourceValues?: Partial<Record<keyof IncidentFormValues, string>>;
  onResetField?: (sourceField: string) => void;
  resetting?: boolean;
}

const severities: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const detectionSources = Object.entries(detectionSourceLabels).map(([value, label]) => ({ value: value as DetectionSource, label }));
const postmortemStates = Object.entries(postmortemStateLabels).map(([value, label]) => ({ value: value as PostmortemState, label }));

export function IncidentDetailsForm({
  values,
  errors,
  services,
  teams,
  readOnly,
  saving,
  dirty = true,
  submitLabel,
  onChange,
  onSubmit,
  onCancel,
  overridden = {},
  sourceValues = {},
  onResetField,
  resetting,
}: IncidentDetailsFormProps) {
  const set = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) => onChange({ ...values, [key]: value });
  const marker = (field: keyof IncidentFormValues, label: string) => {
    const sourceField = overridden[field];
    if (!sourceField) return undefined;
    return (
      <OverriddenMarker
        label={label}
        sourceValue={sourceValues[field]}
        onReset={onResetField && !readOnly ? () => onResetField(sourceField) : undefined}
        disabled={resetting || saving || (onCancel && dirty)}
        disabledReason="Save or discard your changes first."
      />
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };
  return (
    <form className="incident-form" onSubmit={submit} noValidate>
      {errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      <fieldset disabled={readOnly || saving}>
        <legend>Details</legend>
        <div className="form-grid">
          <FormField label="Title" error={errors.title} className="span-2" aside={marker('title', 'Title')}>
            <input type="text" value={values.title} onChange={(e) => set('title', e.target.value)} required />
          </FormField>
          <FormField label="Severity" error={errors.severity} aside={marker('severity', 'Severity')}>
            <select value={values.severity} onChange={(e) => set('severity', e.target.value as Severity)}>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Kind" error={errors.kind}>
            <select value={values.kind} onChange={(e) => set('kind', e.target.value as IncidentKind)}>
              {Object.entries(kindLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Summary" error={errors.summary} className="span-4">
            <textarea rows={3} value={values.summary} onChange={(e) => set('summary', e.target.value)} />
          </FormField>
          <FormField label="Owning team" error={errors.teamId}>
            <select value={values.teamId} onChange={(e) => set('teamId', e.target.value)}>
              <option value="">Choose a team…</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Detected by" error={errors.detectionSource} aside={marker('detectionSource', 'Detected by')}>
            <select value={values.detectionSource} onChange={(e) => set('detectionSource', e.target.value as DetectionSource | '')}>
              <option value="">Not recorded</option>
              {detectionSources.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Post-mortem" error={errors.postmortemState}>
            <select value={values.postmortemState} onChange={(e) => set('postmortemState', e.target.value as PostmortemState)}>
              {postmortemStates.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Regions" hint="Comma-separated, e.g. eu-west-1, us-east-1" error={errors.regions}>
            <input type="text" value={values.regions} onChange={(e) => set('regions', e.target.value)} />
          </FormField>
          <FormField label="Customer impact" error={errors.customerImpact} className="span-3">
            <input type="text" value={values.customerImpact} onChange={(e) => set('customerImpact', e.target.value)} />
          </FormField>
          <FormField label="Affected users (%)" error={errors.affectedUsersPercent}>
            <input
              type="number"
              min={0}
              max={100}
              step="any"
              value={values.affectedUsersPercent}
              onChange={(e) => set('affectedUsersPercent', e.target.value)}
            />
          </FormField>
        </div>
        <fieldset
          className={`service-picker${errors.serviceIds ? ' has-error' : ''}`}
          aria-describedby={errors.serviceIds ? 'service-error' : undefined}
        >
          <legend>Affected services</legend>
          {marker('serviceIds', 'Affected services')}
          <div className="checkbox-grid">
            {services.map((s) => (
              <label key={s.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={values.serviceIds.includes(s.id)}
                  onChange={(e) =>
                    set('serviceIds', e.target.checked ? [...values.serviceIds, s.id] : values.serviceIds.filter((x) => x !== s.id))
                  }
                />
                {s.name}
              </label>
            ))}
          </div>
          {errors.serviceIds && (
            <span id="service-error" className="field-error">
              {errors.serviceIds}
            </span>
          )}
        </fieldset>
        <div className="form-grid">
          <label className="checkbox">
            <input type="checkbox" checked={values.private} onChange={(e) => set('private', e.target.checked)} />
            Private (only the owning team and admins see it)
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={values.excludeFromMetrics} onChange={(e) => set('excludeFromMetrics', e.target.checked)} />
            Exclude from metrics (game day, test)
          </label>
        </div>
      </fieldset>
      <fieldset disabled={readOnly || saving}>
        <legend>Phase timestamps (your time zone)</legend>
        <div className="form-grid phases">
          {phaseFields.map((f) => (
            <FormField
              key={f}
              label={phaseLabels[f]}
              error={errors[f]}
              aside={marker(f, phaseLabels[f])}
              hint={values[f] ? formatUtc(fromLocalInput(values[f])) : f === 'startedAt' ? 'required' : 'not yet'}
            >
              <input type="datetime-local" step={1} value={values[f]} onChange={(e) => set(f, e.target.value)} />
            </FormField>
          ))}
        </div>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving || !dirty}>
            {saving ? 'Saving…' : submitLabel}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={saving || !dirty}>
              Discard changes
            </button>
          )}
        </div>
      )}
    </form>
  );
}
