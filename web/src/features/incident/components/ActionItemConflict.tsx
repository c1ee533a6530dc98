import { useEffect, useRef } from 'react';
import type { ActionItemConflictRow } from '../transforms/actionItemForm';

export interface ActionItemConflictProps {
  /** Fields changed since the user opened the item; null when the item no longer exists. */
  rows: readonly ActionItemConflictRow[] | null;
  saving: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}

/** Someone saved the action item while the user was editing it: their values next to the user's edit. */
export function ActionItemConflict({ rows, saving, onReapply, onDiscard }: ActionItemConflictProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  if (rows === null) {
    return (
      <div ref={ref} className="banner warning" role="alert" tabIndex={-1}>
        <strong>This action item no longer exists,</strong> so your edit cannot be saved. Your values are still in the form below.{' '}
        <button type="button" onClick={onDiscard}>
          Discard my edit
        </button>
      </div>
    );
  }
  const overlap = rows.some((r) => r.both);
  return (
    <div ref={ref} className="banner warning item-conflict" tabIndex={-1}>
      <p role="alert">
        <strong>Someone else changed this action item while you were editing it.</strong> Your edit was not saved.
      </p>
      <table className="data-table compact">
        <caption>Changes since you opened it</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Their current value</th>
            <th scope="col">Your edit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">
                {r.label}
                {r.both && <span className="badge overdue">both changed</span>}
              </th>
              <td>{r.theirs}</td>
              <td>{r.mine ?? <span className="muted">not changed by you</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        The form below now shows their version with your edit on top
        {overlap ? ' (where you both changed a field, your value replaces theirs)' : ''}: that is what re-applying saves. You can adjust it
        first.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={onReapply} disabled={saving}>
          {saving ? 'Saving…' : 'Re-apply my edit'}
        </button>
        <button type="button" onClick={onDiscard} disabled={saving}>
          Discard my edit
        </button>
      </div>
    </div>
  );
}
