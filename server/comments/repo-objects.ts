// The objects of one bare comment repository as the comment remote reads and writes them: reads
// through one long-lived `git cat-file --batch-command`, writes as git's own loose objects
// (zlib-deflated `<type> <size>\0<content>` under objects/xx/), each written beside and renamed
// into place so a reader never sees half an object. No git process per write.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { decodeTree, parseOid, type ObjectType, type Oid, type TreeEntry } from '../../src/store/index.ts';
import { openObjectReader, type ObjectReader } from './object-reader.ts';

/** An object's type and content. */
export interface StoredObject {
  type: ObjectType;
  content: Uint8Array;
}

/** Reads and writes the objects of one bare repository. */
export interface RepoObjects {
  /** The object, or `undefined` when the repository lacks it. */
  read(oid: string): Promise<StoredObject | undefined>;
  /** The object's type and size without its bytes. */
  info(oid: string): Promise<{ type: string; size: number } | undefined>;
  /** A tree's entries (modes exactly as stored), or `undefined` when `oid` is no tree here. */
  readTree(oid: string): Promise<TreeEntry[] | undefined>;
  /** Writes objects as loose objects; returns their ids in order. */
  write(objects: readonly StoredObject[]): Promise<Oid[]>;
  close(): void;
}

/** The git id of an object: SHA-1 of its loose form. */
export function objectId(type: ObjectType, content: Uint8Array): Oid {
  return parseOid(createHash('sha1').update(`${type} ${content.length}\0`).update(content).digest('hex'));
}

let tempCounter = 0;

/** A {@link RepoObjects} for the bare repository `gitDir`. */
export function openRepoObjects(gitDir: string): RepoObjects {
  let reader: ObjectReader | undefined;
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_DIR: gitDir };
  const objects = (): ObjectReader => (reader ??= openObjectReader(gitDir, env));
  const folders = new Set<string>();
  const writeOne = async ({ type, content }: StoredObject): Promise<Oid> => {
    const oid = objectId(type, content);
    const dir = join(gitDir, 'objects', oid.slice(0, 2));
    const path = join(dir, oid.slice(2));
    if (!folders.has(dir)) {
      await mkdir(dir, { recursive: true });
      folders.add(dir);
    }
    // An object already there has these very bytes: renaming over it changes nothing.
    const temp = join(dir, `tmp_obj_${process.pid}_${++tempCounter}`);
    await writeFile(temp, deflateSync(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])), { mode: 0o444 });
    await rename(temp, path);
    return oid;
  };
  return {
    read: async (oid) => {
      const found = await objects().read(oid);
      return found === undefined ? undefined : { type: found.type as ObjectType, content: found.content };
    },
    info: (oid) => objects().info(oid),
    readTree: async (oid) => {
      const found = await objects().read(oid);
      return found?.type === 'tree' ? decodeTree(found.content) : undefined;
    },
    write: (list) => Promise.all(list.map(writeOne)),
    close: () => reader?.close(),
  };
}
