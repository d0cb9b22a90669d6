#!/usr/bin/env -S node --max-semi-space-size=8 --max-old-space-size=320
// `npx backboard …` / `backboard …`: runs the TypeScript CLI directly (Node 24 strips the types).
// The V8 flags are those of `npm start` (docs/PERFORMANCE.md, "Memory"): young generation capped at 8 MB
// per semi-space, old generation at 320 MB. Workspaces far above 100k posts need a larger old generation.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`backboard needs Node 24 (this is ${process.version}). Run it through npm/npx inside the project, which uses the pinned Node 24 from node_modules.`);
  process.exit(1);
}
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
