import { useEffect, useId, useRef } from 'react';
import { Timestamp } from '../../../app/ui/Timestamp';
import type { MergeRow, MergeView } from '../transforms/incidentMerge';
import type { MergeChoice } from '../transforms/mergeEdits';

export interface IncidentMergePanelProps<K extends string> {
  view: MergeView<K>;
  choices: Partial<Record<K, MergeChoice>>;
  /** The version the merge is saved against. */
  latest: { version: number; updatedAt: string };
  saving: boolean;
  reloading: boolean;
  onChoose: (field: K, choice: MergeChoice) => void;
  onSave: () => void;
  onReload: () => void;
  /** What was edited, in the sentences: "incident" (the default) or e.g. "review". */
  subject?: string;
  /** The form below the panel, in the explanation (default "The form below"). */
  formName?: string;
}

function ChangeList<K extends string>({ title, rows, pick }: { title: string; rows: MergeRow<K>[]; pick: (r: MergeRow<K>) => string }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="merge-list">
        {rows.map((r) => (
          <li key={r.field}>
            <strong>{r.label}:</strong> <span className="merge-value muted">{r.original}</span> →{' '}
            <span className="merge-value">{pick(r)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * After a CONFLICT on save: what the other person changed next to the user's edits. Fields both
 * changed get a choice (theirs or yours); everything else merges by itself.
 */
export function IncidentMergePanel<K extends string>({
  view,
  choices,
  latest,
  saving,
  reloading,
  onChoose,
  onSave,
  onReload,
  subject = 'incident',
  formName = 'The form below',
}: IncidentMergePanelProps<K>) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  // The save button is far below: bring the panel into view and to the screen reader.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' });
    ref.current?.focus();
  }, []);
  const open = view.conflicts.filter((r) => !choices[r.field]).length;
  const choice = (r: MergeRow<K>, side: MergeChoice) => {
    const label = side === 'theirs' ? 'Take theirs' : 'Keep yours';
    return (
      <td className={`merge-option${choices[r.field] === side ? ' chosen' : ''}`}>
        <label className="checkbox">
          <input
            type="radio"
            name={`merge-${r.field}`}
            aria-label={`${label} for ${r.label}`}
            checked={choices[r.field] === side}
            onChange={() => onChoose(r.field, side)}
          />
          {label}
        </label>
        <div className="merge-value">{side === 'theirs' ? r.theirs : r.mine}</div>
      </td>
    );
  };
  return (
    <section ref={ref} className="banner warning merge-panel" aria-labelledby={headingId} tabIndex={-1}>
      <p id={headingId} role="alert">
        <strong>Someone else changed this {subject} after you opened it.</strong> Your change was not saved, so nothing of theirs was
        overwritten.
      </p>
      <p className="small">
        Their version ({latest.version}) was saved <Timestamp value={latest.updatedAt} />. {formName} now shows it with your edits on top;
        for each field you both changed, choose which value to keep, then save.
      </p>
      {view.conflicts.length > 0 && (
        <>
          <h3>You both changed {view.conflicts.length === 1 ? 'this field' : `these ${view.conflicts.length} fields`} — choose one</h3>
          <table className="data-table merge-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Their version</th>
                <th scope="col">Your version</th>
              </tr>
            </thead>
            <tbody>
              {view.conflicts.map((r) => (
                <tr key={r.field}>
                  <th scope="row">
                    {r.label}
                    <span className="hint">was: {r.original}</span>
                  </th>
                  {choice(r, 'theirs')}
                  {choice(r, 'mine')}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ChangeList title="Only they changed (kept as they saved it)" rows={view.theirs} pick={(r) => r.theirs} />
      <ChangeList title="Only you changed (kept, saved with the merge)" rows={view.mine} pick={(r) => r.mine} />
      <div className="button-row merge-actions">
        <button type="button" className="primary" onClick={onSave} disabled={saving || reloading || open > 0}>
          {saving ? 'Saving…' : 'Save merged version'}
        </button>
        <button type="button" onClick={onReload} disabled={saving || reloading}>
          {reloading ? 'Reloading…' : `Reload ${subject}`}
        </button>
        <span className="muted small">Reloading discards your edits and shows their version.</span>
      </div>
      {open > 0 && (
        <p className="hint">
          Choose theirs or yours for {open === 1 ? 'the field' : `each of the ${open} fields`} you both changed to save.
        </p>
      )}
    </section>
  );
}
