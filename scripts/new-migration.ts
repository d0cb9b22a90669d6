// `npm run db:new -- add-webhooks` → migrations/<UTC timestamp>_add-webhooks.sql (forward-only SQL).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run db:new -- <kebab-case-name>');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations', `${stamp}_${name}.sql`);
await writeFile(file, `-- ${name}\n`, { flag: 'wx' });
console.log(file);
