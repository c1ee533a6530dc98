import { useId, useState } from 'react';
import { userLabel, type UserOption } from '../transforms/actionItemForm';

export interface ReviewerPickerProps {
  users: readonly UserOption[];
  selected: readonly string[];
  error?: string;
  onChange: (ids: string[]) => void;
}

/** Above this many users the list gets a filter box. */
const FILTER_FROM = 8;

/**
 * Reviewers as a list of checkboxes (a native multi-select is hard to use with a keyboard and on a
 * phone); the chosen ones stay listed first so a filter never hides them.
 */
export function ReviewerPicker({ users, selected, error, onChange }: ReviewerPickerProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const chosen = users.filter((u) => selected.includes(u.id));
  const others = users.filter(
    (u) => !selected.includes(u.id) && (!q || userLabel(u).toLowerCase().includes(q) || u.email?.toLowerCase().includes(q)),
  );
  const toggle = (userId: string, on: boolean) =>
    onChange(on ? [...selected, userId].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)) : selected.filter((x) => x !== userId));
  const row = (u: UserOption) => (
    <li key={u.id}>
      <label className="checkbox">
        <input type="checkbox" checked={selected.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
        {userLabel(u)}
        {u.name && u.email && <span className="muted small"> {u.email}</span>}
      </label>
    </li>
  );
  return (
    <fieldset
      className={`reviewer-picker${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Reviewers</legend>
      {users.length > FILTER_FROM && (
        <input
          type="search"
          className="reviewer-filter"
          aria-label="Find a reviewer"
          placeholder="Find a person…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ul className="reviewer-list">
        {chosen.map(row)}
        {others.map(row)}
        {chosen.length + others.length === 0 && <li className="muted small">Nobody matches “{filter}”.</li>}
      </ul>
      <span className="hint">{selected.length === 0 ? 'No reviewers chosen.' : `${selected.length} chosen.`}</span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
