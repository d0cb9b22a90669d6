import { RetryAlert } from '../../ui/RetryAlert.tsx';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="admin-section">
      <RetryAlert title="This could not be loaded" error={error} onRetry={onRetry} />
    </div>
  );
}
