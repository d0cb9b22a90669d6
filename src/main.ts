// Process entry: `node src/main.ts [command]` — the same commands as the `backboard` CLI (default: serve).
import { runCli } from './cli.ts';

await runCli(process.argv.length > 2 ? process.argv : [...process.argv, 'serve']);
