import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../test/support/git-cli.ts';
import { DeviceTokens } from './device-tokens.ts';
import { TokenFileError } from './errors.ts';

afterAll(() => removeTempDirs());

describe('device tokens', () => {
  it('shows a token once and stores only its hash, in a file only the server may read', async () => {
    const path = join(makeTempDir('tokens'), 'data', 'tokens.json');
    const tokens = new DeviceTokens(path);
    const { token, record } = await tokens.add('alice', 'laptop');
    expect(token).toMatch(/^tgt_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ user: 'alice', device: 'laptop' });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4));
    expect(text).toContain(record.hash);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await tokens.verify(token)).toEqual(record);
  });

  it('refuses a wrong, a truncated or a foreign-looking token', async () => {
    const tokens = new DeviceTokens(join(makeTempDir('tokens'), 'tokens.json'));
    const { token } = await tokens.add('alice', 'phone');
    for (const wrong of [`${token.slice(0, -1)}x`, token.slice(0, 20), token.slice(4), '', `${token}${'a'.repeat(100)}`]) {
      expect(await tokens.verify(wrong)).toBeUndefined();
    }
  });

  it('lists tokens without them, and a revocation by another process is refused at the next check', async () => {
    const path = join(makeTempDir('tokens'), 'tokens.json');
    const server = new DeviceTokens(path);
    const command = new DeviceTokens(path); // as `npm run taskgit -- token …` would, in its own process
    const laptop = await command.add('alice', 'laptop');
    const phone = await command.add('alice', 'phone');
    expect(await server.verify(phone.token)).toEqual(phone.record);
    expect((await server.list()).map((record) => record.device)).toEqual(['laptop', 'phone']);
    expect(await command.revoke(phone.record.id)).toEqual(phone.record);
    expect(await server.verify(phone.token)).toBeUndefined();
    expect(await server.verify(laptop.token)).toEqual(laptop.record);
    expect(await command.revoke(phone.record.id)).toBeUndefined();
  });

  it('keeps every one of tokens made at once in one process', async () => {
    const tokens = new DeviceTokens(join(makeTempDir('tokens'), 'tokens.json'));
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => tokens.add('bob', `device ${i}`)));
    expect(await tokens.list()).toHaveLength(8);
    for (const { token, record } of made) expect(await tokens.verify(token)).toEqual(record);
  });

  it('holds no tokens before the file exists, and says so in words when the file is not one', async () => {
    const path = join(makeTempDir('tokens'), 'tokens.json');
    const tokens = new DeviceTokens(path);
    expect(await tokens.list()).toEqual([]);
    writeFileSync(path, '{"version":1,"tokens":[{"id":"x"}]}');
    await expect(tokens.list()).rejects.toThrow(TokenFileError);
    writeFileSync(path, 'not json at all');
    await expect(tokens.verify('tgt_x')).rejects.toThrow(/cannot be used: not JSON/);
  });
});
