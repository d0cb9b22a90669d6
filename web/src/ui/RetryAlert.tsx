import { describeError } from '../lib/form-errors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';

// What a page shows when loading failed: what went wrong, and a way to try again.
export function RetryAlert({ title, error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert title={title}>
      {describeError(error)}{' '}
      {onRetry ? (
        <Button size="sm" variant="ghost" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </Alert>
  );
}
