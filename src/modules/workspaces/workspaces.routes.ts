import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { UpdateWorkspaceBody, WorkspaceSchema } from './workspaces.schemas.ts';
import { presentWorkspace } from './workspaces.present.ts';
import { getWorkspace } from './get-workspace.ts';
import { updateWorkspace } from './update-workspace.ts';

export function workspacesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['workspace'];

    app.get('/api/v1/workspace', {
      schema: { tags, summary: 'The current workspace and its settings', response: { 200: WorkspaceSchema, ...errorResponses } },
    }, async (request) => presentWorkspace(await getWorkspace(contextOf(request, deps))));

    app.patch('/api/v1/workspace', {
      schema: { tags, summary: 'Change workspace settings (admin)', body: UpdateWorkspaceBody, response: { 200: WorkspaceSchema, ...errorResponses } },
    }, async (request) => presentWorkspace(await updateWorkspace(contextOf(request, deps), request.body)));
  };
}
