/**
 * The sync settings (remote URL, username, token, CORS proxy) and the record of the last sync,
 * kept in a small IndexedDB database of their own, `taskgit-settings`: a token must never be
 * committed into the task repository, which is pushed to remotes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RemoteSettings, SyncRecord } from './sync-state.ts';

interface SettingsSchema extends DBSchema {
  settings: {
    key: 'remote' | 'last-sync';
    value: RemoteSettings | SyncRecord;
  };
}

/** Reads and writes the settings database. */
export interface SettingsStore {
  loadRemote(): Promise<RemoteSettings | undefined>;
  saveRemote(settings: RemoteSettings): Promise<void>;
  loadSyncRecord(): Promise<SyncRecord | undefined>;
  saveSyncRecord(record: SyncRecord): Promise<void>;
}

export const SETTINGS_DB = 'taskgit-settings';

/** Opens the settings database on first use. */
export function openSettingsStore(name = SETTINGS_DB): SettingsStore {
  let db: Promise<IDBPDatabase<SettingsSchema>> | undefined;
  const open = (): Promise<IDBPDatabase<SettingsSchema>> =>
    openDB<SettingsSchema>(name, 1, { upgrade: (database) => void database.createObjectStore('settings') });
  const database = (): Promise<IDBPDatabase<SettingsSchema>> => (db ??= open());
  return {
    async loadRemote() {
      return asRemote(await (await database()).get('settings', 'remote'));
    },
    async saveRemote(settings) {
      await (await database()).put('settings', { ...settings }, 'remote');
    },
    async loadSyncRecord() {
      return asRecord(await (await database()).get('settings', 'last-sync'));
    },
    async saveSyncRecord(record) {
      await (await database()).put('settings', { ...record }, 'last-sync');
    },
  };
}

function asRemote(value: unknown): RemoteSettings | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<Record<keyof RemoteSettings, unknown>>;
  const text = (x: unknown): string => (typeof x === 'string' ? x : '');
  return { url: text(v.url), username: text(v.username), token: text(v.token), corsProxy: text(v.corsProxy) };
}

function asRecord(value: unknown): SyncRecord | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<Record<keyof SyncRecord, unknown>>;
  if (typeof v.remoteUrl !== 'string' || typeof v.at !== 'number') return undefined;
  return { remoteUrl: v.remoteUrl, head: typeof v.head === 'string' ? v.head : undefined, at: v.at };
}
