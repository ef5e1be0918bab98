import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.ts';
import { callHttpBackend, git, gitText, makeTempDir, readAllObjects, removeTempDir } from '../../../test/support/git-cli.ts';
import { parsePack } from './pack-reader.ts';
import { FLUSH_PKT, encodePktLine, readPktLines, type PktLine } from './pkt-line.ts';
import { decodeSideBand, demultiplexSideBand } from './side-band.ts';

const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);
const band = (channel: number, body: Uint8Array | string): Uint8Array =>
  new Uint8Array([channel, ...(typeof body === 'string' ? bytesOf(body) : body)]);

describe('decodeSideBand', () => {
  it('splits channel and contents', () => {
    expect(decodeSideBand(band(1, new Uint8Array([9, 8])))).toEqual({ band: 1, data: new Uint8Array([9, 8]) });
    expect(decodeSideBand(band(2, 'Counting objects: 3\r'))).toEqual({ band: 2, text: 'Counting objects: 3\r' });
    expect(decodeSideBand(band(3, 'boom\n'))).toEqual({ band: 3, text: 'boom\n' });
  });

  it('refuses an empty packet and unknown channels', () => {
    expect(() => decodeSideBand(new Uint8Array())).toThrow(ProtocolError);
    expect(() => decodeSideBand(band(4, 'x'))).toThrow(/channel 4/);
    expect(() => decodeSideBand(band(0, 'x'))).toThrow(ProtocolError);
  });
});

describe('demultiplexSideBand', () => {
  it('joins channel 1, reports channel 2 and stops at the flush', () => {
    const progress: string[] = [];
    const packets: PktLine[] = [band(2, 'Enumerating\n'), band(1, 'PA'), band(2, '50%\r'), band(1, 'CK'), 'flush', band(1, 'ignored')];
    const data = demultiplexSideBand(packets, (text) => progress.push(text));
    expect(new TextDecoder().decode(data)).toBe('PACK');
    expect(progress).toEqual(['Enumerating\n', '50%\r']);
  });

  it('turns channel 3 into a ProtocolError carrying the server message', () => {
    try {
      demultiplexSideBand([band(1, 'PA'), band(3, 'upload-pack: not our ref 1234\n')]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).message).toBe('The server reported an error: upload-pack: not our ref 1234');
      expect((error as ProtocolError).data).toMatchObject({ part: 'side-band', serverMessage: 'upload-pack: not our ref 1234' });
    }
  });

  it('refuses a delim inside side-band data', () => {
    expect(() => demultiplexSideBand([band(1, 'x'), 'delim'])).toThrow(ProtocolError);
  });
});

describe('a real fetch from git http-backend, decoded with these codecs', () => {
  let root: string;
  let work: string;

  beforeAll(() => {
    root = makeTempDir('fetch');
    work = join(root, 'work');
    git(['init', '-q', '-b', 'main', work], { cwd: root });
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(work, 'todo.txt'), `${Array.from({ length: 50 + i }, (_, n) => `task ${n}`).join('\n')}\n`);
      git(['add', '.'], { cwd: work });
      git(['commit', '-q', '-m', `commit ${i}`], { cwd: work });
    }
    git(['clone', '-q', '--bare', work, join(root, 'repo.git')], { cwd: root });
  });

  afterAll(() => removeTempDir(root));

  it('reads NAK, then side-band-64k progress and a pack holding every object', async () => {
    const head = gitText(['rev-parse', 'HEAD'], { cwd: work }).trim();
    const request = [
      encodePktLine(`want ${head} side-band-64k ofs-delta agent=taskgit-test\n`),
      FLUSH_PKT,
      encodePktLine('done\n'),
    ];
    const body = new Uint8Array(request.reduce((sum, part) => sum + part.length, 0));
    request.reduce((at, part) => (body.set(part, at), at + part.length), 0);
    const response = callHttpBackend(root, {
      method: 'POST',
      path: '/repo.git/git-upload-pack',
      body,
      contentType: 'application/x-git-upload-pack-request',
    });
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-result');
    const packets = readPktLines(response.body);
    expect(new TextDecoder().decode(packets[0] as Uint8Array)).toBe('NAK\n');
    const progress: string[] = [];
    const pack = demultiplexSideBand(packets.slice(1), (text) => progress.push(text));
    expect(packets.at(-1)).toBe('flush');
    const objects = await parsePack(pack, async () => undefined);
    const expected = readAllObjects(join(root, 'repo.git'));
    expect(new Set(objects.map((o) => o.oid))).toEqual(new Set(expected.keys()));
    for (const object of objects) expect(Buffer.compare(object.content, expected.get(object.oid)?.content ?? new Uint8Array())).toBe(0);
    expect(progress.join('')).toMatch(/objects/i);
  });
});
