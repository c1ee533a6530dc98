import { useClient } from 'urql';
import { usePollUntilDone } from '../../../app/hooks/usePollUntilDone';
import type { SyncRunFieldsFragment } from '../../../gql/graphql';
import { SyncRunQuery } from '../graphql/sourceDocuments';
import { isRunActive } from '../transforms/syncRuns';

const POLL_MS = 1000;

/**
 * Follows a run: polls syncRun about once a second while it is queued or running (every three after a
 * failed poll), stops when it is done and then calls `onFinished` (to refresh the list and history).
 * Returns the latest state of the run.
 */
export function useWatchedRun(start: SyncRunFieldsFragment | null, onFinished: () => void) {
  const client = useClient();
  const runId = start?.id ?? null;
  const { item, pollError } = usePollUntilDone({
    start,
    id: runId,
    active: isRunActive(start?.status),
    poll: async () => {
      const res = await client.query(SyncRunQuery, { id: runId! }, { requestPolicy: 'network-only' }).toPromise();
      const latest = res.data?.syncRun ?? null;
      // no run and no error: the run is gone (its source was deleted)
      return { item: latest, error: !!res.error, gone: !latest && !res.error };
    },
    isDone: (run) => !isRunActive(run.status),
    everyMs: POLL_MS,
    retryMs: POLL_MS * 3,
    onFinished,
  });
  return { run: item, pollError };
}
