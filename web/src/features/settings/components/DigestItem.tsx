import { useState } from 'react';
import { ConfirmDelete } from '../../../app/ui/ConfirmDelete';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { DigestDeliveryFieldsFragment, DigestFieldsFragment } from '../../../gql/graphql';
import { DeleteDigestMutation, SendDigestMutation } from '../graphql/digestDocuments';
import { useWatchedDelivery } from '../hooks/useWatchedDelivery';
import {
  channelLabels,
  deliveryStatus,
  filterSummary,
  isDeliveryDone,
  periodText,
  scheduleLabels,
  type FilterNames,
} from '../transforms/digests';
import { DigestDeliveries } from './DigestDeliveries';
import { useSettingsMutation } from './useSettingsMutation';

/** A delivery's status, when it got there, the period it covers and, when it failed, why. */
function DeliveryLine({ delivery }: { delivery: DigestDeliveryFieldsFragment | null | undefined }) {
  if (!delivery) return <p className="digest-last muted">Not sent yet.</p>;
  const s = deliveryStatus[delivery.status];
  return (
    <div className={`digest-last tone-${s.tone}`} role="status">
      <p>
        <span className="muted">Last delivery:</span> <span className={`badge delivery-${s.tone}`}>{s.label}</span>{' '}
        <Timestamp value={delivery.finishedAt ?? delivery.startedAt ?? delivery.queuedAt} />{' '}
        <span className="muted small">
          · {periodText(delivery.periodFrom, delivery.periodTo)}
          {delivery.attempt > 1 && ` · attempt ${delivery.attempt}`}
        </span>
      </p>
      {delivery.error && <p className="digest-error small">{delivery.error}</p>}
    </div>
  );
}

type Panel = 'history' | 'delete' | null;

export interface DigestItemProps {
  digest: DigestFieldsFragment;
  known: FilterNames;
  /** A watched delivery ended: the list is refreshed. */
  onDeliveryFinished: () => void;
  onDeleted: (name: string) => void;
}

/** One digest: what it sends, where and when, its last delivery, and Send now / Deliveries / Delete. */
export function DigestItem({ digest, known, onDeliveryFinished, onDeleted }: DigestItemProps) {
  const [panel, setPanel] = useState<Panel>(null);
  const send = useSettingsMutation(SendDigestMutation, ['Digest', 'DigestDelivery']);
  const remove = useSettingsMutation(DeleteDigestMutation, ['Digest']);
  const [queued, setQueued] = useState<DigestDeliveryFieldsFragment | null>(null);
  const [finished, setFinished] = useState(0);
  const watched = useWatchedDelivery(digest.id, queued, () => {
    setFinished((n) => n + 1);
    onDeliveryFinished();
  });
  const sending = !!queued && !isDeliveryDone(watched.delivery?.status) && !watched.gaveUp;
  // What Send now queued, while it is newest; otherwise the digest's own last delivery.
  const last = digest.lastDelivery;
  const shown = watched.delivery && (!last || Number(last.id) <= Number(watched.delivery.id)) ? watched.delivery : last;
  const headingId = `digest-${digest.id}-h`;
  const open = (p: Panel) => setPanel(panel === p ? null : p);
  return (
    <article className="digest-item" aria-labelledby={headingId}>
      <header className="digest-head">
        <h3 id={headingId}>{digest.name}</h3>
        <span className="badge">{channelLabels[digest.channel]}</span>
        <span className="badge">{scheduleLabels[digest.schedule].split(' (')[0]}</span>
      </header>
      <dl className="digest-facts">
        <div>
          <dt>To</dt>
          <dd className="digest-target">{digest.target}</dd>
        </div>
        <div>
          <dt>Reports</dt>
          <dd>{filterSummary(digest.filter, known)}</dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd>
            {scheduleLabels[digest.schedule]} · next <Timestamp value={digest.nextRunAt} />
          </dd>
        </div>
        {digest.createdBy?.name && (
          <div>
            <dt>Created by</dt>
            <dd>
              {digest.createdBy.name}, <Timestamp value={digest.createdAt} date />{' '}
              <span className="muted small">(its numbers are read as this admin)</span>
            </dd>
          </div>
        )}
      </dl>
      <DeliveryLine delivery={shown} />
      {sending && (
        <p className="muted small" aria-live="polite">
          Sending… checking every few seconds.
        </p>
      )}
      {watched.gaveUp && (
        <p className="muted small" role="status">
          Still not sent after a minute. It is being retried in the background; open Deliveries later to see how it ended.
        </p>
      )}
      {watched.pollError && <p className="muted small">Lost touch with the server; still trying…</p>}
      {send.errors._form && <div className="banner error">{send.errors._form}</div>}
      <div className="button-row digest-actions">
        <button
          type="button"
          className="primary"
          disabled={send.busy || sending}
          onClick={async () => {
            const data = await send.submit({ id: digest.id });
            if (data) setQueued(data.sendDigest);
          }}
        >
          {sending ? 'Sending…' : 'Send now'}
        </button>
        <button type="button" aria-expanded={panel === 'history'} onClick={() => open('history')}>
          Deliveries
        </button>
        <button type="button" className="link-button" aria-expanded={panel === 'delete'} onClick={() => open('delete')}>
          Delete
        </button>
      </div>
      {panel === 'history' && <DigestDeliveries digestId={digest.id} digestName={digest.name} refresh={finished} />}
      {panel === 'delete' && (
        <ConfirmDelete
          name={digest.name}
          confirmLabel="Delete digest"
          error={remove.errors._form}
          busy={remove.busy}
          onConfirm={async () => {
            if (await remove.submit({ id: digest.id })) onDeleted(digest.name);
          }}
          onCancel={() => setPanel(null)}
        >
          Delete <strong>{digest.name}</strong>? It is no longer sent, its delivery history goes with it, and a delivery still queued is not
          sent.
        </ConfirmDelete>
      )}
    </article>
  );
}
