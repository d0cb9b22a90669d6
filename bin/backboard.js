#!/usr/bin/env node
// `npx backboard …` / `backboard …`: runs the TypeScript CLI directly (Node 24 strips the types).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`backboard needs Node 24 (this is ${process.version}). Run it through npm/npx inside the project, which uses the pinned Node 24 from node_modules.`);
  process.exit(1);
}
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
