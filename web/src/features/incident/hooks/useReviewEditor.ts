import { useClient, useMutation } from 'urql';
import type { PostMortemFieldsFragment, PostmortemState } from '../../../gql/graphql';
import { IncidentLoopQuery, UpdatePostMortemMutation } from '../graphql/reviewDocuments';
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
import { useVersionedEditor } from './useVersionedEditor';

type Target = Exclude<PostmortemState, 'NONE'>;

interface Baseline {
  values: ReviewFormValues;
  version: number;
  state: PostmortemState;
}

// The review's state is also Incident.postmortemState (the write-up shows it): refresh the incident too.
const refreshIncident = { additionalTypenames: ['Incident', 'PostMortem'] };

const toBaseline = (pm: PostMortemFieldsFragment): Baseline => ({ values: toReviewFormValues(pm), version: pm.version, state: pm.state });

/** `target` only when the state moves; the API keeps the state otherwise. */
const moveTo = (from: PostmortemState, target: Target | undefined) => (target && target !== from ? target : undefined);

/**
 * Edits an incident's review against the version it was opened at, as the incident form does
 * (useVersionedEditor): a stale save opens the same field-by-field merge (body, reviewers, due date).
 * The state moves only when a button says so (`target`), so a plain save never undoes a colleague's publish.
 */
export function useReviewEditor(incidentId: string, postMortem: PostMortemFieldsFragment) {
  const client = useClient();
  const [, update] = useMutation(UpdatePostMortemMutation);
  const editor = useVersionedEditor<PostMortemFieldsFragment, ReviewFormValues, ReviewField, Baseline, Target | undefined>({
    record: postMortem,
    toBaseline,
    isDirty: isReviewDirty,
    compare: compareReviewEdits,
    fetchLatest: async () => {
      const res = await client.query(IncidentLoopQuery, { id: incidentId }, { requestPolicy: 'network-only' }).toPromise();
      return res.data?.incident?.postMortem ?? null;
    },
    send: async (base, edited, target) => {
      const res = await update(
        { incidentId, input: toReviewInput(base.values, edited, base.version, moveTo(base.state, target)) },
        refreshIncident,
      );
      return { saved: res.data?.updatePostMortem, error: res.error };
    },
    validate: (values, base, target) => validateReview(values, target ?? base.state) as Record<string, string>,
    moves: (base, target) => moveTo(base.state, target) !== undefined,
    // the form's due field is a day; the API names the instant
    toFormErrors: (fe) => (fe.dueAt ? { ...fe, dueDate: fe.dueAt } : fe),
    reloadFailed: 'Could not load the current version of the review. Try again.',
  });
  const { saved, pending, baseline, submit, reset: _reset, ...rest } = editor;
  return {
    ...rest,
    savedMessage: saved ? reviewSavedMessage(saved.from.state, saved.record.state) : null,
    /** The button whose save is under way ('keep' for a merge that leaves the state). */
    busyTarget: pending ? (pending.intent ?? 'keep') : null,
    /** The state the review is in as the editor last loaded it. */
    state: baseline.state,
    version: baseline.version,
    /** A button of the editor: save the form, and move the review to `target` when it differs. True when saved. */
    onAction: (target: Target) => submit(target),
  };
}
