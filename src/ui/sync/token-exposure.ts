/**
 * Whether the Sync settings would send the token unencrypted across a network: over plain
 * `http://` to a host other than this machine. The token goes to the CORS proxy when one is set,
 * else to the remote.
 */
import type { RemoteSettings } from '../sync-state.ts';

/** The host that would receive the token in the clear, or `undefined` when it would not be. */
export function plainHttpTokenHost(settings: RemoteSettings): string | undefined {
  if (settings.token === '') return undefined;
  const destination = settings.corsProxy.trim() || settings.url.trim();
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return undefined; // not a URL yet: nothing is sent
  }
  return url.protocol === 'http:' && !isLoopback(url.hostname) ? url.host : undefined;
}

/** `localhost` (and its subdomains), 127.0.0.0/8 and ::1: names of this machine. */
function isLoopback(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}
