// `npm run cors-proxy -- [--port 9999] [--insecure host:port ...]`: runs the CORS proxy GitHub
// needs (its git endpoints send no CORS headers). The local git remote on 8174 is reachable
// through it over plain HTTP too; `--insecure` adds other plain-HTTP targets.
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort } from './cli.ts';
import { startCorsProxy } from './cors-proxy.ts';
import { DEFAULT_REMOTE_PORT } from './local-remote.ts';

const DEFAULT_PORT = 9999;

const { values } = parseArgs({
  options: { port: { type: 'string' }, insecure: { type: 'string', multiple: true } },
});
const wanted = readPort(values.port, DEFAULT_PORT);
const insecureOrigins = [`127.0.0.1:${DEFAULT_REMOTE_PORT}`, `localhost:${DEFAULT_REMOTE_PORT}`, ...(values.insecure ?? [])];
const proxy = await startCorsProxy({ port: wanted, insecureOrigins });
if (wanted !== 0 && proxy.port !== wanted) process.stderr.write(`port ${wanted} is busy; using ${proxy.port}\n`);
process.stdout.write(`CORS proxy: ${proxy.url} (e.g. ${proxy.url}github.com/<owner>/<repo>.git as the remote URL)\n`);
closeOnSignals(() => proxy.close());
