import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { DigestDeliveryFieldsFragment } from '../../../gql/graphql';
import { DigestsQuery } from '../graphql/digestDocuments';
import { isDeliveryDone, SEND_POLL_LIMIT_MS, SEND_POLL_MS } from '../transforms/digests';

/**
 * Follows a delivery "Send now" queued: asks for the digests every SEND_POLL_MS (the list shares the answer, so it
 * updates too) until the digest's last delivery is that one and SENT or FAILED, or SEND_POLL_LIMIT_MS pass
 * (`gaveUp`: a delivery that is being retried can take minutes). Returns its latest state.
 */
export function useWatchedDelivery(digestId: string, queued: DigestDeliveryFieldsFragment | null, onFinished: () => void) {
  const client = useClient();
  const [delivery, setDelivery] = useState(queued);
  const [gaveUp, setGaveUp] = useState(false);
  const [pollError, setPollError] = useState(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const deliveryId = queued?.id ?? null;

  useEffect(() => {
    setDelivery(queued);
    setGaveUp(false);
    setPollError(false);
    if (!deliveryId) return;
    const until = Date.now() + SEND_POLL_LIMIT_MS;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const res = await client.query(DigestsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
      if (stopped) return;
      setPollError(!!res.error);
      const digest = res.data?.digests.find((d) => d.id === digestId);
      if (res.data && !digest) return; // deleted meanwhile
      const last = digest?.lastDelivery;
      if (last?.id === deliveryId) setDelivery(last);
      if (last?.id === deliveryId && isDeliveryDone(last.status)) {
        finished.current();
        return;
      }
      if (Date.now() >= until) {
        setGaveUp(true);
        return;
      }
      timer = setTimeout(tick, SEND_POLL_MS);
    };
    timer = setTimeout(tick, SEND_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Keyed on the delivery: its later states come from the polling.
  }, [client, digestId, deliveryId]);

  return { delivery, gaveUp, pollError };
}
