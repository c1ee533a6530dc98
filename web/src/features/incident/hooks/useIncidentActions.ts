import { useState } from 'react';
import { useMutation } from 'urql';
import { errorMessage, fieldErrors, hasErrorCode } from '../../../app/graphql/graphqlErrors';
import type { RedundancyOutcome } from '../../../gql/graphql';
import {
  AddTimelineEventMutation,
  AssessRedundancyMutation,
  ReviewCauseMutation,
  CreateActionItemMutation,
  ResetIncidentFieldMutation,
  UpdateIncidentMutation,
} from '../graphql/incidentDocuments';
import type { NewActionItem } from '../components/ActionItemsSection';

// These mutations return a TimelineEvent or ActionItem; tell the cache the incident changed too.
const refreshIncident = { additionalTypenames: ['Incident', 'ActionItem'] };

type Section = 'tags' | 'redundancy' | 'actions' | 'timeline' | 'reset';

/** The incident page's smaller mutations, each reporting errors into its own section. */
export function useIncidentActions(incidentId: string, currentVersion: number, onConflict: () => void) {
  const [errors, setErrors] = useState<Partial<Record<Section, Record<string, string>>>>({});
  const [tagState, updateIncident] = useMutation(UpdateIncidentMutation);
  const [confirmState, reviewCause] = useMutation(ReviewCauseMutation);
  const [assessState, assess] = useMutation(AssessRedundancyMutation);
  const [timelineState, addEvent] = useMutation(AddTimelineEventMutation);
  const [createState, createItem] = useMutation(CreateActionItemMutation);
  const [resetState, resetField] = useMutation(ResetIncidentFieldMutation);

  const report = (section: Section, error: Parameters<typeof fieldErrors>[0]): boolean => {
    if (!error) {
      setErrors((e) => ({ ...e, [section]: {} }));
      return true;
    }
    if (hasErrorCode(error, 'CONFLICT')) {
      onConflict();
      setErrors((e) => ({ ...e, [section]: {} }));
      return false;
    }
    const fe = fieldErrors(error);
    setErrors((e) => ({ ...e, [section]: Object.keys(fe).length ? fe : { _form: errorMessage(error) } }));
    return false;
  };

  return {
    errors,
    busy: {
      tags: tagState.fetching || confirmState.fetching,
      redundancy: assessState.fetching,
      actions: createState.fetching,
      timeline: timelineState.fetching,
      reset: resetState.fetching,
    },
    setPrimary: async (causeId: string | null) =>
      report('tags', (await updateIncident({ id: incidentId, input: { expectedVersion: currentVersion, primaryCauseId: causeId } })).error),
    setContributing: async (causeIds: string[]) =>
      report(
        'tags',
        (await updateIncident({ id: incidentId, input: { expectedVersion: currentVersion, contributingCauseIds: causeIds } })).error,
      ),
    confirm: async (causeId: string) => report('tags', (await reviewCause({ incidentId, causeId, state: 'CONFIRMED' })).error),
    assess: async (mechanismId: string, outcome: RedundancyOutcome | null, notes: string) =>
      report('redundancy', (await assess({ input: { incidentId, mechanismId, outcome, notes: notes.trim() || null } })).error),
    addTimelineEvent: async (at: string, kind: string, message: string) =>
      report('timeline', (await addEvent({ input: { incidentId, at, kind, message } }, refreshIncident)).error),
    createActionItem: async (item: NewActionItem) =>
      report('actions', (await createItem({ input: { incidentId, ...item } }, refreshIncident)).error),
    /** Takes the source's value of a field edited here again; later syncs refresh it. */
    resetField: async (field: string) =>
      report('reset', (await resetField({ id: incidentId, field, expectedVersion: currentVersion })).error),
  };
}
