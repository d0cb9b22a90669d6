export { listComments } from './list-comments.ts';
export { createComment } from './create-comment.ts';
export { deleteComment } from './delete-comment.ts';
export { presentComment, type CommentJson } from './comments.present.ts';
