import { useState } from 'react';
import { followPost, getFollowState, unfollowPost } from '../../api/notifications.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Button } from '../../ui/Button.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useIdentity } from '../identity/IdentityProvider.tsx';
import { useSession } from '../session/session-context.ts';
import './notifications.css';

const REASONS = { author: 'you posted it', voter: 'you voted', commenter: 'you commented', manual: 'you follow it' } as const;

/** Follow / unfollow a post: status changes, team replies and "it shipped" reach followers by email and in-app. */
export function FollowButton({ postId }: { postId: string }) {
  const { isSignedIn, me } = useSession();
  const { requestIdentity } = useIdentity();
  const toast = useToast();
  const viewerKey = me.person?.id ?? me.member?.id ?? 'visitor';
  const { data, setData } = useAsync((signal) => getFollowState(postId, signal), [postId, viewerKey]);
  const [isSaving, setIsSaving] = useState(false);
  const isFollowing = data?.isFollowing ?? false;

  const toggle = async () => {
    if (!isSignedIn && !(await requestIdentity('Sign in to follow this post and hear when it changes.'))) return;
    setIsSaving(true);
    try {
      const next = isFollowing ? await unfollowPost(postId) : await followPost(postId);
      setData(next);
      toast.show({ message: next.isFollowing ? 'You will be notified about this post' : 'You will no longer be notified about this post' });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="follow">
      <Button size="sm" variant={isFollowing ? 'secondary' : 'ghost'} className="follow-button" aria-pressed={isFollowing} isLoading={isSaving} onClick={toggle} data-testid="follow-button">
        {isFollowing ? 'Following' : 'Follow'}
      </Button>
      {isFollowing && data?.reason ? <span className="subtle follow__reason">Subscribed because {REASONS[data.reason]}</span> : null}
    </div>
  );
}
