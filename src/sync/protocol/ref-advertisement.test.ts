import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.ts';
import { callHttpBackend, git, gitText, makeTempDir, removeTempDir } from '../../../test/support/git-cli.ts';
import { FLUSH_PKT, encodePktLine } from './pkt-line.ts';
import { parseRefAdvertisement } from './ref-advertisement.ts';
import { concatBytes } from '../../store/index.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const ZERO = '0'.repeat(40);
const CAPS = 'multi_ack thin-pack side-band side-band-64k ofs-delta shallow symref=HEAD:refs/heads/main agent=git/2.39.5';

/** Builds an advertisement body from lines (strings are pkt-lines, null a flush). */
function advertisement(...lines: Array<string | null>): Uint8Array {
  return concatBytes(lines.map((line) => (line === null ? FLUSH_PKT : encodePktLine(line))));
}

describe('parseRefAdvertisement', () => {
  it('reads refs, capabilities, symrefs and peeled tags', () => {
    const result = parseRefAdvertisement(
      advertisement(
        '# service=git-upload-pack\n',
        null,
        `${A} HEAD\0${CAPS}\n`,
        `${A} refs/heads/main\n`,
        `${B} refs/tags/v1\n`,
        `${C} refs/tags/v1^{}\n`,
        null,
      ),
      'git-upload-pack',
    );
    expect([...result.refs]).toEqual([
      ['HEAD', A],
      ['refs/heads/main', A],
      ['refs/tags/v1', B],
    ]);
    expect([...result.peeled]).toEqual([['refs/tags/v1', C]]);
    expect(result.capabilities.has('side-band-64k')).toBe(true);
    expect(result.capabilities.has('agent=git/2.39.5')).toBe(true);
    expect(result.symrefs.get('HEAD')).toBe('refs/heads/main');
    expect(result.headTarget).toBe('refs/heads/main');
    expect(result.version).toBe(0);
  });

  it('reads an empty upload-pack advertisement (no refs, no capabilities)', () => {
    const result = parseRefAdvertisement(advertisement('# service=git-upload-pack\n', null, null), 'git-upload-pack');
    expect(result.refs.size).toBe(0);
    expect(result.capabilities.size).toBe(0);
    expect(result.headTarget).toBeUndefined();
  });

  it('reads an empty receive-pack advertisement with capabilities^{}', () => {
    const result = parseRefAdvertisement(
      advertisement('# service=git-receive-pack\n', null, `${ZERO} capabilities^{}\0report-status delete-refs ofs-delta\n`, null),
      'git-receive-pack',
    );
    expect(result.refs.size).toBe(0);
    expect([...result.capabilities]).toEqual(['report-status', 'delete-refs', 'ofs-delta']);
  });

  it('accepts a version 1 line, no service line, and lines without a trailing LF', () => {
    const result = parseRefAdvertisement(advertisement('version 1\n', `${A} refs/heads/main\0ofs-delta`, `${B} refs/heads/x`, null), 'git-receive-pack');
    expect(result.version).toBe(1);
    expect(result.refs.get('refs/heads/x')).toBe(B);
  });

  it.each([
    ['another service', ['# service=git-receive-pack\n', null, null]],
    ['no flush after the service line', ['# service=git-upload-pack\n', `${A} HEAD\0x\n`, null]],
    ['protocol v2', ['# service=git-upload-pack\n', null, 'version 2\n', 'ls-refs\n', null]],
    ['no final flush', ['# service=git-upload-pack\n', null, `${A} HEAD\0x\n`]],
    ['a short id', [`${'a'.repeat(39)} HEAD\0x\n`, null]],
    ['an upper-case id', [`${'A'.repeat(40)} HEAD\0x\n`, null]],
    ['a line without a name', [`${A}\0x\n`, null]],
    ['capabilities on a later line', [`${A} HEAD\0x\n`, `${B} refs/heads/a\0y\n`, null]],
    ['a peeled line before its tag', [`${A} HEAD\0x\n`, `${B} refs/tags/v1^{}\n`, null]],
    ['data after the final flush', [`${A} HEAD\0x\n`, null, 'junk\n']],
    ['a malformed symref', [`${A} HEAD\0symref=HEAD\n`, null]],
    ['capabilities^{} with a real id', [`${A} capabilities^{}\0x\n`, null]],
  ])('refuses %s', (_name, lines) => {
    expect(() => parseRefAdvertisement(advertisement(...(lines as Array<string | null>)), 'git-upload-pack')).toThrow(ProtocolError);
  });
});

describe('parseRefAdvertisement on git http-backend output', () => {
  let root: string;

  beforeAll(() => {
    root = makeTempDir('adv');
    const work = join(root, 'work');
    git(['init', '-q', '-b', 'main', work], { cwd: root });
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(work, 'file.txt'), `version ${i}\n`);
      git(['add', '.'], { cwd: work });
      git(['commit', '-q', '-m', `commit ${i}`], { cwd: work });
    }
    git(['branch', 'feature', 'HEAD~1'], { cwd: work });
    git(['tag', '-a', '-m', 'release', 'v1', 'HEAD~2'], { cwd: work });
    git(['tag', 'light'], { cwd: work });
    git(['clone', '-q', '--bare', work, join(root, 'repo.git')], { cwd: root });
    git(['init', '-q', '--bare', '-b', 'main', join(root, 'empty.git')], { cwd: root });
    git(['config', 'http.receivepack', 'true'], { cwd: join(root, 'empty.git') });
  });

  afterAll(() => removeTempDir(root));

  it('reads a real upload-pack advertisement', () => {
    const response = callHttpBackend(root, { method: 'GET', path: '/repo.git/info/refs', query: 'service=git-upload-pack' });
    expect(response.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    const result = parseRefAdvertisement(response.body, 'git-upload-pack');
    const repo = join(root, 'repo.git');
    const expected = new Map([['HEAD', gitText(['rev-parse', 'HEAD'], { cwd: repo }).trim()]]);
    for (const line of gitText(['for-each-ref', '--format=%(objectname) %(refname)'], { cwd: repo }).trim().split('\n')) {
      const [oid, name] = line.split(' ') as [string, string];
      expected.set(name, oid);
    }
    expect(new Map([...result.refs].sort())).toEqual(new Map([...expected].sort()));
    expect(result.peeled.get('refs/tags/v1')).toBe(gitText(['rev-parse', 'v1^{}'], { cwd: repo }).trim());
    expect(result.headTarget).toBe('refs/heads/main');
    expect(result.capabilities.has('ofs-delta')).toBe(true);
    expect(result.capabilities.has('side-band-64k')).toBe(true);
  });

  it('reads a real empty-repository advertisement from both services', () => {
    const upload = callHttpBackend(root, { method: 'GET', path: '/empty.git/info/refs', query: 'service=git-upload-pack' });
    expect(parseRefAdvertisement(upload.body, 'git-upload-pack').refs.size).toBe(0);
    const receive = callHttpBackend(root, { method: 'GET', path: '/empty.git/info/refs', query: 'service=git-receive-pack' });
    const result = parseRefAdvertisement(receive.body, 'git-receive-pack');
    expect(result.refs.size).toBe(0);
    expect(result.capabilities.has('report-status')).toBe(true);
    expect(result.capabilities.has('delete-refs')).toBe(true);
  });
});
