import { useState } from 'react';
import type { FormEvent } from 'react';
import { createPost } from '../../api/posts.ts';
import type { SimilarPost } from '../../api/similar.ts';
import type { Board, Post } from '../../api/types.ts';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input, Textarea } from '../../ui/Input.tsx';
import { CheckEmailNotice } from '../identity/CheckEmailNotice.tsx';
import { IdentityFields } from '../identity/IdentityFields.tsx';
import { useIdentifyVisitor } from '../identity/use-identify-visitor.ts';
import { useSession } from '../session/session-context.ts';
import { SimilarPostsHint } from '../similar/SimilarPostsHint.tsx';

type SubmitFeedbackFormProps = { board: Board; onCreated: (post: Post) => void; onCancel: () => void };

const fields = ['title', 'body', 'name', 'email'] as const;

export function SubmitFeedbackForm({ board, onCreated, onCancel }: SubmitFeedbackFormProps) {
  const { isSignedIn } = useSession();
  const identifyVisitor = useIdentifyVisitor();
  const [draft] = useState(() => readDraft(board.id));
  const [title, setTitle] = useState(draft?.title ?? '');
  const [body, setBody] = useState(draft?.body ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState(noFormErrors);
  const [isWorking, setIsWorking] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [votedFor, setVotedFor] = useState<SimilarPost | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim().length < 3) {
      setErrors({ fields: { title: 'Give your idea a title of at least 3 characters.' }, message: null });
      return;
    }
    setIsWorking(true);
    setErrors(noFormErrors);
    try {
      if (!isSignedIn) {
        const outcome = await identifyVisitor({ name, email, returnTo: `/b/${board.slug}?submit=1` });
        if (outcome === 'link_sent') {
          writeDraft(board.id, { title, body });
          setSentTo(email.trim());
          return;
        }
      }
      const post = await createPost({ boardId: board.id, title: title.trim(), body: body.trim() || undefined });
      clearDraft(board.id);
      onCreated(post);
    } catch (error) {
      setErrors(toFormErrors(error, fields));
    } finally {
      setIsWorking(false);
    }
  };

  if (votedFor) {
    return (
      <div className="stack" data-testid="voted-instead-notice">
        <Alert tone="success">
          Thanks! Your vote now counts for “{votedFor.title}” ({votedFor.voteCount.toLocaleString()} votes), so there is no need to post it again.
        </Alert>
        <div className="form-actions">
          <Button
            variant="primary"
            onClick={() => {
              clearDraft(board.id);
              onCancel();
            }}
          >
            Done
          </Button>
        </div>
      </div>
    );
  }

  if (sentTo) {
    return (
      <div className="stack">
        <CheckEmailNotice email={sentTo} keepsDraft />
        <Button variant="ghost" onClick={() => setSentTo(null)}>
          Use a different email
        </Button>
      </div>
    );
  }

  return (
    <form className="stack submit-feedback" onSubmit={submit} noValidate aria-label={`Submit feedback to ${board.name}`}>
      <Field label="Title" error={errors.fields.title}>
        {(control) => (
          <Input
            {...control}
            data-testid="post-title-input"
            placeholder="Short, descriptive title"
            maxLength={200}
            required
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <SimilarPostsHint title={title} onVotedInstead={setVotedFor} />
      <Field label="Details" error={errors.fields.body} hint="Markdown is supported.">
        {(control) => (
          <Textarea
            {...control}
            data-testid="post-body-input"
            placeholder="What problem would this solve for you?"
            maxLength={20000}
            rows={5}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      {!isSignedIn ? (
        <IdentityFields name={name} email={email} onNameChange={setName} onEmailChange={setEmail} errors={errors.fields} />
      ) : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isWorking} data-testid="submit-post-button">
          Submit feedback
        </Button>
      </div>
    </form>
  );
}
