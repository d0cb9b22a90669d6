import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { SearchIcon } from './icons.tsx';
import { Input } from './Input.tsx';

type SearchInputProps = {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  placeholder?: string;
  delayMs?: number;
  testId?: string;
};

// Typing is local and immediate; onSearch fires once the user pauses, so a list is not refetched per keystroke.
export function SearchInput({ label, value, onSearch, placeholder = 'Search…', delayMs = 300, testId }: SearchInputProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, delayMs);
  const [seenValue, setSeenValue] = useState(value);

  // An outside change ("clear filters") must show in the box; our own debounced echo must not.
  if (value !== seenValue) {
    setSeenValue(value);
    if (value !== debounced.trim()) setText(value);
  }

  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
    // Only the debounced text triggers a search; `value` changing is the echo of that search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <div className="search-input">
      <SearchIcon size={15} className="search-input__icon" />
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <Input
        id={id}
        type="search"
        placeholder={placeholder}
        data-testid={testId}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
