import { Select } from '../../ui/Select.tsx';

type FilterSelectProps = {
  id: string;
  /** The accessible name (visually hidden: the toolbar shows the options). */
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The first option, meaning "no filter" (value ""); omit it when a choice is always made (sort). */
  allLabel?: string;
  onChange: (value: string) => void;
  testId?: string;
};

// One filter of an admin list toolbar (`.admin-filters`): a labelled select whose first option clears it.
export function FilterSelect({ id, label, value, options, allLabel, onChange, testId }: FilterSelectProps) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <Select id={id} className="admin-filters__select" data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </>
  );
}
