#!/usr/bin/env -S node --max-semi-space-size=8
// `npx backboard …` / `backboard …`: runs the TypeScript CLI directly (Node 24 strips the types).
// --max-semi-space-size=8: V8's young generation capped at 8 MB per semi-space, as in `npm start`
// (docs/PERFORMANCE.md: the server's peak RSS under load 400 → 315 MB, same throughput).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`backboard needs Node 24 (this is ${process.version}). Run it through npm/npx inside the project, which uses the pinned Node 24 from node_modules.`);
  process.exit(1);
}
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv);
