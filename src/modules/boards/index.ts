export { createBoard } from './create-board.ts';
export { updateBoard } from './update-board.ts';
export { deleteBoard } from './delete-board.ts';
export { listBoards } from './list-boards.ts';
export { getBoard } from './get-board.ts';
export { canViewBoard } from './boards.policy.ts';
export { findBoard } from './boards.repo.ts';
export { boardNotFound } from './boards.errors.ts';
export { presentBoard, type BoardJson } from './boards.present.ts';
