/**
 * Persistent storage: without it the browser may clear IndexedDB (and so every commit not yet
 * pushed) when the disk runs low. Asked for once; the Sync tab shows the answer.
 */

/** What the Sync tab shows about this device's storage. */
export interface StorageStatus {
  /** `undefined` when the browser has no StorageManager (an old browser, some webviews). */
  persistent: boolean | undefined;
  /** Bytes used and available to this site, when the browser says. */
  usage?: number;
  quota?: number;
}

const ASKED_KEY = 'taskgit-persist-asked';

/**
 * Asks for persistent storage unless it is already granted or was asked before on this device
 * (Chromium answers without a prompt; Firefox asks the person, so asking once is polite).
 */
export async function askPersistenceOnce(storage: StorageManager | undefined = navigator.storage): Promise<boolean | undefined> {
  if (!storage?.persisted) return undefined;
  if (await storage.persisted()) return true;
  try {
    if (localStorage.getItem(ASKED_KEY)) return false;
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // no localStorage: ask anyway
  }
  return storage.persist ? storage.persist() : false;
}

/** Reads whether storage is persistent, and how much is used. */
export async function readStorageStatus(storage: StorageManager | undefined = navigator.storage): Promise<StorageStatus> {
  if (!storage?.persisted) return { persistent: undefined };
  const [persistent, estimate] = await Promise.all([storage.persisted(), storage.estimate?.().catch(() => undefined)]);
  return { persistent, ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}), ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}) };
}
