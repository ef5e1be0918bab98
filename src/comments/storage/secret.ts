// The secret that lets a comment's author retract it: random, kept only in their browser; the
// comment carries its SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A fresh secret: 24 random bytes as 32 URL-safe base64 characters. */
export function makeSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** Lowercase hex SHA-256 of the secret's UTF-8 bytes, as the comment's `secretHash`. */
export function hashSecret(secret: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(secret)));
}
