import { useEffect, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { fieldErrors, hasErrorCode, errorMessage } from '../../../app/graphql/graphqlErrors';
import type { IncidentDetailFieldsFragment } from '../../../gql/graphql';
import { IncidentDetailQuery, UpdateIncidentMutation } from '../graphql/incidentDocuments';
import { isDirty, toFormValues, toUpdateInput, validateIncidentForm, type IncidentFormValues } from '../transforms/incidentForm';
import { compareIncidentEdits, type IncidentField } from '../transforms/incidentMerge';
import { mergeEdits, unresolvedFields, type MergeChoice } from '../transforms/mergeEdits';

interface Baseline {
  values: IncidentFormValues;
  version: number;
}

type Choices = Partial<Record<IncidentField, MergeChoice>>;

/** A save that answered CONFLICT: what the user had opened and typed, and the latest version. */
interface MergeState {
  latest: IncidentDetailFieldsFragment;
  opened: IncidentFormValues;
  mine: IncidentFormValues;
  choices: Choices;
}

/**
 * Edits an incident against the version it was opened at. Saves send only changed fields with
 * `expectedVersion`. A CONFLICT answer loads the latest version and opens a field-by-field merge: the
 * form moves onto the latest version with the user's edits on top (so it always shows what a save
 * stores), fields both changed wait for the user's choice, and nothing is saved until then.
 * Reloading discards the edits instead.
 */
export function useIncidentEditor(incident: IncidentDetailFieldsFragment) {
  const client = useClient();
  const [baseline, setBaseline] = useState<Baseline>(() => ({ values: toFormValues(incident), version: incident.version }));
  const [values, setValues] = useState<IncidentFormValues>(baseline.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Reload-only banner: a conflict with nothing to merge here (a tag change), or the latest version would not load.
  const [conflict, setConflict] = useState(false);
  const [merge, setMerge] = useState<MergeState | null>(null);
  const [saved, setSaved] = useState(false);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [state, update] = useMutation(UpdateIncidentMutation);

  // A newer version arrived (our own tag/assessment change or a refetch).
  useEffect(() => {
    if (incident.version === baseline.version) return;
    const fresh = toFormValues(incident);
    if (!isDirty(baseline.values, values)) {
      setBaseline({ values: fresh, version: incident.version });
      setValues(fresh);
      setMerge(null);
    } else if (!isDirty(baseline.values, fresh)) {
      // Nobody touched the fields being edited here; only changed fields are sent, so nothing is overwritten.
      setBaseline((b) => ({ ...b, version: incident.version }));
    }
    // Otherwise keep editing against the old version: saving answers CONFLICT and opens the merge.
  }, [incident.version]);

  const fetchLatest = async (): Promise<IncidentDetailFieldsFragment | null> => {
    const res = await client.query(IncidentDetailQuery, { id: incident.id }, { requestPolicy: 'network-only' }).toPromise();
    return res.data?.incident ?? null;
  };

  const reset = (next: IncidentDetailFieldsFragment) => {
    const fresh = toFormValues(next);
    setBaseline({ values: fresh, version: next.version });
    setValues(fresh);
    setErrors({});
    setConflict(false);
    setMerge(null);
  };

  /** Saves `edited` as changes to `base`; a CONFLICT loads the latest version and opens the merge. */
  const save = async (base: Baseline, edited: IncidentFormValues, retry = true): Promise<void> => {
    const res = await update({ id: incident.id, input: toUpdateInput(base.values, edited, base.version) });
    if (res.data?.updateIncident) {
      reset(res.data.updateIncident);
      setSaved(true);
      return;
    }
    if (hasErrorCode(res.error, 'CONFLICT')) {
      setLoadingLatest(true);
      const latest = await fetchLatest();
      setLoadingLatest(false);
      if (!latest) {
        setConflict(true);
        return;
      }
      const theirs = toFormValues(latest);
      const comparison = compareIncidentEdits(base.values, edited, theirs);
      if (retry && comparison.theirs.length === 0 && comparison.conflicts.length === 0) {
        // They changed nothing this form edits (a tag, an assessment): the same edits, on their version.
        const next = { values: theirs, version: latest.version };
        const rebased = mergeEdits(comparison, edited, theirs, {});
        setBaseline(next);
        setValues(rebased);
        return save(next, rebased, false);
      }
      // Until the user decides, the form keeps their own value of each field both changed.
      const keepMine = Object.fromEntries(comparison.conflicts.map((f) => [f, 'mine' as const]));
      setBaseline({ values: theirs, version: latest.version });
      setValues(mergeEdits(comparison, edited, theirs, keepMine));
      setMerge({ latest, opened: base.values, mine: edited, choices: {} });
      return;
    }
    const fe = fieldErrors(res.error);
    setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
  };

  const theirs = merge ? toFormValues(merge.latest) : null;
  const comparison = merge && theirs ? compareIncidentEdits(merge.opened, merge.mine, theirs) : null;

  // The form already holds the merge on top of the latest version (the baseline); save it once every
  // field both changed has a decision.
  const onMergeSave = async () => {
    if (!merge || !comparison || unresolvedFields(comparison, merge.choices).length) return;
    setSaved(false);
    if (!isDirty(baseline.values, values)) {
      reset(merge.latest); // every decision went their way: nothing left to save
      return;
    }
    setMerge(null);
    const clientErrors = validateIncidentForm(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    await save(baseline, values);
  };

  const onSave = async () => {
    if (merge) return onMergeSave();
    setSaved(false);
    const clientErrors = validateIncidentForm(values);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    await save(baseline, values);
  };

  const onReload = async () => {
    setReloading(true);
    const latest = await fetchLatest();
    setReloading(false);
    if (latest) reset(latest);
    else setErrors({ _form: 'Could not load the current version of the incident. Try again.' });
  };

  return {
    values,
    errors,
    conflict,
    saved,
    saving: state.fetching || loadingLatest,
    reloading,
    dirty: isDirty(baseline.values, values),
    version: baseline.version,
    /** Open after a conflict on save: what the user opened, their edits and the latest version, compared. */
    merge:
      merge && theirs && comparison
        ? { latest: merge.latest, choices: merge.choices, base: merge.opened, mine: merge.mine, theirs, comparison }
        : null,
    onChange: (v: IncidentFormValues) => {
      setValues(v);
      setSaved(false);
    },
    onSave,
    onDiscard: () => {
      // A newer version may already be here (the page's, or the one loaded for the merge): discard onto it.
      const newest = merge && merge.latest.version > incident.version ? merge.latest : incident;
      if (newest.version !== baseline.version) reset(newest);
      else {
        setValues(baseline.values);
        setErrors({});
        setMerge(null);
      }
    },
    /** Decides a field both changed; the form shows the chosen value. */
    onChoose: (field: IncidentField, choice: MergeChoice) => {
      if (!merge || !theirs) return;
      setMerge({ ...merge, choices: { ...merge.choices, [field]: choice } });
      setValues((v) => ({ ...v, [field]: (choice === 'theirs' ? theirs : merge.mine)[field] }));
    },
    onMergeSave,
    onReload,
    reset,
    setConflict,
  };
}
