/** `Uint8Array.fromBase64` (Chromium 140+, Firefox 133+, Safari 18.2+), typed where the TypeScript lib lacks it. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/**
 * The bytes `text` (base64) encodes: a WebAssembly module's, committed as base64. Decoded natively
 * where the platform can, so no loop of ours runs once per byte in every fresh worker (such a
 * loop is hot enough for V8 to compile it, with on-stack replacement, for one run).
 */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  if (fromBase64) return fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
