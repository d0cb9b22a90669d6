export { listStatuses } from './list-statuses.ts';
export { createStatus } from './create-status.ts';
export { updateStatus } from './update-status.ts';
export { deleteStatus } from './delete-status.ts';
export { findStatus, findStatusByRef, findStatusesMatching, findDefaultStatus, isStatusKind } from './statuses.repo.ts';
export { statusNotFound } from './statuses.errors.ts';
export { presentStatus, type StatusJson } from './statuses.present.ts';
export { StatusKindSchema } from './statuses.schemas.ts';
