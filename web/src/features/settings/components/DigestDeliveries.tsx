import { useEffect } from 'react';
import { useQuery } from 'urql';
import { HistorySection } from '../../../app/ui/HistorySection';
import { Timestamp } from '../../../app/ui/Timestamp';
import { DigestDeliveriesQuery } from '../graphql/digestDocuments';
import { deliveryStatus, periodText, triggerLabels } from '../transforms/digests';

export const DELIVERY_HISTORY_SIZE = 20;

/** A digest's latest deliveries, newest first; `refresh` changes when a watched delivery ends. */
export function DigestDeliveries({ digestId, digestName, refresh }: { digestId: string; digestName: string; refresh: number }) {
  // The API lists deliveries per digest only through `digests`; an admin has a handful, so all are asked at once.
  // Asked afresh on opening: a cached answer from another digest's history would show this one's deliveries as they were then.
  const [result, reexecute] = useQuery({
    query: DigestDeliveriesQuery,
    variables: { first: DELIVERY_HISTORY_SIZE },
    requestPolicy: 'network-only',
  });
  useEffect(() => {
    if (refresh) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  const deliveries = result.data?.digests.find((d) => d.id === digestId)?.deliveries;
  return (
    <HistorySection
      className="digest-deliveries"
      label={`Deliveries of ${digestName}`}
      noun="deliveries"
      loading={!result.data && !result.error}
      error={result.error}
      count={deliveries?.length}
      limit={DELIVERY_HISTORY_SIZE}
      empty="Not sent yet."
    >
      {deliveries && (
        <div className="table-scroll">
          <table className="data-table digest-delivery-table">
            <caption className="visually-hidden">Deliveries of {digestName}</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Attempt</th>
                <th scope="col">Period</th>
                <th scope="col">Trigger</th>
                <th scope="col">Queued</th>
                <th scope="col">Finished</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <span className={`badge delivery-${deliveryStatus[d.status].tone}`}>{deliveryStatus[d.status].label}</span>
                  </td>
                  <td>{d.attempt === 0 ? '—' : d.attempt}</td>
                  <td className="nowrap">{periodText(d.periodFrom, d.periodTo)}</td>
                  <td>{triggerLabels[d.trigger]}</td>
                  <td>
                    <Timestamp value={d.queuedAt} />
                  </td>
                  <td>
                    <Timestamp value={d.finishedAt} />
                  </td>
                  <td className="digest-error-cell">{d.error ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </HistorySection>
  );
}
