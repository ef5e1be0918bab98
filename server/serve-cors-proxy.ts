// `npm run cors-proxy -- [--port 9999] [--origin URL ...] [--upstream HOST ...] [--insecure host:port ...]`:
// the way through to GitHub, GitLab and Codeberg as a loopback server of its own, for an app not
// served by a Taskgit server (`npm run dev`). `npm start` and `npm run serve` have it built in at
// `/proxy/`. Pages of `--origin` (default Vite's dev server, http://localhost:5173 and
// http://127.0.0.1:5173) may use it; `--upstream` adds hosts; `--insecure` adds plain-HTTP ones.
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort, VITE_DEV_ORIGINS } from './cli.ts';
import { startCorsProxy } from './cors-proxy.ts';
import { DEFAULT_UPSTREAMS } from './way-through/index.ts';

const DEFAULT_PORT = 9999;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    origin: { type: 'string', multiple: true },
    upstream: { type: 'string', multiple: true },
    insecure: { type: 'string', multiple: true },
  },
});
const wanted = readPort(values.port, DEFAULT_PORT);
const upstreams = [
  ...DEFAULT_UPSTREAMS,
  ...(values.upstream ?? []),
  ...(values.insecure ?? []).map((host) => ({ host, scheme: 'http' as const })),
];
const proxy = await startCorsProxy({ port: wanted, allowedOrigins: values.origin ?? VITE_DEV_ORIGINS, upstreams });
if (wanted !== 0 && proxy.port !== wanted) process.stderr.write(`port ${wanted} is busy; using ${proxy.port}\n`);
process.stdout.write(`CORS proxy: ${proxy.url} (e.g. ${proxy.url}github.com/<owner>/<repo>.git as the remote URL), for pages of ${(values.origin ?? VITE_DEV_ORIGINS).join(', ')}\n`);
closeOnSignals(() => proxy.close());
