import type { ReactNode } from 'react';

export interface ConfirmDeleteProps {
  /** The thing's name, for the group's label ("Delete Weekly digest"). */
  name: string;
  /** What deleting it does, in a sentence or two. */
  children: ReactNode;
  /** The confirming button's label ("Delete source"). */
  confirmLabel: string;
  error?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The second step of deleting something: what it means, then the red button or "Keep it". */
export function ConfirmDelete({ name, children, confirmLabel, error, busy, onConfirm, onCancel }: ConfirmDeleteProps) {
  return (
    <div className="banner warning" role="group" aria-label={`Delete ${name}`}>
      <p>{children}</p>
      {error && <div className="banner error">{error}</div>}
      <div className="button-row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
