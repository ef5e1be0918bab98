/**
 * Git's wire formats for smart HTTP (protocol v0/v1), as pure codecs: pkt-lines, ref
 * advertisements, side-band demultiplexing, and packfiles with their deltas. No I/O here;
 * the HTTP client and the sync logic sit on top.
 */
export { ProtocolError } from './errors.ts';
export type { ProtocolErrorData, ProtocolPart } from './errors.ts';
export { FLUSH_PKT, MAX_PKT_PAYLOAD, encodePktLine, readPktLines } from './pkt-line.ts';
export type { PktLine } from './pkt-line.ts';
export { PktLineReader } from './pkt-line-reader.ts';
export { parseRefAdvertisement } from './ref-advertisement.ts';
export type { RefAdvertisement } from './ref-advertisement.ts';
export { decodeSideBand, demultiplexSideBand, throwServerError } from './side-band.ts';
export type { SideBandPacket } from './side-band.ts';
export { encodePack, encodePackEntries, PackEncoder } from './pack-writer.ts';
export type { EncodePackOptions } from './pack-writer.ts';
export { DELTA_BASE_CACHE_BYTES, parsePack } from './pack-reader.ts';
export type { PackObject, ParsePackOptions, ResolveBase } from './pack-reader.ts';
export { PackStreamReader } from './pack-stream.ts';
export type { Allocate, PackEntry, PackStreamOptions } from './pack-stream.ts';
export { PackResolver } from './pack-resolver.ts';
export type { ResolveBases, ResolvedObject } from './pack-resolver.ts';
export { createIncrementalSha1, createObjectHasher } from './object-hasher.ts';
export type { HashRaw, IncrementalSha1 } from './object-hasher.ts';
export type { ApplyDeltaOptions } from './delta.ts';
export { DEFAULT_MAX_OBJECT_BYTES } from './pack-format.ts';
