import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { fieldErrors, hasErrorCode, errorMessage } from '../../../app/graphql/graphqlErrors';
import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { UpdateIncidentMutation } from '../graphql/incidentDocuments';
import { isDirty, toFormValues, toUpdateInput, validateIncidentForm, type IncidentFormValues } from '../transforms/incidentForm';

/**
 * Edits an incident against the version it was opened at. Saves send only changed fields with
 * `expectedVersion`; a CONFLICT answer keeps the user's edits and asks them to reload.
 */
export function useIncidentEditor(incident: IncidentDetailFieldsFragment) {
  const [baseline, setBaseline] = useState(() => ({ values: toFormValues(incident), version: incident.version }));
  const [values, setValues] = useState<IncidentFormValues>(baseline.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateIncidentMutation);

  // A newer version arrived (our own tag/assessment change or a refetch).
  useEffect(() => {
    if (incident.version === baseline.version) return;
    const fresh = toFormValues(incident);
    if (!isDirty(baseline.values, values)) {
      setBaseline({ values: fresh, version: incident.version });
      setValues(fresh);
    } else if (!isDirty(baseline.values, fresh)) {
      // Nobody touched the fields being edited here; only changed fields are sent, so nothing is overwritten.
      setBaseline((b) => ({ ...b, version: incident.version }));
    }
    // Otherwise keep editing against the old version: saving will answer CONFLICT.
  }, [incident.version]);

  const reset = (next: IncidentDetailFieldsFragment) => {
    const fresh = toFormValues(next);
    setBaseline({ values: fresh, version: next.version });
    setValues(fresh);
    setErrors({});
    setConflict(false);
  };

  const onSave = async () => {
    setSaved(false);
    const clientErrors = validateIncidentForm(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    const res = await update({ id: incident.id, input: toUpdateInput(baseline.values, values, baseline.version) });
    if (res.data?.updateIncident) {
      reset(res.data.updateIncident);
      setSaved(true);
      return;
    }
    if (hasErrorCode(res.error, 'CONFLICT')) {
      setConflict(true);
      return;
    }
    const fe = fieldErrors(res.error);
    setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
  };

  return {
    values,
    errors,
    conflict,
    saved,
    saving: state.fetching,
    dirty: isDirty(baseline.values, values),
    version: baseline.version,
    onChange: (v: IncidentFormValues) => {
      setValues(v);
      setSaved(false);
    },
    onSave,
    onDiscard: () => {
      setValues(baseline.values);
      setErrors({});
    },
    reset,
    setConflict,
  };
}
