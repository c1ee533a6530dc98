import { useClient, useMutation } from 'urql';
import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { IncidentDetailQuery, UpdateIncidentMutation } from '../graphql/incidentDocuments';
import { isDirty, toFormValues, toUpdateInput, validateIncidentForm, type IncidentFormValues } from '../transforms/incidentForm';
import { compareIncidentEdits, type IncidentField } from '../transforms/incidentMerge';
import { useVersionedEditor } from './useVersionedEditor';

const toBaseline = (incident: IncidentDetailFieldsFragment) => ({ values: toFormValues(incident), version: incident.version });

/**
 * Edits an incident's details against the version it was opened at; a stale save opens the
 * field-by-field merge (useVersionedEditor).
 */
export function useIncidentEditor(incident: IncidentDetailFieldsFragment) {
  const client = useClient();
  const [, update] = useMutation(UpdateIncidentMutation);
  const editor = useVersionedEditor<IncidentDetailFieldsFragment, IncidentFormValues, IncidentField, ReturnType<typeof toBaseline>>({
    record: incident,
    toBaseline,
    isDirty,
    compare: compareIncidentEdits,
    fetchLatest: async () => {
      const res = await client.query(IncidentDetailQuery, { id: incident.id }, { requestPolicy: 'network-only' }).toPromise();
      return res.data?.incident ?? null;
    },
    send: async (base, edited) => {
      const res = await update({ id: incident.id, input: toUpdateInput(base.values, edited, base.version) });
      return { saved: res.data?.updateIncident, error: res.error };
    },
    validate: (values) => validateIncidentForm(values),
    reloadFailed: 'Could not load the current version of the incident. Try again.',
  });
  const { saved, baseline, submit, pending: _pending, ...rest } = editor;
  return {
    ...rest,
    saved: saved !== null,
    version: baseline.version,
    onSave: () => submit(undefined),
  };
}
