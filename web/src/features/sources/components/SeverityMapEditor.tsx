import { useId } from 'react';
import type { Severity } from '../../../gql/graphql';
import { addSeverityRow, removeSeverityRow, severityChoices, updateSeverityRow, type SourceFormValues } from '../transforms/sourceForm';

export interface SeverityMapEditorProps {
  values: SourceFormValues;
  hint: string;
  error?: string;
  disabled?: boolean;
  onChange: (values: SourceFormValues) => void;
}

/** Rows of "vendor value → severity"; blank rows are dropped when saved. */
export function SeverityMapEditor({ values, hint, error, disabled, onChange }: SeverityMapEditorProps) {
  const id = useId();
  return (
    <fieldset className={`severity-map${error ? ' has-error' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>Severity map</legend>
      <span id={`${id}-hint`} className="hint">
        {hint} Compared without case; anything else gets the default severity.
      </span>
      {values.severityRows.length > 0 && (
        <ol className="severity-rows">
          {values.severityRows.map((r, i) => (
            <li key={r.key}>
              <input
                type="text"
                aria-label={`Vendor value ${i + 1}`}
                value={r.from}
                disabled={disabled}
                onChange={(e) => onChange(updateSeverityRow(values, r.key, { from: e.target.value }))}
              />
              <span aria-hidden="true">→</span>
              <select
                aria-label={`Severity for vendor value ${i + 1}`}
                value={r.to}
                disabled={disabled}
                onChange={(e) => onChange(updateSeverityRow(values, r.key, { to: e.target.value as Severity }))}
              >
                {severityChoices.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                aria-label={`Remove ${r.from.trim() || `row ${i + 1}`}`}
                onClick={() => onChange(removeSeverityRow(values, r.key))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" disabled={disabled} onClick={() => onChange(addSeverityRow(values))}>
        Add a row
      </button>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
