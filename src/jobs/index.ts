export { addJob, addJobs, JOB_PRIORITY, type JobOptions, type JobSpec } from './queue.ts';
