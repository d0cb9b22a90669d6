import { useState } from 'react';
import { updatePreferences, type Digest, type Preferences, type PreferencesView } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';

type Props = { view: PreferencesView; token?: string | null; onSaved: (view: PreferencesView) => void };

const CATEGORIES: Array<{ key: 'statusUpdates' | 'commentReplies' | 'changelog'; label: string; hint: string }> = [
  { key: 'statusUpdates', label: 'Status changes and team replies', hint: 'When a post you follow is planned, started or shipped, or the team answers on it.' },
  { key: 'commentReplies', label: 'Replies to my comments', hint: 'When someone replies to a comment you wrote.' },
  { key: 'changelog', label: 'Changelog announcements', hint: 'When a release ships something you asked for.' },
];

/** Email preferences, saved as they are toggled (the same form for an email link and a signed-in user). */
export function PreferencesForm({ view, token, onSaved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { preferences } = view;

  const save = async (change: Partial<Preferences>) => {
    setIsSaving(true);
    setError(null);
    try {
      onSaved(await updatePreferences(change, { token }));
    } catch (reason) {
      setError(describeError(reason));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="stack" data-testid="preferences-form">
      {CATEGORIES.map((category) => (
        <CheckboxField
          key={category.key}
          label={category.label}
          hint={category.hint}
          checked={preferences[category.key] && !preferences.unsubscribedAll}
          disabled={isSaving || preferences.unsubscribedAll}
          onChange={(checked) => void save({ [category.key]: checked })}
          testId={`preference-${category.key}`}
        />
      ))}
      <CheckboxField
        label="Stop all notification emails"
        hint="You can still see notifications in the bell when you visit."
        checked={preferences.unsubscribedAll}
        disabled={isSaving}
        onChange={(checked) => void save({ unsubscribedAll: checked })}
        testId="preference-unsubscribedAll"
      />
      {view.recipient.kind === 'member' ? (
        <Field label="Team digest" hint="New feedback, top movers and posts waiting for triage, by email.">
          {(control) => (
            <Select {...control} value={preferences.digest} disabled={isSaving} data-testid="digest-select" onChange={(event) => void save({ digest: event.target.value as Digest })}>
              <option value="off">Off</option>
              <option value="daily">Daily</option>
              <option value="weekly">Weekly</option>
            </Select>
          )}
        </Field>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
