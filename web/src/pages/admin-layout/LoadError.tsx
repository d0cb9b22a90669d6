import { describeError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="admin-section">
      <Alert title="This could not be loaded">
        {describeError(error)}{' '}
        {onRetry ? (
          <Button size="sm" variant="ghost" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
      </Alert>
    </div>
  );
}
