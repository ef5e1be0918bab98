// `npm run taskgit -- <command>`: the production server and its accounts.
//   serve [flags]                   run the server (see server/serve-flags.ts and the README)
//   token add <user> <device>       make a device token, shown once
//   token list                      list the tokens (never the tokens themselves)
//   token revoke <id>               revoke one; the running server refuses it at once
//   repo add <user> <repo>          create an empty repository (a first push would too)
//   repo list                       list the repositories
// Every command takes --data DIR (default .data/server, or TASKGIT_DATA).
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatAccessEntry } from './access-log.ts';
import { addRepo, addToken, listRepos, listTokens, revokeToken } from './accounts/index.ts';
import { DEFAULT_SERVER_DATA, readServeFlags } from './serve-flags.ts';
import { startSite } from './site.ts';

const USAGE = `Usage: npm run taskgit -- <command> [--data DIR]
  serve [flags]               run the server (npm run serve -- [flags]); see the README
  token add <user> <device>   make a device token (shown once)
  token list                  list device tokens
  token revoke <id>           revoke a device token
  repo add <user> <repo>      create an empty repository
  repo list                   list repositories
`;

/** How long requests under way (a push) may take to finish when the server is told to stop. */
const GRACE_MS = 30_000;

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  const { values, positionals } = parseArgs({ args: [...rest], options: { data: { type: 'string' } }, allowPositionals: true });
  const data = values.data ?? DEFAULT_SERVER_DATA;
  const [action, ...names] = positionals;
  const run: Record<string, (() => Promise<string>) | undefined> = {
    'token add': names.length === 2 ? () => addToken(data, names[0] as string, names[1] as string) : undefined,
    'token list': names.length === 0 ? () => listTokens(data) : undefined,
    'token revoke': names.length === 1 ? () => revokeToken(data, names[0] as string) : undefined,
    'repo add': names.length === 2 ? () => addRepo(data, names[0] as string, names[1] as string) : undefined,
    'repo list': names.length === 0 ? () => listRepos(data) : undefined,
  };
  const chosen = run[`${command} ${action}`];
  if (!chosen) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(await chosen());
}

async function serve(args: readonly string[]): Promise<void> {
  const plan = readServeFlags(args);
  let log: WriteStream | undefined = plan.accessLog === '-' ? undefined : openLog(plan.accessLog);
  const site = await startSite({
    ...plan.site,
    log: (entry) => (log ?? process.stdout).write(`${formatAccessEntry(entry)}\n`),
    onError: (error) => process.stderr.write(`${new Date().toISOString()} error: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}\n`),
  });
  const listening = `${plan.site.host}:${site.port}${plan.tlsFiles ? ' over TLS' : ''}`;
  process.stderr.write(`Taskgit server at ${site.url} (listening on ${listening}; data in ${plan.site.repos.dataDir})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    process.stderr.write(`${signal}: finishing requests under way (at most ${GRACE_MS / 1000} s), then stopping\n`);
    void site.close(GRACE_MS).finally(() => {
      log?.end();
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // SIGHUP: a renewed certificate, and a fresh log file after rotation.
  process.on('SIGHUP', () => {
    if (plan.tlsFiles) site.setTls({ cert: readFileSync(plan.tlsFiles.cert), key: readFileSync(plan.tlsFiles.key) });
    if (log) {
      const old = log;
      log = openLog(plan.accessLog);
      old.end();
    }
    process.stderr.write('SIGHUP: certificate and access log reopened\n');
  });
}

function openLog(path: string): WriteStream {
  return createWriteStream(path, { flags: 'a', mode: 0o640 });
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
