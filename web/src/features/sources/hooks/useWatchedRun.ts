import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { SyncRunFieldsFragment } from '../../../gql/graphql';
import { SyncRunQuery } from '../graphql/sourceDocuments';
import { isRunActive } from '../transforms/syncRuns';

const POLL_MS = 1000;

/**
 * Follows a run: polls syncRun about once a second while it is queued or running, stops when it is done
 * and then calls `onFinished` (to refresh the list and history). Returns the latest state of the run.
 */
export function useWatchedRun(start: SyncRunFieldsFragment | null, onFinished: () => void) {
  const client = useClient();
  const [run, setRun] = useState<SyncRunFieldsFragment | null>(start);
  const [pollError, setPollError] = useState(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const runId = start?.id ?? null;
  const startActive = isRunActive(start?.status);

  useEffect(() => {
    setRun(start);
    if (!runId || !startActive) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const res = await client.query(SyncRunQuery, { id: runId }, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) return;
      const latest = res.data?.syncRun ?? null;
      setPollError(!!res.error);
      if (latest) setRun(latest);
      if (latest && !isRunActive(latest.status)) {
        finished.current();
        return;
      }
      if (!latest && !res.error) return; // the run is gone (its source was deleted)
      timer = setTimeout(tick, res.error ? POLL_MS * 3 : POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Keyed on the run and whether it started active: its later states come from the polling, not from `start`.
  }, [client, runId, startActive]);

  return { run, pollError };
}
