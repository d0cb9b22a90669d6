import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { logIn } from '../../api/session.ts';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { safeReturnTo } from '../../lib/return-to.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { AuthLayout } from '../auth-layout/AuthLayout.tsx';

export function LoginPage() {
  usePageTitle('Team sign in');
  const { isMember, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'), '/admin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState(noFormErrors);
  const [isWorking, setIsWorking] = useState(false);

  if (isMember && !isWorking) return <Navigate to={returnTo} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsWorking(true);
    setErrors(noFormErrors);
    try {
      await logIn({ email: email.trim(), password });
      await refresh();
      navigate(returnTo, { replace: true });
    } catch (error) {
      setErrors(
        isApiError(error, 401)
          ? { fields: {}, message: 'That email and password do not match a team account.' }
          : toFormErrors(error, ['email', 'password']),
      );
      setIsWorking(false);
    }
  };

  return (
    <AuthLayout
      title="Team sign in"
      lead="Sign in to triage feedback and manage your boards."
      footer={<Link to="/">← Back to the feedback portal</Link>}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Email" error={errors.fields.email}>
          {(control) => (
            <Input
              {...control}
              data-testid="login-email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={errors.fields.password}>
          {(control) => (
            <Input
              {...control}
              data-testid="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {errors.message ? <Alert>{errors.message}</Alert> : null}
        <Button type="submit" variant="primary" isLoading={isWorking} data-testid="login-submit">
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
