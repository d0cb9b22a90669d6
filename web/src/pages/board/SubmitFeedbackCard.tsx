import { useState } from 'react';
import type { Board, Post } from '../../api/types.ts';
import { SubmitFeedbackForm } from '../../features/posts/SubmitFeedbackForm.tsx';
import { Button } from '../../ui/Button.tsx';
import { PlusIcon } from '../../ui/icons.tsx';

type SubmitFeedbackCardProps = {
  board: Board;
  isInitiallyOpen: boolean;
  onCreated: (post: Post) => void;
  onClosed: () => void;
};

export function SubmitFeedbackCard({ board, isInitiallyOpen, onCreated, onClosed }: SubmitFeedbackCardProps) {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const close = () => {
    setIsOpen(false);
    onClosed();
  };

  return (
    <section className="card submit-card" aria-labelledby="submit-card-title">
      <h2 id="submit-card-title" className="submit-card__title">
        {isOpen ? 'Share your idea' : `Have an idea for ${board.name}?`}
      </h2>
      {isOpen ? (
        <SubmitFeedbackForm
          board={board}
          onCancel={close}
          onCreated={(post) => {
            close();
            onCreated(post);
          }}
        />
      ) : (
        <>
          <p className="muted submit-card__lead">Tell us what would make things better. Others can vote and comment.</p>
          <Button variant="primary" className="submit-card__button" data-testid="submit-feedback-button" onClick={() => setIsOpen(true)}>
            <PlusIcon size={16} /> Submit feedback
          </Button>
        </>
      )}
    </section>
  );
}
