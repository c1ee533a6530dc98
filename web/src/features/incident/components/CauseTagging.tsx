import { Timestamp } from '../../../app/ui/Timestamp';
import type { CauseNode } from '../../filters/transforms/groupCauses';
import { CausePicker } from './CausePicker';

interface Tag {
  cause: { id: string; name: string; parent?: { id: string; name: string } | null };
  state: string;
  setBy?: string | null;
  setAt: string;
  confirmedBy?: string | null;
  confirmedAt?: string | null;
}

export interface CauseTaggingProps {
  primary: Tag | null | undefined;
  contributing: readonly Tag[];
  causes: readonly CauseNode[];
  canEdit: boolean;
  busy: boolean;
  onSetPrimary: (causeId: string | null) => void;
  onSetContributing: (causeIds: string[]) => void;
  onConfirm: (causeId: string) => void;
}

function TagLine({
  tag,
  canEdit,
  busy,
  onConfirm,
  onRemove,
}: {
  tag: Tag;
  canEdit: boolean;
  busy: boolean;
  onConfirm: () => void;
  onRemove: () => void;
}) {
  return (
    <div className="tag-line">
      <span className="tag-name">
        {tag.cause.parent && <span className="muted">{tag.cause.parent.name} › </span>}
        {tag.cause.name}
      </span>
      <span className={`badge tag-${tag.state.toLowerCase()}`}>{tag.state.toLowerCase()}</span>
      <span className="muted small">
        set by {tag.setBy ?? 'unknown'} <Timestamp value={tag.setAt} />
        {tag.confirmedAt && (
          <>
            {' '}
            · confirmed by {tag.confirmedBy ?? 'unknown'} <Timestamp value={tag.confirmedAt} />
          </>
        )}
      </span>
      {canEdit && (
        <span className="tag-actions">
          {tag.state === 'PROPOSED' && (
            <button type="button" onClick={onConfirm} disabled={busy}>
              Confirm
            </button>
          )}
          <button type="button" className="link-button" onClick={onRemove} disabled={busy} aria-label={`Remove ${tag.cause.name}`}>
            Remove
          </button>
        </span>
      )}
    </div>
  );
}

export function CauseTagging({
  primary,
  contributing,
  causes,
  canEdit,
  busy,
  onSetPrimary,
  onSetContributing,
  onConfirm,
}: CauseTaggingProps) {
  const taggedIds = [primary?.cause.id, ...contributing.map((c) => c.cause.id)].filter((x): x is string => !!x);
  return (
    <div className="cause-tagging">
      <h3>Primary cause</h3>
      {primary ? (
        <TagLine
          tag={primary}
          canEdit={canEdit}
          busy={busy}
          onConfirm={() => onConfirm(primary.cause.id)}
          onRemove={() => onSetPrimary(null)}
        />
      ) : (
        <p className="muted">Not tagged yet.</p>
      )}
      {canEdit && (
        <CausePicker
          label={primary ? 'Replace primary cause' : 'Propose a primary cause'}
          causes={causes}
          excludeIds={taggedIds}
          disabled={busy}
          onSelect={(o) => onSetPrimary(o.id)}
        />
      )}
      <h3>Contributing factors</h3>
      {contributing.length === 0 && <p className="muted">None recorded.</p>}
      {contributing.map((t) => (
        <TagLine
          key={t.cause.id}
          tag={t}
          canEdit={canEdit}
          busy={busy}
          onConfirm={() => onConfirm(t.cause.id)}
          onRemove={() => onSetContributing(contributing.filter((c) => c.cause.id !== t.cause.id).map((c) => c.cause.id))}
        />
      ))}
      {canEdit && (
        <CausePicker
          label="Add a contributing factor"
          causes={causes}
          excludeIds={taggedIds}
          disabled={busy}
          onSelect={(o) => onSetContributing([...contributing.map((c) => c.cause.id), o.id])}
        />
      )}
      {canEdit && <p className="hint">New tags are proposed; a reviewer confirms them. Metrics count tags in either state.</p>}
    </div>
  );
}
