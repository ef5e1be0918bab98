// `npm start`: serves the built app (`dist/`) on 127.0.0.1. Port from `--port N`, `--port=N` or
// `PORT`, else 8173; when that port is busy a free one is used. Prints the URL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.ts';

const DEFAULT_PORT = 8173;
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The port asked for on the command line or in the environment. */
export function readPort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let value: string | undefined = env.PORT;
  argv.forEach((arg, index) => {
    if (arg === '--port') value = argv[index + 1];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
  });
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}index.html`)) {
    process.stderr.write(`no build in ${DIST}: run \`npm run build\` first (npm start does)\n`);
    process.exit(1);
  }
  const wanted = readPort(process.argv.slice(2), process.env);
  const server = await startStaticServer({ root: DIST, port: wanted });
  if (wanted !== 0 && server.port !== wanted) process.stderr.write(`port ${wanted} is busy; using ${server.port}\n`);
  process.stdout.write(`Taskgit is running at ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
