import { useState } from 'react';
import { SearchInput } from '../../ui/SearchInput.tsx';

type EmptyText = { title: string; description: string };

type CollectionSearchOptions = {
  /** The accessible name of the search field. */
  label: string;
  placeholder: string;
  /** The empty state without a search, and the one when nothing matches it. */
  empty: EmptyText;
  noMatch: EmptyText;
};

// The search an admin list table filters by (companies, people): the query to load with, the field
// for `CollectionTable`'s toolbar (it debounces typing) and the empty state that fits the query.
export function useCollectionSearch({ label, placeholder, empty, noMatch }: CollectionSearchOptions) {
  const [query, setQuery] = useState('');
  return {
    query,
    toolbar: <SearchInput label={label} value={query} onSearch={setQuery} placeholder={placeholder} />,
    empty: query ? noMatch : empty,
  };
}
