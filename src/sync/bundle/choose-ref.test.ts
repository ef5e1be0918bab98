// Which ref of a bundle an import takes, pure.
import { describe, expect, it } from 'vitest';
import type { Oid } from '../../store/index.ts';
import { BundleError } from './bundle-error.ts';
import type { BundleRef } from './bundle-header.ts';
import { chooseBundleRef } from './choose-ref.ts';

const ref = (name: string, digit = '1'): BundleRef => ({ name, oid: digit.repeat(40) as Oid });

describe('chooseBundleRef', () => {
  it('takes refs/heads/<branch> when there is one', () => {
    const refs = [ref('refs/heads/a'), ref('refs/heads/main', '2'), ref('HEAD')];
    expect(chooseBundleRef(refs, 'main')).toEqual(ref('refs/heads/main', '2'));
    expect(chooseBundleRef(refs, 'a')).toEqual(ref('refs/heads/a'));
  });

  it('else the only branch, even beside tags and HEAD', () => {
    expect(chooseBundleRef([ref('refs/tags/v1', '3'), ref('refs/heads/master', '2'), ref('HEAD', '2')], 'main')).toEqual(ref('refs/heads/master', '2'));
  });

  it('else the only ref besides HEAD (a tag)', () => {
    expect(chooseBundleRef([ref('refs/tags/v1', '3')], 'main')).toEqual(ref('refs/tags/v1', '3'));
  });

  it('else HEAD', () => {
    expect(chooseBundleRef([ref('refs/heads/a'), ref('refs/heads/b', '2'), ref('HEAD', '2')], 'main')).toEqual(ref('HEAD', '2'));
    expect(chooseBundleRef([ref('HEAD', '2')], 'main')).toEqual(ref('HEAD', '2'));
  });

  it('else refuses, naming the branches there are', () => {
    expect(() => chooseBundleRef([], 'main')).toThrow(/it names no branch/);
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ref(`refs/heads/${name}`));
    const error = (() => {
      try {
        chooseBundleRef(many, 'main');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).data.problem).toBe('no-ref');
    expect((error as BundleError).message).toMatch(/no branch "main", but 7 others \(a, b, c, d, e and 2 more\); import one of them by name/);
  });
});
