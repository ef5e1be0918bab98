/**
 * The sync settings (remote URL, username, token, CORS proxy), the record of the last sync and
 * this device's name, kept in a small IndexedDB database of their own, `taskgit-settings`: a
 * token must never be committed into the task repository, which is pushed to remotes, and a
 * device's name is this device's own.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RemoteSettings, SyncRecord } from './sync-state.ts';

interface SettingsSchema extends DBSchema {
  settings: {
    key: 'remote' | 'last-sync' | 'device';
    value: RemoteSettings | SyncRecord | { name: string };
  };
}

/** Reads and writes the settings database. */
export interface SettingsStore {
  loadRemote(): Promise<RemoteSettings | undefined>;
  saveRemote(settings: RemoteSettings): Promise<void>;
  loadSyncRecord(): Promise<SyncRecord | undefined>;
  saveSyncRecord(record: SyncRecord): Promise<void>;
  /** The name the person gave this device, if they did. */
  loadDeviceName(): Promise<string | undefined>;
  saveDeviceName(name: string): Promise<void>;
}

const SETTINGS_DB = 'taskgit-settings';

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
    async loadDeviceName() {
      const value: unknown = await (await database()).get('settings', 'device');
      const name = value && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
      return typeof name === 'string' ? name : undefined;
    },
    async saveDeviceName(name) {
      await (await database()).put('settings', { name }, 'device');
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
