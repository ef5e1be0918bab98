// isomorphic-git uses Node's `Buffer`; in the page it is the `buffer` package's, set globally
// before isomorphic-git is loaded (bench/page/isogit-commit.ts imports it lazily, after this).
import { Buffer } from 'buffer';

globalThis.Buffer ??= Buffer as unknown as typeof globalThis.Buffer;
