// Column types shared by the table definitions.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
// numeric comes back from pg as a string; we parse it in presenters
export type Numeric = ColumnType<string, number | string | undefined, number | string>;
