import { useId, useState } from 'react';
import type { ChangelogEntry } from '../../api/changelog.ts';
import type { Status } from '../../api/types.ts';
import { formatDateTime, pluralize } from '../../lib/format.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Select } from '../../ui/Select.tsx';
import { ChangelogStateBadge } from './ChangelogStateBadge.tsx';

/** What publishing does to the linked posts: move them to this shipped status id, or leave them. */
export type PublishChoice = { moveTo: string | null };

type PublishPanelProps = {
  entry: ChangelogEntry | null;
  shippedStatuses: Status[];
  linkedCount: number;
  busy: string | null;
  errors: { at?: string; moveLinkedPostsToStatus?: string };
  onPublish: (choice: PublishChoice) => void;
  onSchedule: (at: string, choice: PublishChoice) => void;
  onUnschedule: () => void;
  onUnpublish: () => void;
};

// <input type="datetime-local"> speaks local wall-clock time without a zone.
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function PublishPanel(props: PublishPanelProps) {
  const { entry, shippedStatuses, linkedCount, busy, errors } = props;
  const selectId = useId();
  const state = entry?.state ?? 'draft';
  const [isMoving, setIsMoving] = useState(shippedStatuses.length > 0 && (state !== 'scheduled' || entry?.moveLinkedPostsToStatus !== null));
  const [moveTo, setMoveTo] = useState(entry?.moveLinkedPostsToStatus?.id ?? shippedStatuses[0]?.id ?? '');
  const [at, setAt] = useState(toLocalInput(entry?.scheduledFor));
  const choice = (): PublishChoice => ({ moveTo: isMoving && moveTo ? moveTo : null });
  const isBusy = busy !== null;
  const shippedName = shippedStatuses.find((status) => status.id === moveTo)?.name ?? 'Shipped';

  return (
    <aside className="card admin-section stack changelog-editor__side" aria-label="Publishing">
      <div className="changelog-editor__state">
        <ChangelogStateBadge state={state} />
        <span className="subtle">
          {state === 'published' && entry?.publishedAt ? `on ${formatDateTime(entry.publishedAt)}` : null}
          {state === 'scheduled' && entry?.scheduledFor ? `for ${formatDateTime(entry.scheduledFor)}` : null}
          {state === 'draft' ? 'Only the team can see it' : null}
        </span>
      </div>
      {state === 'published' && entry ? (
        <>
          <a href={`/changelog/${entry.id}`} target="_blank" rel="noreferrer">
            View on the public changelog ↗
          </a>
          <Button onClick={props.onUnpublish} isLoading={busy === 'unpublish'} disabled={isBusy} data-testid="changelog-unpublish-button">
            Unpublish
          </Button>
        </>
      ) : (
        <>
          <CheckboxField
            label={`Move linked posts to ${shippedName}`}
            hint={
              shippedStatuses.length === 0
                ? 'Add a status of kind “Shipped” to use this.'
                : `${pluralize(linkedCount, 'linked post')} will show as shipped on the roadmap. Their subscribers get one “it shipped” message either way.`
            }
            checked={isMoving}
            disabled={shippedStatuses.length === 0}
            onChange={setIsMoving}
            testId="changelog-move-shipped-checkbox"
          />
          {isMoving && shippedStatuses.length > 1 ? (
            <div className="field">
              <label htmlFor={selectId} className="field__label">
                Shipped status
              </label>
              <Select id={selectId} value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
                {shippedStatuses.map((status) => (
                  <option key={status.id} value={status.id}>
                    {status.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {errors.moveLinkedPostsToStatus ? <p className="field__error">{errors.moveLinkedPostsToStatus}</p> : null}
          <Button variant="primary" onClick={() => props.onPublish(choice())} isLoading={busy === 'publish'} disabled={isBusy} data-testid="changelog-publish-button">
            Publish now
          </Button>
          <hr className="changelog-editor__rule" />
          <Field label="Or publish later" error={errors.at} hint="In your local time.">
            {(control) => (
              <Input {...control} type="datetime-local" value={at} data-testid="changelog-schedule-input" onChange={(event) => setAt(event.target.value)} />
            )}
          </Field>
          <div className="form-actions">
            <Button
              onClick={() => props.onSchedule(new Date(at).toISOString(), choice())}
              isLoading={busy === 'schedule'}
              disabled={isBusy || !at || Number.isNaN(new Date(at).getTime())}
              data-testid="changelog-schedule-button"
            >
              {state === 'scheduled' ? 'Reschedule' : 'Schedule'}
            </Button>
            {state === 'scheduled' ? (
              <Button variant="ghost" onClick={props.onUnschedule} isLoading={busy === 'unschedule'} disabled={isBusy}>
                Unschedule
              </Button>
            ) : null}
          </div>
        </>
      )}
    </aside>
  );
}
