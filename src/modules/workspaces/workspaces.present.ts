import type { Workspace } from '../../db/schema.ts';

export type WorkspaceJson = { id: string; name: string; slug: string; allowAnonymous: boolean };

/** Never the setup token hash: only these fields leave the server. */
export function presentWorkspace(workspace: Workspace): WorkspaceJson {
  return { id: workspace.id, name: workspace.name, slug: workspace.slug, allowAnonymous: workspace.allow_anonymous };
}
