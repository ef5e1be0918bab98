/**
 * Detaches a small buffer with two views, once, at a worker's start, before any of its code is
 * optimized.
 *
 * V8 compiles typed array accesses without checking for a detached buffer for as long as no buffer
 * seen by more than one view has been detached in that thread (its *ArrayBufferDetaching*
 * protector; a buffer with one view only has that view marked instead, since V8 tracks views). The
 * first such detach deoptimizes every function compiled on that assumption at once. The unpack
 * worker always makes one ~4 MB into a fetch, when it hands its first run over to be stored: the
 * run's chunks are transferred, and objects are views into them. That deoptimized ~35 hot
 * functions (the parse's, the closure's, the tree checks') in each fresh worker, and V8 compiled
 * them again. Done here first, they are compiled once, with the checks.
 */
export function detachFirst(): void {
  const buffer = new ArrayBuffer(8);
  const views = [new Uint8Array(buffer), new Uint8Array(buffer)];
  structuredClone(buffer, { transfer: [buffer] });
  if (views[0]?.length !== 0) throw new Error('detachFirst: the buffer was not detached');
}
