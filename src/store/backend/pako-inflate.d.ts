// pako ships no types for its inflate-only build (stored-record.ts says why it is used): the one
// function read from it, as pako's own types declare it.
declare module 'pako/browser/inflate' {
  export function inflate(data: Uint8Array): Uint8Array;
}
