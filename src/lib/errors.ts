// One error family for the whole app (docs/ARCHITECTURE.md "Errors"). The domain throws AppError with
// a code; the HTTP error handler maps the code's kind to a status. Validation errors are field-keyed
// so forms can show them next to the field.

export type FieldError = { field: string; message: string };

export type ErrorKind =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'gone' // 410
  | 'too_large' // 413
  | 'rate_limited'; // 429

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly errors: FieldError[] | undefined;

  constructor(kind: ErrorKind, code: string, message: string, errors?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.errors = errors;
  }
}

export const notFound = (what: string, code = `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`) =>
  new AppError('not_found', code, `${what} not found`);

export const invalid = (field: string, message: string, code = 'validation_failed') =>
  new AppError('validation', code, message, [{ field, message }]);

export const forbidden = (message = 'You are not allowed to do this', code = 'forbidden') =>
  new AppError('forbidden', code, message);

export const unauthenticated = (message = 'Sign in to continue', code = 'unauthenticated') =>
  new AppError('unauthenticated', code, message);

export const conflict = (code: string, message: string, errors?: FieldError[]) =>
  new AppError('conflict', code, message, errors);
