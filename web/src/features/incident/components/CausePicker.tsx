import { useId, useState, type KeyboardEvent } from 'react';
import type { CauseNode } from '../../filters/transforms/groupCauses';
import { toCauseOptions, type CauseOption } from '../transforms/causeOptions';

export interface CausePickerProps {
  label: string;
  causes: readonly CauseNode[];
  excludeIds?: readonly string[];
  disabled?: boolean;
  onSelect: (option: CauseOption) => void;
}

/** Searchable picker over the taxonomy (ARIA combobox: type to filter, arrows to move, Enter to pick). */
export function CausePicker({ label, causes, excludeIds = [], disabled, onSelect }: CausePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = toCauseOptions(causes, query, excludeIds).slice(0, 200);
  const listId = `${id}-list`;

  const choose = (o: CauseOption | undefined) => {
    if (!o) return;
    onSelect(o);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      if (open && options.length) {
        e.preventDefault();
        choose(options[Math.min(active, options.length - 1)]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-opt-${options[active].id}` : undefined}
        placeholder="Type to search the taxonomy…"
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list">
          {options.length === 0 && <li className="muted">No cause matches “{query}”.</li>}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${o.id}`}
              role="option"
              aria-selected={i === active}
              className={`${o.category ? 'cause-option' : 'category-option'}${i === active ? ' active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o)}
            >
              {o.name}
              {o.category ? <span className="muted"> · {o.category}</span> : <span className="muted"> (category)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
