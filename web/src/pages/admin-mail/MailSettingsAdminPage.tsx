import { useState } from 'react';
import type { FormEvent } from 'react';
import { getMailSettings, sendTestMail, type MailSettings, type TestMailResult } from '../../api/notifications.ts';
import { useSession } from '../../features/session/session-context.ts';
import { describeError, noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import '../../features/notifications/notifications.css';

function formatDelay(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
}

/** The active mail configuration (from SMTP_URL / MAIL_FROM, password masked) and a test send. */
export function MailSettingsAdminPage() {
  const { data, error } = useAsync((signal) => getMailSettings(signal), []);
  return (
    <>
      <AdminPageHeader title="Mail" description="How Backboard sends email. Configured with environment variables (see README “Notifications and email”)." />
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {!data && !error ? <LoadingBlock label="Loading mail settings…" /> : null}
      {data ? <MailSettingsCard settings={data} /> : null}
      {data ? <TestMailForm /> : null}
    </>
  );
}

function MailSettingsCard({ settings }: { settings: MailSettings }) {
  return (
    <section className="card admin-section" aria-labelledby="mail-config-title" data-testid="mail-settings">
      <h2 id="mail-config-title" className="admin-section__title">
        Active configuration
      </h2>
      {settings.adapter === 'file' ? (
        <Alert tone="warning" title="No mail server configured">
          Emails are written as .eml files to <code>{settings.directory}</code>. Set <code>SMTP_URL</code> to send real email.
        </Alert>
      ) : null}
      <dl className="mail-settings">
        <dt>Transport</dt>
        <dd>{settings.adapter === 'smtp' ? 'SMTP' : `.eml files in ${settings.directory}`}</dd>
        {settings.smtp ? (
          <>
            <dt>Host</dt>
            <dd>{settings.smtp.host}</dd>
            <dt>Port</dt>
            <dd>
              {settings.smtp.port} {settings.smtp.secure ? '(TLS)' : '(STARTTLS when offered)'}
            </dd>
            <dt>User</dt>
            <dd>{settings.smtp.user ?? '—'}</dd>
            <dt>Password</dt>
            <dd>{settings.smtp.password ?? '—'}</dd>
          </>
        ) : null}
        <dt>From</dt>
        <dd>{settings.from}</dd>
        <dt>Retries</dt>
        <dd>
          {settings.retry.maxAttempts} attempts, waiting {settings.retry.scheduleMs.slice(0, 4).map(formatDelay).join(', ')} … up to {formatDelay(settings.retry.maxMs)} (±50 %)
        </dd>
      </dl>
    </section>
  );
}

function TestMailForm() {
  const { me } = useSession();
  const [to, setTo] = useState(me.member?.email ?? '');
  const [errors, setErrors] = useState(noFormErrors);
  const [result, setResult] = useState<TestMailResult | null>(null);
  const [isSending, setIsSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSending(true);
    setErrors(noFormErrors);
    setResult(null);
    try {
      setResult(await sendTestMail(to.trim()));
    } catch (error) {
      setErrors(toFormErrors(error, ['to']));
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="card admin-section stack" onSubmit={submit} noValidate aria-labelledby="mail-test-title">
      <h2 id="mail-test-title" className="admin-section__title">
        Send a test message
      </h2>
      <Field label="Send to" error={errors.fields.to}>
        {(control) => <Input {...control} type="email" value={to} onChange={(event) => setTo(event.target.value)} data-testid="mail-test-to" />}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      {result?.ok ? (
        <Alert tone="success" title="Sent">
          <span className="mail-test__result" data-testid="mail-test-result">
            {result.location ? `Written to ${result.location}` : `Accepted by the mail server as ${result.messageId}`}
          </span>
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Alert title="The mail server refused the message">
          <span className="mail-test__result" data-testid="mail-test-error">
            {result.error}
          </span>
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={isSending} disabled={!to.trim()} data-testid="mail-test-send">
          Send test message
        </Button>
      </div>
    </form>
  );
}
