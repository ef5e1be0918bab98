/**
 * Export and import of a whole repository as a git bundle (`git bundle create --all`'s
 * format): the app's "Export / Import" files, readable by `git clone <file>`.
 */
export { exportBundle } from './export-bundle.ts';
export type { ExportBundleOptions } from './export-bundle.ts';
export { importBundle } from './import-bundle.ts';
export type { ImportBundleOptions, ImportBundleResult } from './import-bundle.ts';
export { BundleError } from './bundle-error.ts';
export type { BundleErrorData, BundleProblem } from './bundle-error.ts';
export { encodeBundleHeader } from './bundle-header.ts';
export type { BundleHeader, BundleRef } from './bundle-header.ts';
export type { BundlePhase, BundleProgress } from './progress.ts';
