import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSexp } from '../../../test/support/cuekeeper-writer.ts';
import { parseSexp, SexpSyntaxError, type Sexp } from './sexp.ts';

const INIT = join(import.meta.dirname, '../../../test/fixtures/cuekeeper-init');

describe('parseSexp', () => {
  it('reads sexplib’s machine form: bare atoms spaced, quoted atoms adjacent', () => {
    expect(parseSexp('((name"In town")(description"")(ctime 1429362886.783))')).toEqual([
      ['name', 'In town'],
      ['description', ''],
      ['ctime', '1429362886.783'],
    ]);
    expect(parseSexp('(astate(Waiting_until(2015 3 19)))')).toEqual(['astate', ['Waiting_until', ['2015', '3', '19']]]);
  });

  it('reads OCaml escapes, bytes written as decimal digits making UTF-8 text', () => {
    expect(parseSexp('"a\\"b\\\\c\\nd\\te"')).toBe('a"b\\c\nd\te');
    expect(parseSexp('"caf\\195\\169 \\226\\128\\156q\\226\\128\\157"')).toBe('café “q”');
    expect(parseSexp('"\\xe2\\x82\\xac"')).toBe('€');
    expect(parseSexp('"one \\\n     two"')).toBe('one two');
    expect(parseSexp('"keep \\q"')).toBe('keep \\q');
  });

  it('skips comments and space in the human form', () => {
    expect(parseSexp('; a note\n(a #| block #| nested |# |# b #;(dropped) c)\n')).toEqual(['a', 'b', 'c']);
  });

  it('refuses what is not one s-expression, saying where', () => {
    for (const [text, reason] of [
      ['', 'the file is empty'],
      ['(a b', 'a “(” is never closed'],
      ['a)', 'more text after the expression'],
      [')', 'a “)” without its “(”'],
      ['"open', 'a quoted text is never closed'],
      ['"\\255"', 'a quoted text is not valid UTF-8'],
      ['(a) (b)', 'more text after the expression'],
    ] as const) {
      const error = (() => {
        try {
          parseSexp(text);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(SexpSyntaxError);
      expect((error as SexpSyntaxError).reason).toBe(reason);
    }
  });

  it('reads every file of CueKeeper’s first-run data back to the same bytes when printed again', () => {
    const files = ['ck-version', ...['db', 'context'].flatMap((dir) => readdirSync(join(INIT, dir)).map((name) => `${dir}/${name}`))];
    expect(files).toHaveLength(21);
    for (const file of files.slice(1)) {
      const text = readFileSync(join(INIT, file), 'utf8');
      expect(writeSexp(parseSexp(text))).toBe(text);
    }
  });

  it('reads back whatever the writer prints', () => {
    const sexp: fc.Arbitrary<Sexp> = fc.letrec<{ node: Sexp }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string({ unit: 'grapheme' }), fc.array(tie('node'), { maxLength: 4 })),
    })).node;
    fc.assert(
      fc.property(sexp, (value) => {
        expect(parseSexp(writeSexp(value))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});
