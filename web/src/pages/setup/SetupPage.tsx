import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { checkSetupToken, setupOwner } from '../../api/session.ts';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { describeError, noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AuthLayout } from '../auth-layout/AuthLayout.tsx';

const fields = ['name', 'email', 'password'] as const;

export function SetupPage() {
  usePageTitle('Set up Backboard');
  const { token = '' } = useParams();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const check = useAsync((signal) => checkSetupToken(token, signal), [token]);
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState(noFormErrors);
  const [isWorking, setIsWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsWorking(true);
    setErrors(noFormErrors);
    try {
      await setupOwner({ token, name: values.name.trim(), email: values.email.trim(), password: values.password });
      await refresh();
      navigate('/admin', { replace: true });
    } catch (error) {
      setErrors(toFormErrors(error, fields));
      setIsWorking(false);
    }
  };

  if (check.isLoading) return <LoadingBlock label="Checking your setup link…" />;
  if (check.error) {
    return (
      <AuthLayout title="Setup link not valid" footer={<Link to="/login">Go to team sign in</Link>}>
        <Alert tone={isApiError(check.error, 404) ? 'warning' : 'error'}>
          {isApiError(check.error, 404)
            ? 'This setup link was already used or has expired. If you created the owner account, sign in instead.'
            : describeError(check.error)}
        </Alert>
      </AuthLayout>
    );
  }

  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  return (
    <AuthLayout title="Create the owner account" lead="You are setting up this Backboard. This link works once.">
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Your name" error={errors.fields.name}>
          {(control) => (
            <Input {...control} data-testid="setup-name" autoComplete="name" required autoFocus value={values.name} onChange={set('name')} />
          )}
        </Field>
        <Field label="Email" error={errors.fields.email}>
          {(control) => (
            <Input {...control} data-testid="setup-email" type="email" autoComplete="email" required value={values.email} onChange={set('email')} />
          )}
        </Field>
        <Field label="Password" error={errors.fields.password} hint="At least 10 characters.">
          {(control) => (
            <Input
              {...control}
              data-testid="setup-password"
              type="password"
              autoComplete="new-password"
              required
              value={values.password}
              onChange={set('password')}
            />
          )}
        </Field>
        {errors.message ? <Alert>{errors.message}</Alert> : null}
        <Button type="submit" variant="primary" isLoading={isWorking} data-testid="setup-submit">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
