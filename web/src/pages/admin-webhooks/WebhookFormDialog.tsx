import { useState } from 'react';
import type { FormEvent } from 'react';
import { createWebhook, updateWebhook } from '../../api/webhooks.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType } from '../../api/webhooks.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { eventTypeOptions } from './event-types.ts';
import { SecretBox } from './SecretBox.tsx';

type WebhookFormDialogProps = {
  isOpen: boolean;
  /** null: a new endpoint. */
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onSaved: (endpoint: WebhookEndpoint) => void;
};

export function WebhookFormDialog({ isOpen, endpoint, onClose, onSaved }: WebhookFormDialogProps) {
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  const title = created ? 'Copy the signing secret' : endpoint ? 'Edit endpoint' : 'New webhook endpoint';
  return (
    <Modal isOpen={isOpen} onClose={close} title={title} size="lg">
      {created ? (
        <div className="stack">
          <Alert tone="warning">
            Store this secret with your receiver now: it verifies that requests come from Backboard. Admins can reveal it
            again later from the endpoint page.
          </Alert>
          <SecretBox secret={created.secret} />
          <div className="form-actions">
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <WebhookForm
          key={endpoint?.id ?? 'new'}
          endpoint={endpoint}
          onCancel={close}
          onSaved={(saved) => {
            onSaved(saved);
            if ('secret' in saved) setCreated(saved as WebhookEndpointWithSecret);
            else close();
          }}
        />
      )}
    </Modal>
  );
}

function WebhookForm({ endpoint, onCancel, onSaved }: { endpoint: WebhookEndpoint | null; onCancel: () => void; onSaved: (e: WebhookEndpoint) => void }) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  // The API takes an empty list as "every event type, including ones added in later versions".
  const [isAll, setIsAll] = useState(endpoint ? endpoint.eventTypes.length === 0 : true);
  const [selected, setSelected] = useState<WebhookEventType[]>(endpoint?.eventTypes ?? []);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const toggle = (type: WebhookEventType, isChecked: boolean) =>
    setSelected((current) => (isChecked ? [...current, type] : current.filter((t) => t !== type)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isAll && selected.length === 0) {
      setErrors({ fields: { eventTypes: 'Choose at least one event, or all events.' }, message: null });
      return;
    }
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const input = { url: url.trim(), description: description.trim(), eventTypes: isAll ? [] : selected };
      onSaved(endpoint ? await updateWebhook(endpoint.id, input) : await createWebhook(input));
    } catch (error) {
      setErrors(toFormErrors(error, ['url', 'description', 'eventTypes']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label="Endpoint URL" error={errors.fields.url} hint="Where Backboard POSTs events, e.g. https://example.com/hooks/backboard.">
        {(control) => (
          <Input
            {...control}
            type="url"
            required
            autoFocus
            placeholder="https://"
            value={url}
            data-testid="webhook-url-input"
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <Field label="Description" error={errors.fields.description} hint="Optional: what receives these events.">
        {(control) => <Input {...control} maxLength={500} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <fieldset className="webhook-events">
        <legend className="field__label">Events</legend>
        <CheckboxField
          label="All events"
          hint="Also those added in future versions."
          checked={isAll}
          onChange={setIsAll}
        />
        {!isAll ? (
          <div className="webhook-events__list">
            {eventTypeOptions.map((option) => (
              <CheckboxField
                key={option.value}
                label={<><code>{option.value}</code> <span className="subtle">{option.label}</span></>}
                checked={selected.includes(option.value)}
                onChange={(isChecked) => toggle(option.value, isChecked)}
              />
            ))}
          </div>
        ) : null}
        {errors.fields.eventTypes ? <p className="field__error">{errors.fields.eventTypes}</p> : null}
      </fieldset>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving} data-testid="webhook-save-button">
          {endpoint ? 'Save' : 'Add endpoint'}
        </Button>
      </div>
    </form>
  );
}
