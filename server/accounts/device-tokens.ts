// Device tokens: one per device of a user, made by a command and shown once, stored only as its
// SHA-256 (a token is 256 random bits, so a plain hash is as good as a slow one and costs
// microseconds per request). The file is rewritten whole by rename, and the server reads it again
// whenever it changed, so a token revoked by the command is refused by the running server at its
// next request.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TokenFileError } from './errors.ts';

/** A token as stored: never the token itself. */
export interface TokenRecord {
  /** Short and random; names the token in `token list` and `token revoke`. */
  id: string;
  user: string;
  device: string;
  /** Hex SHA-256 of the token. */
  hash: string;
  /** ISO time of its making. */
  created: string;
}

/** What the file holds. */
interface TokenFile {
  version: 1;
  tokens: TokenRecord[];
}

const TOKEN_PREFIX = 'tgt_';

/** The device tokens of one server, in `path` (usually `<data>/tokens.json`). */
export class DeviceTokens {
  readonly #path: string;
  #records: TokenRecord[] = [];
  #byHash = new Map<string, TokenRecord>();
  #version = '';
  /** Changes made by this process, one at a time. */
  #writing: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  /** Makes a token for `device` of `user`; the token is returned once and never stored. */
  add(user: string, device: string): Promise<{ token: string; record: TokenRecord }> {
    return this.#change(async () => {
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const record: TokenRecord = { id: randomBytes(4).toString('hex'), user, device, hash: hashToken(token), created: new Date().toISOString() };
      await this.#save([...this.#records, record]);
      return { token, record };
    });
  }

  /** Every token's record, oldest first. */
  async list(): Promise<TokenRecord[]> {
    await this.#load();
    return [...this.#records];
  }

  /** Removes the token `id`; resolves to its record, or `undefined` when there is none. */
  revoke(id: string): Promise<TokenRecord | undefined> {
    return this.#change(async () => {
      const record = this.#records.find((candidate) => candidate.id === id);
      if (record) await this.#save(this.#records.filter((candidate) => candidate !== record));
      return record;
    });
  }

  /** The record of `token`, or `undefined` when it is no token of this server (any more). */
  async verify(token: string): Promise<TokenRecord | undefined> {
    await this.refresh();
    return this.lookup(token);
  }

  /** Reads the file again when it changed since it was last read, so {@link lookup} sees revocations. */
  refresh(): Promise<void> {
    return this.#load();
  }

  /**
   * The record of `token` as of the last {@link refresh}, or `undefined`. Synchronous, so a caller
   * can check an address's limit and count a wrong token with no other request in between. The
   * token is found by its SHA-256, never compared with a stored secret: the time a lookup takes
   * depends on a hash the sender cannot steer, so it tells nothing about any stored token.
   */
  lookup(token: string): TokenRecord | undefined {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
    return this.#byHash.get(hashToken(token));
  }

  /** Runs `change` on the file's latest contents, after this process's earlier changes. */
  #change<T>(change: () => Promise<T>): Promise<T> {
    const done = this.#writing.then(async () => {
      await this.#load();
      return change();
    });
    this.#writing = done.catch(() => undefined);
    return done;
  }

  /** Reads the file again when it changed since it was last read; a missing file holds no tokens. */
  async #load(): Promise<void> {
    const info = await stat(this.#path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new TokenFileError({ path: this.#path, problem: error.message });
    });
    const version = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'none';
    if (version === this.#version) return;
    const records = info ? parseTokenFile(await readFile(this.#path, 'utf8'), this.#path) : [];
    this.#use(records, version);
  }

  async #save(records: TokenRecord[]): Promise<void> {
    const file: TokenFile = { version: 1, tokens: records };
    await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    const temp = `${this.#path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.#path);
    const info = await stat(this.#path);
    this.#use(records, `${info.ino}:${info.size}:${info.mtimeMs}`);
  }

  #use(records: TokenRecord[], version: string): void {
    this.#records = records;
    this.#byHash = new Map(records.map((record) => [record.hash, record]));
    this.#version = version;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function parseTokenFile(text: string, path: string): TokenRecord[] {
  let file: Partial<TokenFile>;
  try {
    file = JSON.parse(text) as Partial<TokenFile>;
  } catch (error) {
    throw new TokenFileError({ path, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` });
  }
  if (file.version !== 1 || !Array.isArray(file.tokens)) throw new TokenFileError({ path, problem: 'not a token file of version 1' });
  for (const record of file.tokens) {
    const fields = [record?.id, record?.user, record?.device, record?.hash, record?.created];
    if (!fields.every((field) => typeof field === 'string') || !/^[0-9a-f]{64}$/.test(record.hash)) {
      throw new TokenFileError({ path, problem: `a token record is malformed: ${JSON.stringify({ ...record, hash: '…' })}` });
    }
  }
  return file.tokens;
}
