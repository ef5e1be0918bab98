// Helpers shared by the command-line entry points (`npm start`, `npm run serve-remote`,
// `npm run cors-proxy`).

/** The origins of Vite's dev server (`npm run dev`), whose pages the loopback tools serve by default. */
export const VITE_DEV_ORIGINS: readonly string[] = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/** The port in `value` (from `--port` or an environment variable), else `fallback`. */
export function readPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
}

/** Runs `close` on the first SIGINT or SIGTERM, then exits. */
export function closeOnSignals(close: () => Promise<unknown>): void {
  const stop = () => {
    void close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A public URL of the site: http(s), no path, no credentials; `https://tasks.example.org/`. */
export function readSiteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a URL: ${text}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new Error(`${text}: a site URL is http(s)://host[:port]/, served at the root`);
  }
  return `${url.origin}/`;
}
