import type { SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string;
  label: string;
}

export type ChoiceSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  /** When given, a first choice with the value '' and this label (e.g. "Unassigned"). */
  none?: string;
};

/** A select over a list of choices; FormField passes it its id and aria attributes like any control. */
export function ChoiceSelect({ value, onChange, choices, none, ...rest }: ChoiceSelectProps) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {none !== undefined && <option value="">{none}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
