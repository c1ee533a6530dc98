import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

export interface FormFieldProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  /** Shown under the control, before the hint (e.g. "edited here · reset to source"). */
  aside?: ReactNode;
  /** A single input/select/textarea; it receives id and aria attributes. */
  children: ReactElement<Record<string, unknown>>;
}

/** Label, control, hint and the field's own error message, wired together for screen readers. */
export function FormField({ label, error, hint, className, aside, children }: FormFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {aside}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
