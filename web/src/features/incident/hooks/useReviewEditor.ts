import { useEffect, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { errorMessage, fieldErrors, hasErrorCode } from '../../../app/graphql/graphqlErrors';
import type { PostMortemFieldsFragment, PostmortemState } from '../../../gql/graphql';
import { IncidentLoopQuery, UpdatePostMortemMutation } from '../graphql/reviewDocuments';
import { mergeEdits, unresolvedFields, type MergeChoice } from '../transforms/mergeEdits';
import {
  compareReviewEdits,
  isReviewDirty,
  toReviewFormValues,
  toReviewInput,
  validateReview,
  type ReviewField,
  type ReviewFormValues,
} from '../transforms/reviewForm';
import { reviewSavedMessage } from '../transforms/reviewState';

type Target = Exclude<PostmortemState, 'NONE'>;

interface Baseline {
  values: ReviewFormValues;
  version: number;
  state: PostmortemState;
}

/** A save that answered CONFLICT: what the user opened and typed, where they meant to move it, and the latest review. */
interface MergeState {
  latest: PostMortemFieldsFragment;
  opened: ReviewFormValues;
  mine: ReviewFormValues;
  target: Target | undefined;
  choices: Partial<Record<ReviewField, MergeChoice>>;
}

// The review's state is also Incident.postmortemState (the write-up shows it): refresh the incident too.
const refreshIncident = { additionalTypenames: ['Incident', 'PostMortem'] };

const toBaseline = (pm: PostMortemFieldsFragment): Baseline => ({ values: toReviewFormValues(pm), version: pm.version, state: pm.state });

/**
 * Edits an incident's review against the version it was opened at, as the incident form does
 * (useIncidentEditor): saves send the changed fields with `expectedVersion`, and a CONFLICT loads the
 * latest review and opens the same field-by-field merge (body, reviewers, due date). The state moves only
 * when a button says so (`target`), so a plain save never undoes a colleague's publish.
 */
export function useReviewEditor(incidentId: string, postMortem: PostMortemFieldsFragment) {
  const client = useClient();
  const [baseline, setBaseline] = useState<Baseline>(() => toBaseline(postMortem));
  const [values, setValues] = useState<ReviewFormValues>(baseline.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [merge, setMerge] = useState<MergeState | null>(null);
  const [conflict, setConflict] = useState(false);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [busyTarget, setBusyTarget] = useState<Target | 'keep' | null>(null);
  const [state, update] = useMutation(UpdatePostMortemMutation);

  // A newer review arrived (a refetch): follow it unless the user is typing; their save then merges.
  useEffect(() => {
    if (postMortem.version === baseline.version) return;
    if (!isReviewDirty(baseline.values, values)) {
      const next = toBaseline(postMortem);
      setBaseline(next);
      setValues(next.values);
      setMerge(null);
    }
  }, [postMortem.version]);

  const fetchLatest = async (): Promise<PostMortemFieldsFragment | null> => {
    const res = await client.query(IncidentLoopQuery, { id: incidentId }, { requestPolicy: 'network-only' }).toPromise();
    return res.data?.incident?.postMortem ?? null;
  };

  const reset = (pm: PostMortemFieldsFragment) => {
    const next = toBaseline(pm);
    setBaseline(next);
    setValues(next.values);
    setErrors({});
    setMerge(null);
    setConflict(false);
  };

  /** `target` only when the state moves; the API keeps the state otherwise. */
  const moveTo = (from: PostmortemState, target: Target | undefined) => (target && target !== from ? target : undefined);

  /** True when the review was saved. */
  const save = async (base: Baseline, edited: ReviewFormValues, target: Target | undefined, retry = true): Promise<boolean> => {
    const res = await update(
      { incidentId, input: toReviewInput(base.values, edited, base.version, moveTo(base.state, target)) },
      refreshIncident,
    );
    const saved = res.data?.updatePostMortem;
    if (saved) {
      reset(saved);
      setSavedMessage(reviewSavedMessage(base.state, saved.state));
      return true;
    }
    if (hasErrorCode(res.error, 'CONFLICT')) {
      setLoadingLatest(true);
      const latest = await fetchLatest();
      setLoadingLatest(false);
      if (!latest) {
        setConflict(true);
        return false;
      }
      const theirs = toReviewFormValues(latest);
      const comparison = compareReviewEdits(base.values, edited, theirs);
      const next = toBaseline(latest);
      if (retry && comparison.theirs.length === 0 && comparison.conflicts.length === 0) {
        // They changed nothing this editor holds (only the state, say): the same edits, on their version.
        const rebased = mergeEdits(comparison, edited, theirs, {});
        setBaseline(next);
        setValues(rebased);
        return save(next, rebased, target, false);
      }
      const keepMine = Object.fromEntries(comparison.conflicts.map((f) => [f, 'mine' as const]));
      setBaseline(next);
      setValues(mergeEdits(comparison, edited, theirs, keepMine));
      setMerge({ latest, opened: base.values, mine: edited, target, choices: {} });
      return false;
    }
    const fe = fieldErrors(res.error);
    // the form's due field is a day; the API names the instant
    if (fe.dueAt) fe.dueDate = fe.dueAt;
    setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
    return false;
  };

  const theirs = merge ? toReviewFormValues(merge.latest) : null;
  const comparison = merge && theirs ? compareReviewEdits(merge.opened, merge.mine, theirs) : null;

  const check = (target: Target | undefined): boolean => {
    const clientErrors = validateReview(values, target ?? baseline.state) as Record<string, string>;
    setErrors(clientErrors);
    return Object.keys(clientErrors).length === 0;
  };

  const onMergeSave = async (): Promise<boolean> => {
    if (!merge || !comparison || unresolvedFields(comparison, merge.choices).length) return false;
    setSavedMessage(null);
    const target = moveTo(baseline.state, merge.target);
    if (!isReviewDirty(baseline.values, values) && !target) {
      reset(merge.latest); // every decision went their way and the state stays: nothing to save
      return true;
    }
    if (!check(merge.target)) return false;
    setMerge(null);
    setBusyTarget(merge.target ?? 'keep');
    const ok = await save(baseline, values, merge.target);
    setBusyTarget(null);
    return ok;
  };

  /** A button of the editor: save the form, and move the review to `target` when it differs. True when saved. */
  const onAction = async (target: Target): Promise<boolean> => {
    if (merge) return onMergeSave();
    setSavedMessage(null);
    if (!check(target)) return false;
    setBusyTarget(target);
    const ok = await save(baseline, values, target);
    setBusyTarget(null);
    return ok;
  };

  const onReload = async () => {
    setReloading(true);
    const latest = await fetchLatest();
    setReloading(false);
    if (latest) reset(latest);
    else setErrors({ _form: 'Could not load the current version of the review. Try again.' });
  };

  return {
    values,
    errors,
    conflict,
    savedMessage,
    saving: state.fetching || loadingLatest,
    busyTarget,
    reloading,
    dirty: isReviewDirty(baseline.values, values),
    /** The state the review is in as the editor last loaded it. */
    state: baseline.state,
    version: baseline.version,
    merge:
      merge && theirs && comparison
        ? { latest: merge.latest, choices: merge.choices, base: merge.opened, mine: merge.mine, theirs, comparison }
        : null,
    onChange: (v: ReviewFormValues) => {
      setValues(v);
      setSavedMessage(null);
    },
    onAction,
    onDiscard: () => {
      const newest = merge && merge.latest.version > postMortem.version ? merge.latest : postMortem;
      if (newest.version !== baseline.version) reset(newest);
      else {
        setValues(baseline.values);
        setErrors({});
        setMerge(null);
      }
    },
    onChoose: (field: ReviewField, choice: MergeChoice) => {
      if (!merge || !theirs) return;
      setMerge({ ...merge, choices: { ...merge.choices, [field]: choice } });
      setValues((v) => ({ ...v, [field]: (choice === 'theirs' ? theirs : merge.mine)[field] }));
    },
    onMergeSave,
    onReload,
    setConflict,
  };
}
