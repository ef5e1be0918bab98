/**
 * Steps of an export or import, in order:
 * export: `counting` (commits walked, of all), `compressing` (objects packed, of all);
 * import: `unpacking` (0 then all objects), `checking`, `storing` (objects to write), `merging`.
 */
export type BundlePhase = 'counting' | 'compressing' | 'unpacking' | 'checking' | 'storing' | 'merging';

/** Called as an export or import advances: `done` of `total` units of `phase`. */
export type BundleProgress = (phase: BundlePhase, done: number, total: number) => void;
