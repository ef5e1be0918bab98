/**
 * A reader for s-expressions as OCaml's sexplib writes them (`Sexp.to_string`, the machine
 * form CueKeeper stores, and the human form a person might hand-edit): atoms bare or in double
 * quotes with OCaml escapes (`\n`, `\"`, `\\`, decimal `\226`, hex `\xe2`, a backslash-newline
 * continuation), lists in parentheses, `;` line comments, `#| |#` block comments and `#;`
 * datum comments. Pure; no I/O.
 */

/** An atom or a list of s-expressions. */
export type Sexp = string | Sexp[];

/** Why a text is not one s-expression, with the character where reading stopped. */
export class SexpSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at character ${offset + 1}`);
    this.name = 'SexpSyntaxError';
  }
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, '\\': 92, '"': 34, "'": 39, ' ': 32 };
const DELIMITER = /[\s()";]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Reads `text` as exactly one s-expression (comments and spaces around it allowed). */
export function parseSexp(text: string): Sexp {
  const reader = new Reader(text);
  reader.skipSpace();
  if (reader.atEnd()) throw new SexpSyntaxError('the file is empty', 0);
  const value = reader.read();
  reader.skipSpace();
  if (!reader.atEnd()) throw new SexpSyntaxError('more text after the expression', reader.at);
  return value;
}

class Reader {
  at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    for (;;) {
      const char = this.text[this.at];
      if (char !== undefined && /\s/.test(char)) this.at++;
      else if (char === ';') this.skipLine();
      else if (this.text.startsWith('#|', this.at)) this.skipBlock();
      else if (this.text.startsWith('#;', this.at)) {
        this.at += 2;
        this.skipSpace();
        this.read();
      } else return;
    }
  }

  read(): Sexp {
    const char = this.text[this.at];
    if (char === '(') return this.readList();
    if (char === ')') throw new SexpSyntaxError('a “)” without its “(”', this.at);
    if (char === '"') return this.readQuoted();
    if (char === undefined) throw new SexpSyntaxError('the text ends in the middle of an expression', this.at);
    return this.readBare();
  }

  private readList(): Sexp[] {
    const start = this.at++;
    const items: Sexp[] = [];
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) throw new SexpSyntaxError('a “(” is never closed', start);
      if (this.text[this.at] === ')') {
        this.at++;
        return items;
      }
      items.push(this.read());
    }
  }

  private readBare(): string {
    const start = this.at;
    while (!this.atEnd() && !DELIMITER.test(this.text[this.at] as string)) {
      if (this.text.startsWith('#|', this.at) || this.text.startsWith('|#', this.at)) break;
      this.at++;
    }
    if (this.at === start) throw new SexpSyntaxError(`an unexpected “${this.text[this.at]}”`, this.at);
    return this.text.slice(start, this.at);
  }

  /** A quoted atom: escapes give bytes (OCaml strings are bytes), read as UTF-8 at the end. */
  private readQuoted(): string {
    const start = this.at++;
    const bytes: number[] = [];
    for (;;) {
      if (this.atEnd()) throw new SexpSyntaxError('a quoted text is never closed', start);
      const char = this.text[this.at] as string;
      if (char === '"') {
        this.at++;
        try {
          return utf8.decode(Uint8Array.from(bytes));
        } catch {
          throw new SexpSyntaxError('a quoted text is not valid UTF-8', start);
        }
      }
      if (char === '\\') this.readEscape(bytes);
      else {
        const code = this.text.codePointAt(this.at) as number;
        bytes.push(...encoder.encode(String.fromCodePoint(code)));
        this.at += code > 0xffff ? 2 : 1;
      }
    }
  }

  private readEscape(bytes: number[]): void {
    const next = this.text[this.at + 1];
    const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      bytes.push(simple);
      this.at += 2;
    } else if (next === '\n' || (next === '\r' && this.text[this.at + 2] === '\n')) {
      this.at += next === '\n' ? 2 : 3;
      while (this.text[this.at] === ' ' || this.text[this.at] === '\t') this.at++;
    } else if (/^\d{3}$/.test(this.text.slice(this.at + 1, this.at + 4)) && Number(this.text.slice(this.at + 1, this.at + 4)) <= 255) {
      bytes.push(Number(this.text.slice(this.at + 1, this.at + 4)));
      this.at += 4;
    } else if (/^x[0-9a-fA-F]{2}$/.test(this.text.slice(this.at + 1, this.at + 4))) {
      bytes.push(parseInt(this.text.slice(this.at + 2, this.at + 4), 16));
      this.at += 4;
    } else {
      bytes.push(92); // sexplib keeps an unknown escape as it is
      this.at += 1;
    }
  }

  private skipLine(): void {
    while (!this.atEnd() && this.text[this.at] !== '\n') this.at++;
  }

  private skipBlock(): void {
    const start = this.at;
    let depth = 0;
    while (!this.atEnd()) {
      if (this.text.startsWith('#|', this.at)) {
        depth++;
        this.at += 2;
      } else if (this.text.startsWith('|#', this.at)) {
        depth--;
        this.at += 2;
        if (depth === 0) return;
      } else this.at++;
    }
    throw new SexpSyntaxError('a “#|” comment is never closed', start);
  }
}
