// The flags of `npm run serve` (`npm run taskgit -- serve`), read into the options of the
// production site (server/site.ts). Pure apart from reading the certificate files, so a wrong
// combination is refused in words before anything listens.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readPort, readSiteUrl } from './cli.ts';
import { COMMENT_FLAGS, commentOptions, readRateLimit } from './comment-flags.ts';
import type { SiteOptions } from './site.ts';
import { DEFAULT_UPSTREAMS } from './way-through/index.ts';

/** The default data folder: `.data/server` beside the project (gitignored), or `TASKGIT_DATA`. */
export const DEFAULT_SERVER_DATA = process.env.TASKGIT_DATA ?? fileURLToPath(new URL('../.data/server', import.meta.url));
const DEFAULT_APP = fileURLToPath(new URL('../dist/', import.meta.url));
const DEFAULT_PORT = 8080;

/** Flags of `serve`. */
const SERVE_FLAGS = {
  data: { type: 'string' },
  listen: { type: 'string' },
  port: { type: 'string' },
  url: { type: 'string', multiple: true },
  cert: { type: 'string' },
  key: { type: 'string' },
  'trust-proxy': { type: 'string', multiple: true },
  origin: { type: 'string', multiple: true },
  app: { type: 'string' },
  'way-through': { type: 'string' },
  'allow-force-push': { type: 'boolean' },
  'allow-branch-deletion': { type: 'boolean' },
  'max-push-mb': { type: 'string' },
  failures: { type: 'string' },
  'access-log': { type: 'string' },
  'plain-http': { type: 'boolean' },
  'comments-origin': { type: 'string', multiple: true },
  ...COMMENT_FLAGS,
} as const;

/** What `serve` runs: the site's options plus where the certificate and the log are. */
export interface ServePlan {
  site: Omit<SiteOptions, 'log' | 'onError'>;
  /** Certificate and key files, read again on SIGHUP. */
  tlsFiles?: { cert: string; key: string };
  /** `-` for stdout. */
  accessLog: string;
}

/** Reads `args` (after `serve`) into a {@link ServePlan}; throws an Error in words for a wrong flag. */
export function readServeFlags(args: readonly string[]): ServePlan {
  const { values } = parseArgs({ args: [...args], options: SERVE_FLAGS, strict: true });
  const host = values.listen ?? '127.0.0.1';
  const urls = (values.url ?? []).map(readSiteUrl);
  if (values.cert === undefined !== (values.key === undefined)) throw new Error('--cert and --key go together');
  const tlsFiles = values.cert !== undefined && values.key !== undefined ? { cert: values.cert, key: values.key } : undefined;
  const loopback = host === 'localhost' || (isIP(host) !== 0 && /^(127\.|::1$)/.test(host));
  if (!loopback && urls.length === 0) throw new Error(`--listen ${host} is reachable from other machines: name the URLs people use with --url (e.g. --url https://tasks.example.org)`);
  if (!loopback && !tlsFiles && !values['plain-http'] && urls.some((url) => url.startsWith('http:'))) {
    throw new Error(`--url ${urls.find((url) => url.startsWith('http:'))} would carry device tokens in the clear: serve HTTPS (--cert/--key, or a reverse proxy and an https --url), or pass --plain-http to accept that`);
  }
  const site: ServePlan['site'] = {
    host,
    port: readPort(values.port, DEFAULT_PORT),
    ...(urls.length > 0 ? { urls } : {}),
    ...(values.origin ? { corsOrigins: values.origin.map((origin) => new URL(readSiteUrl(origin)).origin) } : {}),
    ...(values['trust-proxy'] ? { trustedProxies: values['trust-proxy'].map(readAddress) } : {}),
    appDir: values.app ?? DEFAULT_APP,
    repos: { kind: 'accounts', dataDir: values.data ?? DEFAULT_SERVER_DATA, ...(values.failures ? { failures: readRateLimit(values.failures) } : {}) },
    wayThrough: readWayThrough(values['way-through']),
    pushPolicy: {
      allowForcePush: values['allow-force-push'] ?? false,
      allowDeletion: values['allow-branch-deletion'] ?? false,
      maxPushBytes: readMegabytes(values['max-push-mb'] ?? '100'),
    },
  };
  if (values.comments || values.moderator || values.mirror || values['rate-limit']) {
    site.comments = { ...commentOptions(values, ['comments.git']), ...(values['comments-origin'] ? { origins: values['comments-origin'].map((origin) => new URL(origin).origin) } : {}) };
  }
  if (tlsFiles) site.tls = { cert: readFileSync(tlsFiles.cert), key: readFileSync(tlsFiles.key) };
  return { site, ...(tlsFiles ? { tlsFiles } : {}), accessLog: values['access-log'] ?? '-' };
}

function readAddress(text: string): string {
  if (isIP(text) === 0) throw new Error(`--trust-proxy takes the proxy's IP address, not ${text}`);
  return text;
}


function readWayThrough(text: string | undefined): SiteOptions['wayThrough'] {
  if (text === 'none') return false;
  const hosts = text === undefined ? DEFAULT_UPSTREAMS : text.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
  return { upstreams: hosts };
}

function readMegabytes(text: string): number {
  const megabytes = Number(text);
  if (!(megabytes > 0)) throw new Error(`--max-push-mb takes a positive number, not ${text}`);
  return Math.round(megabytes * 1024 * 1024);
}
