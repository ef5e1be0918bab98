/** The remote `npm start` serves beside the app, announced in `/config.json` (never cached). */
export async function readDefaultRemote(): Promise<string | undefined> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const config = (await response.json()) as { defaultRemote?: unknown };
    return typeof config.defaultRemote === 'string' ? config.defaultRemote : undefined;
  } catch {
    return undefined; // offline, or a static host without it
  }
}
