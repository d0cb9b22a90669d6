export { addJob, JOB_PRIORITY, type JobOptions } from './queue.ts';
