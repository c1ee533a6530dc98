import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { FormField } from '../../../app/ui/FormField';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { LoopSettingsFieldsFragment } from '../../../gql/graphql';
import { LoopSettingsQuery, UpdateLoopSettingsMutation } from '../graphql/loopSettingsDocuments';
import {
  severities,
  toggleSeverity,
  toLoopSettingsInput,
  toLoopSettingsValues,
  validateLoopSettings,
  type LoopSettingsValues,
} from '../transforms/loopSettingsForm';
import { useSettingsMutation } from './useSettingsMutation';
import './LoopSettings.css';

function LoopSettingsForm({ settings, onReload }: { settings: LoopSettingsFieldsFragment; onReload: () => void }) {
  const update = useSettingsMutation(UpdateLoopSettingsMutation, ['LoopSettings', 'PostMortem']);
  // Saved against the version the form was opened at: a newer one arriving meanwhile makes the save stale.
  const [opened, setOpened] = useState(settings);
  const base = toLoopSettingsValues(opened);
  const [values, setValues] = useState<LoopSettingsValues>(base);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...update.errors, ...clientErrors };
  const input = toLoopSettingsInput(base, values, opened.version);
  const dirty = Object.keys(input).length > 1;
  useEffect(() => {
    // someone else's change, while nothing is being edited here: show it
    if (settings.version !== opened.version && !dirty) {
      setOpened(settings);
      setValues(toLoopSettingsValues(settings));
    }
  }, [settings.version]);
  const change = (v: LoopSettingsValues) => {
    setValues(v);
    setSaved(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found = validateLoopSettings(values);
    setClientErrors(found);
    if (Object.keys(found).length) return;
    const done = await update.submit({ input });
    if (done) {
      setOpened(done.updateLoopSettings);
      setValues(toLoopSettingsValues(done.updateLoopSettings));
      setSaved(true);
    }
  };

  return (
    <form className="loop-settings" onSubmit={submit} aria-label="Reviews and repeats" noValidate>
      {update.stale && (
        <div className="banner error" role="alert">
          Another admin changed these settings after you opened them, so nothing was saved.{' '}
          <button type="button" onClick={onReload}>
            Reload the settings
          </button>{' '}
          <span className="small">(your changes here are discarded; make them again on the current values)</span>
        </div>
      )}
      {!update.stale && errors._form && (
        <div className="banner error" role="alert">
          {errors._form}
        </div>
      )}
      <fieldset
        className={errors.reviewSeverities ? 'service-picker has-error' : undefined}
        aria-describedby={errors.reviewSeverities ? 'loop-severities-error' : 'loop-severities-hint'}
      >
        <legend>Reviews are required for</legend>
        <div className="checkbox-grid">
          {severities.map((s) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                checked={values.reviewSeverities.includes(s)}
                onChange={(e) => change({ ...values, reviewSeverities: toggleSeverity(values.reviewSeverities, s, e.target.checked) })}
              />
              {s}
            </label>
          ))}
        </div>
        <span id="loop-severities-hint" className="hint">
          Counted incidents of these severities need a published review; none ticked: no review is required.
        </span>
        {errors.reviewSeverities && (
          <span id="loop-severities-error" className="field-error">
            {errors.reviewSeverities}
          </span>
        )}
      </fieldset>
      <div className="form-grid">
        <FormField
          label="Days until a review is due"
          error={errors.reviewDueDays}
          hint="After the incident is resolved, 0–365 (unless a review sets its own due date)."
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            step={1}
            value={values.reviewDueDays}
            onChange={(e) => change({ ...values, reviewDueDays: e.target.value })}
          />
        </FormField>
        <FormField
          label="Repeat window (days)"
          error={errors.repeatWindowDays}
          hint="An incident repeats an earlier one that started at most this many days before it, 1–3,650."
        >
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            value={values.repeatWindowDays}
            onChange={(e) => change({ ...values, repeatWindowDays: e.target.value })}
          />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={update.busy || !dirty}>
          {update.busy ? 'Saving…' : 'Save'}
        </button>
        {dirty && (
          <button type="button" className="link-button" onClick={() => change(base)}>
            Discard changes
          </button>
        )}
        <span className="muted small">
          Version {opened.version} · changed <Timestamp value={opened.updatedAt} />
        </span>
      </div>
      {saved && (
        <p className="banner success" role="status">
          Saved. Required reviews, due dates and repeats follow the new settings.
        </p>
      )}
    </form>
  );
}

/** Which reviews are required and when they are due, and how far back a repeat looks (SPEC §6). Admins only, as the page. */
export function LoopSettings() {
  const [result, refetch] = useQuery({ query: LoopSettingsQuery });
  const [reloads, setReloads] = useState(0);
  const settings = result.data?.loopSettings;
  // A reload (after a conflict) starts the form again from what the server has now.
  useEffect(() => {
    if (reloads) refetch({ requestPolicy: 'network-only' });
  }, [reloads]);
  return (
    <div>
      <h2 className="visually-hidden">Reviews and repeats</h2>
      <p className="muted">
        A review (post-mortem) is required for counted incidents of the severities below, due a number of days after the incident is
        resolved. An incident is a repeat when it shares a service and primary cause with one that started within the repeat window before
        it.
      </p>
      {result.error && <div className="banner error">{errorMessage(result.error)}</div>}
      {!settings && !result.error && <div role="status">Loading…</div>}
      {settings && <LoopSettingsForm key={reloads} settings={settings} onReload={() => setReloads((n) => n + 1)} />}
    </div>
  );
}
