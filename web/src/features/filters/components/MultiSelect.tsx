import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type FocusEvent } from 'react';
import './MultiSelect.css';

export interface MultiSelectOption {
  value: string;
  label: string;
}

export interface MultiSelectGroup {
  label: string;
  options: MultiSelectOption[];
}

export interface MultiSelectProps {
  /** Plural name of what is picked ("Teams"): the button's text and the list's name. */
  label: string;
  /** The choices, in groups (each under its heading) or as one flat list. */
  options: MultiSelectOption[] | MultiSelectGroup[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** A search box above the list from this many choices on. */
  searchFrom?: number;
}

const isGrouped = (o: MultiSelectOption[] | MultiSelectGroup[]): o is MultiSelectGroup[] => o.length > 0 && 'options' in o[0];

/**
 * A disclosure button ("Teams (2)") opening a list of checkboxes, with a search box for long lists
 * and a clear button. Plain buttons and checkboxes, so the keyboard and screen readers work as
 * everywhere else: Tab moves through it, Space ticks, Escape closes and returns to the button.
 */
export function MultiSelect({ label, options, selected, onChange, searchFrom = 8 }: MultiSelectProps) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [alignEnd, setAlignEnd] = useState(false);
  // The list as last changed here, shown (and built on) until new props arrive: the page updates the URL in a
  // transition, so without it a tick would flicker off and a second quick tick would drop the first.
  const [sent, setSent] = useState({ from: selected, list: selected });
  const current = sent.from === selected ? sent.list : selected;
  const change = (next: string[]) => {
    setSent({ from: selected, list: next });
    onChange(next);
  };

  const groups: MultiSelectGroup[] = isGrouped(options) ? options : [{ label: '', options }];
  const total = groups.reduce((n, g) => n + g.options.length, 0);
  const needle = query.trim().toLowerCase();
  const shown = groups
    .map((g) =>
      !needle || g.label.toLowerCase().includes(needle)
        ? g
        : { ...g, options: g.options.filter((o) => o.label.toLowerCase().includes(needle)) },
    )
    .filter((g) => g.options.length > 0);
  const noun = label.toLowerCase();

  const close = (refocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (refocus) button.current?.focus();
  };

  // A pointer press anywhere else closes the list, as a select's would.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // Open towards the left when the list would run past the right edge of the screen.
  useLayoutEffect(() => {
    if (!open || !panel.current || !root.current) return;
    const width = panel.current.getBoundingClientRect().width;
    setAlignEnd(root.current.getBoundingClientRect().left + width > document.documentElement.clientWidth);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation();
    if (query && e.target instanceof HTMLInputElement && e.target.type === 'search') setQuery('');
    else close(true);
  };
  // Tabbing out of the list closes it (a pointer press elsewhere is handled above).
  const onBlur = (e: FocusEvent) => {
    if (open && e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) close(false);
  };

  const toggle = (value: string, on: boolean) => {
    const base = current.filter((v) => v !== value);
    change(on ? [...base, value] : base);
  };

  const checkbox = (o: MultiSelectOption) => (
    <li key={o.value}>
      <label className="checkbox">
        <input type="checkbox" checked={current.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
        {o.label}
      </label>
    </li>
  );

  return (
    <div className="multi-select" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className={`multi-select-button${current.length ? ' has-selection' : ''}`}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {label}
        {current.length > 0 && ` (${current.length})`}
        <span aria-hidden="true" className="multi-select-caret">
          ▾
        </span>
      </button>
      {open && (
        <div id={`${id}-panel`} ref={panel} className={`multi-select-panel${alignEnd ? ' align-end' : ''}`} role="group" aria-label={label}>
          {total >= searchFrom && (
            <input
              type="search"
              className="multi-select-search"
              aria-label={`Search ${noun}`}
              placeholder={`Search ${noun}`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
          <div className="multi-select-options">
            {shown.length === 0 && (
              <p className="muted small">
                No {noun} match “{query.trim()}”.
              </p>
            )}
            {shown.map((g) =>
              g.label ? (
                <fieldset key={g.label}>
                  <legend>{g.label}</legend>
                  <ul>{g.options.map(checkbox)}</ul>
                </fieldset>
              ) : (
                <ul key="">{g.options.map(checkbox)}</ul>
              ),
            )}
          </div>
          <div className="multi-select-actions">
            <button type="button" className="link-button" disabled={current.length === 0} onClick={() => change([])}>
              Clear {noun}
            </button>
            <button type="button" onClick={() => close(true)}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
