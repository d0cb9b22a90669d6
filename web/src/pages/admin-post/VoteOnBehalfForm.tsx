import { useState } from 'react';
import type { FormEvent } from 'react';
import { addVote } from '../../api/votes.ts';
import type { Importance, VoteResult } from '../../api/types.ts';
import { defaultImportance, importanceLevels } from '../../features/votes/importance.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';

type VoteOnBehalfFormProps = { postId: string; onVoted: (result: VoteResult) => void };

// A customer asked on a call or by email: record their vote under their own identity, marked as added by us.
export function VoteOnBehalfForm({ postId, onVoted }: VoteOnBehalfFormProps) {
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [importance, setImportance] = useState<Importance>(defaultImportance);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      const result = await addVote(postId, {
        voter: { email: email.trim(), name: name.trim() || undefined },
        importance,
      });
      toast.show({ tone: 'success', message: `Vote recorded for ${email.trim()}` });
      setEmail('');
      setName('');
      setImportance(defaultImportance);
      onVoted(result);
    } catch (error) {
      const formErrors = toFormErrors(error, ['voter.email', 'voter.name', 'importance']);
      setErrors(formErrors);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Vote on behalf of a customer">
      <div className="form-grid">
        <Field label="Customer email" error={errors.fields['voter.email']}>
          {(control) => (
            <Input
              {...control}
              data-testid="vote-behalf-email"
              type="email"
              required
              placeholder="customer@company.com"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Name (optional)" error={errors.fields['voter.name']}>
          {(control) => <Input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Importance" error={errors.fields.importance} className="field--wide">
          {(control) => (
            <Select
              {...control}
              data-testid="vote-behalf-importance"
              value={importance}
              onChange={(event) => setImportance(Number(event.target.value) as Importance)}
            >
              {importanceLevels.map((level) => (
                <option key={level.value} value={level.value}>
                  {level.value} – {level.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" isLoading={isSaving} disabled={!email.trim()} data-testid="vote-behalf-submit">
          Add vote
        </Button>
      </div>
    </form>
  );
}
