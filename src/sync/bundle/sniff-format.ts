/** Known starts of files people might pick by mistake, and how to say what they are. */
const MAGIC: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'it is a zip archive' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'it is an (empty) zip archive' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], what: 'it is a zip archive' },
  { bytes: [0x1f, 0x8b], what: 'it is a gzip-compressed file (decompress it first)' },
  { bytes: [0x42, 0x5a, 0x68], what: 'it is a bzip2-compressed file (decompress it first)' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'it is an xz-compressed file (decompress it first)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'it is a zstd-compressed file (decompress it first)' },
  { bytes: [0x50, 0x41, 0x43, 0x4b], what: 'it is a bare git pack, without the bundle header that names its branches' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'it is a PDF document' },
];

/**
 * Says in words what a file that is not a git bundle seems to be: empty, a zip, a gzip, a
 * bare pack… or just that it lacks the bundle signature. Pure; looks at the first bytes only.
 */
export function describeForeignFile(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  for (const { bytes: magic, what } of MAGIC) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return what;
  }
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  if (first === 0x7b || first === 0x5b) return 'it looks like a JSON document';
  if (first === 0x3c) return 'it looks like an HTML or XML document';
  return 'it does not start with "# v2 git bundle" or "# v3 git bundle"';
}
