/** The page's localStorage, or `null` where it is missing or forbidden (some private windows throw on access). */
export function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
