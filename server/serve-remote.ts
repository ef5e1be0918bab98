// `npm run serve-remote -- [--port 8174] [--data .data/remotes]`: runs the local git remote alone.
// Any `<name>.git` under it is created on first use.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort } from './cli.ts';
import { DEFAULT_DATA_DIR, DEFAULT_REMOTE_PORT, startLocalRemote } from './local-remote.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } } });
const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
const remote = await startLocalRemote(readPort(values.port, DEFAULT_REMOTE_PORT), dataDir);
const shown = relative(process.cwd(), dataDir);
process.stdout.write(`Git remote: ${remote.url}<name>.git (repositories in ${shown.startsWith('..') || shown === '' ? dataDir : shown})\n`);
closeOnSignals(() => remote.close());
