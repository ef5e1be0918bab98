// SHA-256 in script, for pages without WebCrypto (not a secure context). Loaded by dynamic
// `import()` from secret.ts only, so it is a chunk of its own and never in the page-load script.
export { sha256 } from '@noble/hashes/sha2.js';
