/**
 * The remote's typed, unsaved address fields (the Sync form's, and the welcome's "Connect to an
 * existing remote": one draft, as they set the same thing), kept as a draft
 * (drafts/draft-store.ts) so leaving the tab or reloading does not lose a long URL half typed.
 * The token is never kept: a secret has no place in localStorage.
 */
import { clearDraft, readDraft, useDraftWaiting, writeDraft } from '../drafts/index.ts';
import type { RemoteSettings } from '../sync-state.ts';

const KEY = 'sync-settings';
const EMPTY: RemoteSettings = { url: '', username: '', token: '', corsProxy: '' };

/** What the forms start from: the saved settings, or none yet with the suggested remote in the URL. */
export function settingsBase(settings: RemoteSettings | undefined, defaultRemote: string | undefined): RemoteSettings {
  return settings ?? { ...EMPTY, url: defaultRemote ?? '' };
}

/** Whether address fields typed and not saved wait as a draft. */
export function useSettingsDraftWaiting(): boolean {
  return useDraftWaiting(KEY);
}
const KEPT = ['url', 'username', 'corsProxy'] as const;

/** `base` with the kept fields over it, and when they were kept; `keptSince` undefined without a draft. */
export function withSettingsDraft(base: RemoteSettings): { form: RemoteSettings; keptSince: number | undefined } {
  const draft = readDraft(KEY);
  const kept = draft ? parseKept(draft.text) : undefined;
  if (!draft || !kept || !differs(kept, base)) return { form: base, keptSince: undefined };
  return { form: { ...base, ...kept }, keptSince: draft.at };
}

/** Keeps the form's address fields while they differ from `base` (what is saved); forgets them once they do not. */
export function keepSettingsDraft(form: RemoteSettings, base: RemoteSettings): void {
  if (differs(form, base)) writeDraft(KEY, JSON.stringify(Object.fromEntries(KEPT.map((field) => [field, form[field]]))));
  else clearDraft(KEY);
}

/** Forgets the draft: the form was saved. */
export function clearSettingsDraft(): void {
  clearDraft(KEY);
}

function differs(a: Partial<RemoteSettings>, b: RemoteSettings): boolean {
  return KEPT.some((field) => (a[field] ?? '') !== b[field]);
}

function parseKept(text: string): Partial<RemoteSettings> | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const kept: Partial<RemoteSettings> = {};
    for (const field of KEPT) if (typeof value[field] === 'string') kept[field] = value[field];
    return kept;
  } catch {
    return undefined;
  }
}
