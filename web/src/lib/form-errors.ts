import { ApiError } from '../api/client.ts';

export type FormErrors = { fields: Record<string, string>; message: string | null };

export const noFormErrors: FormErrors = { fields: {}, message: null };

// Splits a failed request into messages shown next to the fields this form has, and one message for
// the top of the form (anything the form has no field for, or a non-validation failure).
export function toFormErrors(error: unknown, knownFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) {
    return { fields: {}, message: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const fields: Record<string, string> = {};
  const leftovers: string[] = [];
  for (const fieldError of error.fieldErrors) {
    if (knownFields.includes(fieldError.field) && !fields[fieldError.field]) {
      fields[fieldError.field] = fieldError.message;
    } else {
      leftovers.push(fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message);
    }
  }
  const hasFieldErrors = Object.keys(fields).length > 0;
  const message = leftovers.length > 0 ? leftovers.join(' ') : hasFieldErrors ? null : error.message;
  return { fields, message };
}

export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  // Messages are often followed by more text, so make sure each one ends like a sentence.
  return /[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`;
}
