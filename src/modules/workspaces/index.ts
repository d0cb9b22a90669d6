export { createWorkspace, type CreatedWorkspace } from './create-workspace.ts';
export { ensureDefaultWorkspace, type DefaultWorkspace } from './ensure-default-workspace.ts';
export { DEFAULT_STATUSES } from './default-statuses.ts';
