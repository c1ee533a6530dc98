import type { FormEvent } from 'react';
import { ChoiceSelect } from '../../../app/ui/ChoiceSelect';
import { FormField } from '../../../app/ui/FormField';
import type { Severity } from '../../../gql/graphql';
import {
  kindDefaults,
  kindFields,
  severityChoices,
  sourceKinds,
  switchKind,
  timestampKeys,
  timestampPhases,
  type SourceFormValues,
  type SourceKind,
  type SourceKindDefaults,
} from '../transforms/sourceForm';
import { SeverityMapEditor } from './SeverityMapEditor';

export interface SourceFormProps {
  values: SourceFormValues;
  errors: Record<string, string>;
  teams: readonly { id: string; name: string }[];
  /** The API's defaults per kind (sourceKinds): a kind switched to starts with its base URL and severity map. */
  kinds: readonly SourceKindDefaults[];
  /** Set when editing a saved source: its kind is fixed and empty secrets keep the stored ones. */
  saved?: { hasToken: boolean; hasWebhookSecret: boolean } | null;
  busy?: boolean;
  submitLabel: string;
  /** The answer of the last "Test connection". */
  test?: { ok: boolean; message: string } | null;
  testing?: boolean;
  onChange: (values: SourceFormValues) => void;
  onSubmit: () => void;
  onTest?: () => void;
  onCancel?: () => void;
}

const severityOptions = severityChoices.map((s) => ({ value: s, label: s }));

/** Add or edit a source: the fields shown follow the kind (kindFields). */
export function SourceForm({
  values,
  errors,
  teams,
  kinds,
  saved,
  busy,
  submitLabel,
  test,
  testing,
  onChange,
  onSubmit,
  onTest,
  onCancel,
}: SourceFormProps) {
  const f = kindFields[values.kind];
  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) => onChange({ ...values, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="source-form" onSubmit={submit} noValidate aria-label={saved ? `Edit ${values.name}` : 'Add a source'}>
      {errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      <fieldset disabled={busy}>
        <div className="form-grid">
          <FormField label="Kind" error={errors.kind} hint={saved ? 'Fixed once the source exists.' : undefined}>
            <ChoiceSelect
              value={values.kind}
              choices={sourceKinds}
              disabled={!!saved}
              onChange={(k) => onChange(switchKind(values, k as SourceKind, kinds))}
            />
          </FormField>
          <FormField label="Name" error={errors.name}>
            <input type="text" value={values.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />
          </FormField>
          <FormField label="Owning team" error={errors.teamId} hint="Owns the incidents and services it creates.">
            <ChoiceSelect
              value={values.teamId}
              choices={teams.map((t) => ({ value: t.id, label: t.name }))}
              none="Choose a team…"
              onChange={(v) => set('teamId', v)}
            />
          </FormField>
          {f.baseUrl && (
            <FormField label={f.baseUrlLabel} error={errors.baseUrl} hint={f.baseUrlHint} className="span-2">
              <input
                type="url"
                inputMode="url"
                value={values.baseUrl}
                placeholder={f.baseUrl === 'required' ? 'https://status.example.com' : kindDefaults(kinds, values.kind).baseUrl}
                onChange={(e) => set('baseUrl', e.target.value)}
                required
              />
            </FormField>
          )}
          {f.token && (
            <FormField
              label="API token"
              error={errors.token}
              hint={saved?.hasToken ? 'Token saved — leave empty to keep it.' : f.tokenHint}
              className="span-2"
            >
              <input type="password" autoComplete="new-password" value={values.token} onChange={(e) => set('token', e.target.value)} />
            </FormField>
          )}
          {f.webhookSecret && (
            <FormField
              label="Webhook secret"
              error={errors.webhookSecret}
              hint={
                saved?.hasWebhookSecret
                  ? 'Secret saved — leave empty to keep it.'
                  : values.kind === 'WEBHOOK'
                    ? 'Signs every push (16 characters or more).'
                    : 'The signing secret the vendor shows for the webhook (optional: without it pushes are refused).'
              }
              className="span-2"
            >
              <input
                type="password"
                autoComplete="new-password"
                value={values.webhookSecret}
                onChange={(e) => set('webhookSecret', e.target.value)}
              />
            </FormField>
          )}
          {f.pulls && (
            <>
              <FormField label="Sync every (minutes)" error={errors.syncEveryMinutes} hint="0 = only when you press Sync now.">
                <input
                  type="number"
                  min={0}
                  max={10080}
                  step={1}
                  value={values.syncEveryMinutes}
                  onChange={(e) => set('syncEveryMinutes', e.target.value)}
                />
              </FormField>
              <FormField label="Reach back to" error={errors.since} hint="How far back the first sync reads (UTC date).">
                <input type="date" value={values.since} onChange={(e) => set('since', e.target.value)} />
              </FormField>
            </>
          )}
          <FormField label="Default severity" error={errors.defaultSeverity} hint="When the vendor value is missing or not mapped.">
            <ChoiceSelect
              value={values.defaultSeverity}
              choices={severityOptions}
              onChange={(v) => set('defaultSeverity', v as Severity)}
            />
          </FormField>
        </div>
        {values.kind === 'INCIDENT_IO' && (
          <fieldset className={`timestamp-names${errors.timestampNames ? ' has-error' : ''}`}>
            <legend>Timestamp names</legend>
            <span className="hint">
              Which of an incident’s timestamps mean each phase, comma-separated in order of preference (compared without case). Leave empty
              for the defaults shown.
            </span>
            <div className="form-grid phases">
              {timestampKeys.map((k) => (
                <FormField key={k} label={timestampPhases[k].label}>
                  <input
                    type="text"
                    value={values.timestampNames[k]}
                    placeholder={timestampPhases[k].defaults}
                    onChange={(e) => set('timestampNames', { ...values.timestampNames, [k]: e.target.value })}
                  />
                </FormField>
              ))}
            </div>
            {errors.timestampNames && <span className="field-error">{errors.timestampNames}</span>}
          </fieldset>
        )}
        {f.severityMap && <SeverityMapEditor values={values} hint={f.severityKeyHint} error={errors.severityMap} onChange={onChange} />}
        <div className="checkbox-list">
          <label className="checkbox">
            <input type="checkbox" checked={values.createMissing} onChange={(e) => set('createMissing', e.target.checked)} />
            Create services Hindsight does not know yet (under the owning team)
          </label>
          {errors.createMissing && <span className="field-error">{errors.createMissing}</span>}
          <label className="checkbox">
            <input type="checkbox" checked={values.private} onChange={(e) => set('private', e.target.checked)} />
            Incidents it creates are private (only the owning team and admins see them)
          </label>
          {errors.private && <span className="field-error">{errors.private}</span>}
        </div>
      </fieldset>
      {test && (
        <p className={`banner ${test.ok ? 'success' : 'error'}`} role="status">
          {test.ok ? 'Connection works: ' : 'Connection failed: '}
          {test.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {f.pulls && onTest && (
          <button type="button" onClick={onTest} disabled={busy || testing}>
            {testing ? 'Testing…' : 'Test connection'}
          </button>
        )}
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
