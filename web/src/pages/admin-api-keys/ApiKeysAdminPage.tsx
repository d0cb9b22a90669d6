import { listApiKeys, revokeApiKey } from '../../api/team.ts';
import type { ApiKey } from '../../api/types.ts';
import { formatDate, formatRelativeTime } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';

const scopeColors = { read: 'var(--success)', write: 'var(--warning)', admin: 'var(--danger)' } as const;

export function ApiKeysAdminPage() {
  const toast = useToast();
  // The server lists the newest key first.
  const keys = useAdminCollection<ApiKey>(listApiKeys, (key) => revokeApiKey(key.id), { insertAt: 'start' });

  const revoke = async () => {
    const revoked = await keys.confirmDelete();
    if (revoked) toast.show({ message: `Key “${revoked.name}” revoked` });
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
          <Button variant="primary" onClick={() => keys.openForm(null)}>
            <PlusIcon size={16} /> New API key
          </Button>
        }
      />
      <CollectionTable
        state={keys}
        count={keys.items.length}
        empty={{ title: 'No API keys', description: 'Create a key to sync feedback from your app, CRM or support tool.' }}
        columns={[{ label: 'Name' }, { label: 'Scope' }, { label: 'Key' }, { label: 'Created' }, { label: 'Last used' }]}
      >
        {keys.items.map((key) => (
          <tr key={key.id}>
            <td className="table__primary">{key.name}</td>
            <td><Badge color={scopeColors[key.scope]}>{key.scope}</Badge></td>
            <td><code className="subtle">{key.prefix}…</code></td>
            <td className="muted">{formatDate(key.createdAt)}</td>
            <td className="muted">{key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : 'Never'}</td>
            <RowActions subject={key.name} actions={[{ label: 'Revoke', onClick: () => keys.askDelete(key) }]} />
          </tr>
        ))}
      </CollectionTable>
      <CreateApiKeyDialog
        isOpen={keys.isFormOpen}
        onClose={keys.closeForm}
        onCreated={(created) => {
          // The dialog stays open to show the secret once; the list keeps only the summary.
          const { key: _secret, ...summary } = created;
          keys.upsert(summary);
        }}
      />
      <ConfirmDialog
        isOpen={keys.deleting !== null}
        title={`Revoke “${keys.deleting?.name ?? ''}”?`}
        message="Requests using this key fail immediately. This cannot be undone."
        confirmLabel="Revoke key"
        onConfirm={revoke}
        onClose={keys.cancelDelete}
      />
    </>
  );
}
