import { notFound } from '../../lib/errors.ts';

export const workspaceNotFound = () => notFound('Workspace', 'workspace_not_found');
