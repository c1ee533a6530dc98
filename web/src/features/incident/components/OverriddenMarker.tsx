export interface OverriddenMarkerProps {
  /** The field's label, for screen readers. */
  label: string;
  /** What the source says, as text (what a reset brings back). */
  sourceValue?: string;
  /** Without it (a reader who cannot edit) only "edited here" shows. */
  onReset?: () => void;
  disabled?: boolean;
  /** Why resetting is not possible now (e.g. unsaved changes). */
  disabledReason?: string;
}

/** A field someone edited in Hindsight: later syncs leave it alone until it is reset to the source's value. */
export function OverriddenMarker({ label, sourceValue, onReset, disabled, disabledReason }: OverriddenMarkerProps) {
  return (
    <span className="overridden-marker" title="Edited in Hindsight: syncs no longer change this field.">
      edited here
      {sourceValue && <span className="muted"> · source: {sourceValue}</span>}
      {onReset && (
        <>
          {' · '}
          <button
            type="button"
            className="link-button"
            aria-label={`${label}: reset to source`}
            disabled={disabled}
            title={disabled ? disabledReason : 'Take the source’s value again; later syncs refresh it.'}
            onClick={onReset}
          >
            reset to source
          </button>
        </>
      )}
    </span>
  );
}
