import type { ClosureProblem } from '../store/index.ts';

/**
 * Says in words why objects that arrived together (from `source`: "the pack", "the file") cannot
 * be stored, for a ProtocolError or a BundleError: `it refers to object … which neither the pack
 * nor this device has`, `its tree … is malformed (it holds ".git")`, and so on.
 */
export function describeClosureProblem(problem: ClosureProblem, source: string): string {
  switch (problem.kind) {
    case 'missing':
      return `it refers to object ${problem.oid}, which neither ${source} nor this device has`;
    case 'wrong-type':
      return `it names ${problem.oid} as a ${problem.expected} (in ${problem.from}), but that object is a ${problem.actual}`;
    case 'malformed':
      return `its ${problem.type} ${problem.oid} is malformed (${problem.reason})`;
    case 'too-deep':
      return `its trees nest more than ${problem.limit} levels deep (at tree ${problem.oid})`;
  }
}
