export { createWorkspace, type CreatedWorkspace } from './create-workspace.ts';
export { ensureDefaultWorkspace, type DefaultWorkspace } from './ensure-default-workspace.ts';
export { DEFAULT_STATUSES } from './default-statuses.ts';
export { getWorkspace } from './get-workspace.ts';
export { updateWorkspace } from './update-workspace.ts';
export { presentWorkspace, type WorkspaceJson } from './workspaces.present.ts';
