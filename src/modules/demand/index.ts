// Public surface of the demand module for other modules, the task list and seeders. Only the write
// side (refresh jobs, new voters added by the vote batch) is exported here: votes, posts, people and
// companies import this file, so nothing exported here may import them (or auth, which imports
// people) back — the HTTP use-cases are reached through demand.routes.ts only.
export { enqueueDemandRefresh, runDemandRefreshJob, refreshDemandForMergeEvent, DEMAND_REFRESH_TASK } from './demand-jobs.ts';
export { addNewVotersToDemand, type NewVoter } from './add-new-voters.ts';
export { refreshDemand, type DemandRefreshTarget, type DemandRefreshResult } from './refresh-demand.ts';
