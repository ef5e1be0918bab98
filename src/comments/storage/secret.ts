// The secret that lets a comment's author retract it: random, kept only in their browser; the
// comment carries its SHA-256. Hashed by WebCrypto; only where the page has none (a plain-HTTP
// book site is not a secure context, so `crypto.subtle` is missing) is @noble's SHA-256 loaded,
// as a chunk of its own, so it stays out of the widget's page-load script.
import { bytesToHex } from '@noble/hashes/utils.js';

/** A fresh secret: 24 random bytes as 32 URL-safe base64 characters. */
export function makeSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** This page's WebCrypto: missing outside a secure context. */
function pageSubtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

/** SHA-256 in script, for pages without WebCrypto: fetched once, when first needed. */
let fallback: Promise<(bytes: Uint8Array) => Uint8Array> | undefined;

function loadFallback(): Promise<(bytes: Uint8Array) => Uint8Array> {
  fallback ??= import('./sha256-fallback.ts').then(
    (module) => module.sha256,
    (error: unknown) => {
      // Offline before it was ever fetched: the next try fetches again, where the browser does not
      // keep the failure (Chromium keeps it until a reload, hence the fetch at first render).
      fallback = undefined;
      throw error;
    },
  );
  return fallback;
}

/**
 * Fetches what {@link hashSecret} will need while the page is still online: nothing where the
 * page has WebCrypto, else the script SHA-256 (so a reader who goes offline can still post).
 */
export function prepareSecretHashing(subtle: SubtleCrypto | undefined = pageSubtle()): void {
  if (subtle === undefined) loadFallback().catch(() => undefined);
}

/**
 * Lowercase hex SHA-256 of the secret's UTF-8 bytes, as the comment's `secretHash`: by `subtle`
 * (the page's WebCrypto), or where it is missing by the script fallback.
 */
export async function hashSecret(secret: string, subtle: SubtleCrypto | undefined = pageSubtle()): Promise<string> {
  const bytes = new TextEncoder().encode(secret);
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : (await loadFallback())(bytes);
  return bytesToHex(digest);
}
