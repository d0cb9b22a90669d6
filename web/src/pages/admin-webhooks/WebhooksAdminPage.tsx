import { Link, useNavigate } from 'react-router';
import { deleteWebhook, listWebhooks } from '../../api/webhooks.ts';
import type { WebhookEndpoint } from '../../api/webhooks.ts';
import { formatDate } from '../../lib/format.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { editAndDeleteActions, RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { DisabledWebhooksNotice } from './DisabledWebhooksBanner.tsx';
import { WebhookFormDialog } from './WebhookFormDialog.tsx';
import { WebhookStatusBadge } from './WebhookStatusBadge.tsx';
import './webhooks.css';

export function WebhooksAdminPage() {
  const toast = useToast();
  const navigate = useNavigate();
  const endpoints = useAdminCollection<WebhookEndpoint>(listWebhooks, (endpoint) => deleteWebhook(endpoint.id));

  // The dialog stays open after creating an endpoint, to show its secret once, and closes itself.
  const onSaved = (saved: WebhookEndpoint) => {
    const { secret: _secret, ...summary } = saved as WebhookEndpoint & { secret?: string };
    endpoints.upsert(summary);
    toast.show({ message: endpoints.editing === null ? 'Endpoint added' : 'Endpoint saved' });
  };

  const remove = async () => {
    if (await endpoints.confirmDelete()) toast.show({ message: 'Endpoint deleted' });
  };

  return (
    <>
      <AdminPageHeader
        title="Webhooks"
        description="Send signed events to your own services when feedback arrives, changes status or ships. See the README for how to verify signatures."
        actions={
          <Button variant="primary" onClick={() => endpoints.openForm(null)}>
            <PlusIcon size={16} /> New endpoint
          </Button>
        }
      />
      <DisabledWebhooksNotice endpoints={endpoints.items} />
      <CollectionTable
        state={endpoints}
        count={endpoints.items.length}
        empty={{
          title: 'No webhook endpoints',
          description: 'Add an endpoint to push new posts, votes, comments and status changes to Slack, a CRM or your own code.',
        }}
        columns={[{ label: 'Endpoint' }, { label: 'Events' }, { label: 'Status' }, { label: 'Created' }]}
      >
        {endpoints.items.map((endpoint) => (
          <tr key={endpoint.id} data-testid="webhook-row">
            <td>
              <Link to={`/admin/webhooks/${endpoint.id}`} className="table__primary webhook-url">{endpoint.url}</Link>
              {endpoint.description ? <div className="subtle">{endpoint.description}</div> : null}
            </td>
            <td className="muted">{endpoint.eventTypes.length === 0 ? 'All events' : endpoint.eventTypes.join(', ')}</td>
            <td><WebhookStatusBadge endpoint={endpoint} /></td>
            <td className="muted">{formatDate(endpoint.createdAt)}</td>
            <RowActions
              subject={endpoint.url}
              actions={[{ label: 'Deliveries', onClick: () => navigate(`/admin/webhooks/${endpoint.id}`) }, ...editAndDeleteActions(endpoints, endpoint)]}
            />
          </tr>
        ))}
      </CollectionTable>
      <WebhookFormDialog isOpen={endpoints.isFormOpen} endpoint={endpoints.editing} onClose={endpoints.closeForm} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={endpoints.deleting !== null}
        title="Delete this endpoint?"
        message={`Events stop going to ${endpoints.deleting?.url ?? ''} and its delivery log is deleted.`}
        confirmLabel="Delete endpoint"
        onConfirm={remove}
        onClose={endpoints.cancelDelete}
      />
    </>
  );
}
