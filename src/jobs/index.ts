export { addJob, type JobOptions } from './queue.ts';
