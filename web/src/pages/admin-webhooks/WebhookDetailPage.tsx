import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getWebhook, revealWebhookSecret, rotateWebhookSecret, sendTestWebhook, setWebhookEnabled } from '../../api/webhooks.ts';
import type { WebhookEndpoint } from '../../api/webhooks.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { SecretBox } from './SecretBox.tsx';
import { WebhookFormDialog } from './WebhookFormDialog.tsx';
import { WebhookStatusBadge } from './WebhookStatusBadge.tsx';
import './webhooks.css';

type ShownSecret = { title: string; secret: string; previous: { secret: string; until: string } | null };

export function WebhookDetailPage() {
  const { endpointId = '' } = useParams();
  const toast = useToast();
  const { data: endpoint, error, setData, reload } = useAsync((signal) => getWebhook(endpointId, signal), [endpointId]);
  const [refreshKey, setRefreshKey] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingRotate, setIsConfirmingRotate] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!endpoint) return <LoadingBlock />;

  const act = async (name: string, run: () => Promise<void>) => {
    setBusy(name);
    try {
      await run();
    } catch (failure) {
      toast.show({ tone: 'error', message: describeError(failure) });
    } finally {
      setBusy(null);
    }
  };
  const keep = (updated: WebhookEndpoint) => setData(updated);

  const sendTest = () => act('test', async () => {
    const delivery = await sendTestWebhook(endpoint.id);
    setRefreshKey((k) => k + 1);
    const answer = delivery.responseStatus !== null ? `answered HTTP ${delivery.responseStatus}` : delivery.lastError ?? 'did not answer';
    toast.show({ tone: delivery.status === 'delivered' ? 'success' : 'error', message: `Test event sent: the endpoint ${answer}.` });
    keep(await getWebhook(endpoint.id));
  });
  const toggle = () => act('toggle', async () => keep(await setWebhookEnabled(endpoint.id, !endpoint.enabled)));
  const reveal = () => act('reveal', async () => {
    const secret = await revealWebhookSecret(endpoint.id);
    setShown({
      title: 'Signing secret',
      secret: secret.secret,
      previous: secret.previousSecret && secret.previousSecretExpiresAt ? { secret: secret.previousSecret, until: secret.previousSecretExpiresAt } : null,
    });
  });
  const rotate = () => act('rotate', async () => {
    const rotated = await rotateWebhookSecret(endpoint.id);
    const { secret, ...summary } = rotated;
    keep(summary);
    setShown({ title: 'New signing secret', secret, previous: null });
  });

  return (
    <>
      <Link to="/admin/webhooks" className="webhook-back"><ArrowLeftIcon size={16} /> Webhooks</Link>
      <AdminPageHeader
        title={endpoint.description || 'Webhook endpoint'}
        description={<code className="webhook-url">{endpoint.url}</code>}
        actions={
          <>
            <Button onClick={sendTest} isLoading={busy === 'test'} disabled={!endpoint.enabled}>Send test event</Button>
            <Button onClick={() => setIsEditing(true)}>Edit</Button>
            <Button variant={endpoint.enabled ? 'ghost' : 'primary'} onClick={toggle} isLoading={busy === 'toggle'}>
              {endpoint.enabled ? 'Disable' : 'Enable'}
            </Button>
          </>
        }
      />
      {!endpoint.enabled && endpoint.disabledReason !== 'manual' ? (
        <Alert tone="warning" title="This endpoint was disabled automatically">
          {endpoint.disabledDetail} Events are not sent to it. Enable it once the receiver works, then replay what it missed.
        </Alert>
      ) : null}
      <section className="card admin-section webhook-meta">
        <div>
          <WebhookStatusBadge endpoint={endpoint} />{' '}
          <span className="muted">{endpoint.eventTypes.length === 0 ? 'All events' : endpoint.eventTypes.join(', ')}</span>
        </div>
        <div className="webhook-meta__secret">
          <span>Secret <code>{endpoint.secretHint}</code></span>
          {endpoint.previousSecretExpiresAt ? (
            <span className="subtle">The previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}.</span>
          ) : null}
          <Button size="sm" variant="ghost" onClick={reveal} isLoading={busy === 'reveal'}>Reveal</Button>
          <Button size="sm" variant="ghost" onClick={() => setIsConfirmingRotate(true)} isLoading={busy === 'rotate'}>Rotate</Button>
        </div>
      </section>
      <section className="card admin-section">
        <h2 className="admin-section__title">Delivery log</h2>
        <DeliveryLog endpointId={endpoint.id} canReplay={endpoint.enabled} refreshKey={refreshKey} />
      </section>
      <WebhookFormDialog isOpen={isEditing} endpoint={endpoint} onClose={() => setIsEditing(false)} onSaved={keep} />
      <ConfirmDialog
        isOpen={isConfirmingRotate}
        title="Rotate the signing secret?"
        message="A new secret signs from now on. The current one keeps signing too for 24 hours, so you can update your receiver without missing events."
        confirmLabel="Rotate secret"
        tone="primary"
        onConfirm={rotate}
        onClose={() => setIsConfirmingRotate(false)}
      />
      <Modal isOpen={shown !== null} onClose={() => setShown(null)} title={shown?.title ?? ''}>
        {shown ? (
          <div className="stack">
            <SecretBox secret={shown.secret} />
            {shown.previous ? (
              <>
                <p className="subtle">Previous secret, still signing until {formatDateTime(shown.previous.until)}:</p>
                <SecretBox secret={shown.previous.secret} label="Previous signing secret" />
              </>
            ) : null}
            <div className="form-actions">
              <Button variant="primary" onClick={() => setShown(null)}>Done</Button>
            </div>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
