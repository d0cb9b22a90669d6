// The machine's ceiling for the benchmark: a bare Fastify server (no plugins, no logging, no
// database) with one route returning a small fixed JSON, run as its own process like the real one.
//   node bench/ceiling-server.ts [port]     (prints "listening <port>" when ready; port 0 = any free port)
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 0);
const app = Fastify({ logger: false });
const payload = { id: '6f1c2f7e-6d1b-4c59-9a55-2d6e0c6f3b10', title: 'Dark mode', voteCount: 42, status: 'open' };
app.get('/ceiling', async () => payload);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ host: '127.0.0.1', port });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
