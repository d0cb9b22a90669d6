import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { deleteWebhook, listWebhooks } from '../../api/webhooks.ts';
import type { WebhookEndpoint } from '../../api/webhooks.ts';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { RowActions } from '../admin-layout/RowActions.tsx';
import { DisabledWebhooksNotice } from './DisabledWebhooksBanner.tsx';
import { WebhookFormDialog } from './WebhookFormDialog.tsx';
import { WebhookStatusBadge } from './WebhookStatusBadge.tsx';
import './webhooks.css';

export function WebhooksAdminPage() {
  const toast = useToast();
  const navigate = useNavigate();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listWebhooks(signal).then((list) => list.items), []);
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const endpoints = data ?? [];

  const upsert = (saved: WebhookEndpoint) =>
    setData((current = []) => (current.some((e) => e.id === saved.id) ? current.map((e) => (e.id === saved.id ? saved : e)) : [...current, saved]));

  const remove = async (endpoint: WebhookEndpoint) => {
    await deleteWebhook(endpoint.id);
    setData((current = []) => current.filter((e) => e.id !== endpoint.id));
    toast.show({ message: 'Endpoint deleted' });
  };

  return (
    <>
      <AdminPageHeader
        title="Webhooks"
        description="Send signed events to your own services when feedback arrives, changes status or ships. See the README for how to verify signatures."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            <PlusIcon size={16} /> New endpoint
          </Button>
        }
      />
      <DisabledWebhooksNotice endpoints={endpoints} />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {data && endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints" description="Add an endpoint to push new posts, votes, comments and status changes to Slack, a CRM or your own code." />
        ) : null}
        {endpoints.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id} data-testid="webhook-row">
                  <td>
                    <Link to={`/admin/webhooks/${endpoint.id}`} className="table__primary webhook-url">{endpoint.url}</Link>
                    {endpoint.description ? <div className="subtle">{endpoint.description}</div> : null}
                  </td>
                  <td className="muted">{endpoint.eventTypes.length === 0 ? 'All events' : endpoint.eventTypes.join(', ')}</td>
                  <td><WebhookStatusBadge endpoint={endpoint} /></td>
                  <td className="muted">{formatDate(endpoint.createdAt)}</td>
                  <td>
                    <RowActions
                      subject={endpoint.url}
                      actions={[
                        { label: 'Deliveries', onClick: () => navigate(`/admin/webhooks/${endpoint.id}`) },
                        { label: 'Edit', onClick: () => setEditing(endpoint) },
                        { label: 'Delete', onClick: () => setDeleting(endpoint) },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <WebhookFormDialog
        isOpen={editing !== null}
        endpoint={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const { secret: _secret, ...summary } = saved as WebhookEndpoint & { secret?: string };
          upsert(summary);
          toast.show({ message: editing === 'new' ? 'Endpoint added' : 'Endpoint saved' });
        }}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete this endpoint?"
        message={`Events stop going to ${deleting?.url ?? ''} and its delivery log is deleted.`}
        confirmLabel="Delete endpoint"
        onConfirm={() => (deleting ? remove(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
