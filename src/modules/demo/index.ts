export { seedDemo, type DemoSummary } from './seed-demo.ts';
export { recountWorkspace } from './recount-workspace.ts';
