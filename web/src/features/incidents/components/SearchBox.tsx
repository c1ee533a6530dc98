import { useEffect, useId, useState } from 'react';

export interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
}

/** Search field that reports after typing pauses, so every keystroke is not a query. */
export function SearchBox({ value, onSearch, delayMs = 300 }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => onSearch(text), delayMs);
    return () => clearTimeout(t);
  }, [text, value, delayMs, onSearch]);
  return (
    <label htmlFor={id} className="search-box">
      Search
      <input id={id} type="search" placeholder="Key, title or summary" value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}
