import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';

type IdentityFieldsProps = {
  name: string;
  email: string;
  onNameChange: (value: string) => void;
  onEmailChange: (value: string) => void;
  errors: Record<string, string>;
  autoFocus?: boolean;
};

// Name + email for visitors who are not signed in; used by the submit form and the identify dialog.
export function IdentityFields({ name, email, onNameChange, onEmailChange, errors, autoFocus }: IdentityFieldsProps) {
  return (
    <div className="form-grid">
      <Field label="Your name" error={errors.name}>
        {(control) => (
          <Input
            {...control}
            data-testid="identify-name-input"
            autoComplete="name"
            required
            autoFocus={autoFocus}
            value={name}
            onChange={(event) => onNameChange(event.target.value)}
          />
        )}
      </Field>
      <Field label="Email" error={errors.email}>
        {(control) => (
          <Input
            {...control}
            data-testid="identify-email-input"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => onEmailChange(event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
