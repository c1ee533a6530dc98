import { useClient } from 'urql';
import { usePollUntilDone } from '../../../app/hooks/usePollUntilDone';
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
  const deliveryId = queued?.id ?? null;
  const { item, pollError, gaveUp } = usePollUntilDone({
    start: queued,
    id: deliveryId,
    active: true,
    poll: async () => {
      const res = await client.query(DigestsQuery, {}, { requestPolicy: 'network-only' }).toPromise();
      const digest = res.data?.digests.find((d) => d.id === digestId);
      const last = digest?.lastDelivery;
      // an answer without the digest: it was deleted meanwhile
      return { item: last?.id === deliveryId ? last : null, error: !!res.error, gone: !!res.data && !digest };
    },
    isDone: (d) => isDeliveryDone(d.status),
    everyMs: SEND_POLL_MS,
    limitMs: SEND_POLL_LIMIT_MS,
    onFinished,
  });
  return { delivery: item, gaveUp, pollError };
}
