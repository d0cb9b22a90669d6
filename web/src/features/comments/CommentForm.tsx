import { useState } from 'react';
import type { FormEvent } from 'react';
import { createComment } from '../../api/comments.ts';
import type { Comment } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, Field } from '../../ui/Field.tsx';
import { Textarea } from '../../ui/Input.tsx';
import { useIdentity } from '../identity/IdentityProvider.tsx';

type CommentFormProps = {
  postId: string;
  parent?: Comment;
  canCommentInternal: boolean;
  onCreated: (comment: Comment) => void;
  onCancel?: () => void;
};

export function CommentForm({ postId, parent, canCommentInternal, onCreated, onCancel }: CommentFormProps) {
  const { requestIdentity } = useIdentity();
  const [body, setBody] = useState('');
  const [isInternal, setIsInternal] = useState(parent?.internal ?? false);
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const isReply = Boolean(parent);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setErrors({ fields: { body: 'Write something first.' }, message: null });
      return;
    }
    setErrors(noFormErrors);
    const isIdentified = await requestIdentity('Add your name and email to join the conversation.');
    if (!isIdentified) return;
    setIsSaving(true);
    try {
      const comment = await createComment(postId, {
        body: body.trim(),
        parentId: parent?.id,
        internal: canCommentInternal ? isInternal : undefined,
      });
      setBody('');
      onCreated(comment);
    } catch (error) {
      setErrors(toFormErrors(error, ['body', 'parentId', 'internal']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="comment-form stack" onSubmit={submit} noValidate>
      <Field
        label={isReply ? `Reply to ${parent?.author.name ?? 'comment'}` : 'Add a comment'}
        isLabelHidden={!isReply}
        error={errors.fields.body ?? errors.fields.parentId}
      >
        {(control) => (
          <Textarea
            {...control}
            className={isInternal ? 'input--internal' : undefined}
            data-testid={isReply ? 'reply-input' : 'comment-input'}
            rows={isReply ? 2 : 3}
            autoFocus={isReply}
            placeholder={isInternal ? 'Internal note, visible to the team only…' : 'Leave a comment… (Markdown supported)'}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="comment-form__actions">
        {canCommentInternal ? (
          <CheckboxField
            label="Internal – team only"
            checked={isInternal}
            onChange={setIsInternal}
            testId={isReply ? 'reply-internal-checkbox' : 'comment-internal-checkbox'}
          />
        ) : (
          <span />
        )}
        <div className="row">
          {onCancel ? (
            <Button variant="ghost" size="sm" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button
            type="submit"
            variant="primary"
            size="sm"
            isLoading={isSaving}
            data-testid={isReply ? 'reply-submit' : 'comment-submit'}
          >
            {isReply ? 'Reply' : isInternal ? 'Add internal note' : 'Comment'}
          </Button>
        </div>
      </div>
    </form>
  );
}
