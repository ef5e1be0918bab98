/**
 * Test-only: writes CueKeeper repositories the way CueKeeper does, so the importer is tested
 * against the format rather than against itself. Atoms are printed as sexplib's
 * `Sexp.to_string` prints them (quoted when empty or holding a space, a parenthesis, a quote,
 * `;`, a backslash, `#|`/`|#`, a control or any non-ASCII byte; inside quotes `\"`, `\\`,
 * `\n`, `\t`, `\r`, `\b`, and every other byte outside ' '..'~' as three decimal digits;
 * a space only between two bare atoms), and records as `ck_disk_node.ml` derives them.
 */
import type { Sexp } from '../../src/model/cuekeeper/index.ts';

const encoder = new TextEncoder();

function mustQuote(atom: string): boolean {
  if (atom === '' || atom.includes('#|') || atom.includes('|#')) return true;
  return [...atom].some((char) => '"();\\'.includes(char) || (char.codePointAt(0) as number) <= 32 || (char.codePointAt(0) as number) >= 127);
}

function quote(atom: string): string {
  let out = '"';
  for (const byte of encoder.encode(atom)) {
    const char = String.fromCharCode(byte);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (byte === 10) out += '\\n';
    else if (byte === 9) out += '\\t';
    else if (byte === 13) out += '\\r';
    else if (byte === 8) out += '\\b';
    else if (byte >= 32 && byte <= 126) out += char;
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** `sexp` in sexplib's machine form, as `Sexp.to_string` writes it. */
export function writeSexp(sexp: Sexp): string {
  let out = '';
  let mayNeedSpace = false;
  const walk = (value: Sexp): void => {
    if (typeof value === 'string') {
      const bare = !mustQuote(value);
      if (mayNeedSpace && bare) out += ' ';
      out += bare ? value : quote(value);
      mayNeedSpace = bare;
      return;
    }
    out += '(';
    mayNeedSpace = false;
    for (const item of value) walk(item);
    out += ')';
    mayNeedSpace = false;
  };
  walk(sexp);
  return out;
}

/** A CueKeeper `user_date`: the month counts from 0. */
export type CkDateInput = [year: number, month0: number, day: number] | number;

/** What every CueKeeper node has (`node_details`). */
export interface CkDetailsInput {
  parent?: string;
  name: string;
  description?: string;
  ctime: number;
  contact?: string;
  conflicts?: string[];
}

const date = (value: CkDateInput): Sexp => (typeof value === 'number' ? String(value) : value.map(String));

function details(input: CkDetailsInput): Sexp {
  const fields: Sexp[] = [];
  if (input.parent !== undefined) fields.push(['parent', input.parent]);
  fields.push(['name', input.name], ['description', input.description ?? ''], ['ctime', String(input.ctime)]);
  if (input.contact !== undefined) fields.push(['contact', input.contact]);
  if (input.conflicts && input.conflicts.length > 0) fields.push(['conflicts', input.conflicts]);
  return fields;
}

export type CkStateInput = 'Next' | 'Waiting' | 'Waiting_for_contact' | 'Future' | 'Done' | { until: CkDateInput };

/** `db/<uuid>` of an area. */
export const ckArea = (input: CkDetailsInput): string => writeSexp(['Area', details(input)]);

/** `db/<uuid>` of a project. */
export function ckProject(input: CkDetailsInput & { state: 'Active' | 'SomedayMaybe' | 'Done'; starred?: boolean }): string {
  return writeSexp(['Project', [[['pstarred', String(input.starred ?? false)], ['pstate', input.state]], details(input)]]);
}

/** `db/<uuid>` of an action. */
export function ckAction(input: CkDetailsInput & { state: CkStateInput; starred?: boolean; context?: string; repeat?: { n: number; unit: 'Day' | 'Week' | 'Month' | 'Year'; from: CkDateInput } }): string {
  const own: Sexp[] = [['astarred', String(input.starred ?? false)], ['astate', typeof input.state === 'string' ? input.state : ['Waiting_until', date(input.state.until)]]];
  if (input.context !== undefined) own.push(['context', input.context]);
  if (input.repeat) own.push(['repeat', [['repeat_n', String(input.repeat.n)], ['repeat_unit', input.repeat.unit], ['repeat_from', date(input.repeat.from)]]]);
  return writeSexp(['Action', [own, details(input)]]);
}

/** `contact/<uuid>` or `context/<uuid>`: a bare `node_details`. */
export const ckPlain = (input: CkDetailsInput): string => writeSexp(details(input));
