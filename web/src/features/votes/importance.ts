import type { Importance } from '../../api/types.ts';

// 1 is what a vote gets when nobody says otherwise (the server's default), so it reads "Normal".
export const defaultImportance: Importance = 1;

export const importanceLevels: Array<{ value: Importance; label: string }> = [
  { value: 0, label: 'Low' },
  { value: 1, label: 'Normal' },
  { value: 2, label: 'Important' },
  { value: 3, label: 'Critical' },
];

export function describeImportance(value: Importance): string {
  return importanceLevels.find((level) => level.value === value)?.label ?? 'Normal';
}

export function importanceColor(value: Importance): string | null {
  if (value === 3) return 'var(--danger)';
  if (value === 2) return 'var(--warning)';
  return null;
}
