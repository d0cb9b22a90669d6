import { useState } from 'react';
import { listApiKeys, revokeApiKey } from '../../api/team.ts';
import type { ApiKey } from '../../api/types.ts';
import { formatDate, formatRelativeTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';

const scopeColors = { read: 'var(--success)', write: 'var(--warning)', admin: 'var(--danger)' } as const;

export function ApiKeysAdminPage() {
  const toast = useToast();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listApiKeys(signal).then((page) => page.items), []);
  const [isCreating, setIsCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = data ?? [];

  const revoke = async (key: ApiKey) => {
    await revokeApiKey(key.id);
    setData((current = []) => current.filter((item) => item.id !== key.id));
    toast.show({ message: `Key “${key.name}” revoked` });
  };

  return (
    <>
      <AdminPageHeader
        title="API keys"
        description={
          <>
            Let your servers call the REST API. See the <a href="/api/docs">API reference</a>.
          </>
        }
        actions={
          <Button variant="primary" onClick={() => setIsCreating(true)}>
            <PlusIcon size={16} /> New API key
          </Button>
        }
      />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data && keys.length === 0 ? (
          <EmptyState title="No API keys" description="Create a key to sync feedback from your app, CRM or support tool." />
        ) : null}
        {keys.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="table__primary">{key.name}</td>
                  <td><Badge color={scopeColors[key.scope]}>{key.scope}</Badge></td>
                  <td><code className="subtle">{key.prefix}…</code></td>
                  <td className="muted">{formatDate(key.createdAt)}</td>
                  <td className="muted">{key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : 'Never'}</td>
                  <td>
                    <div className="table__actions">
                      <Button size="sm" variant="ghost" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                        Revoke
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <CreateApiKeyDialog
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(created) => {
          const { key: _secret, ...summary } = created;
          setData((current = []) => [summary, ...current]);
        }}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        message="Requests using this key fail immediately. This cannot be undone."
        confirmLabel="Revoke key"
        onConfirm={() => (revoking ? revoke(revoking) : Promise.resolve())}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
