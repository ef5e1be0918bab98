/** The widget's words, in one table per language; English is the one shipped. */
export { en } from './en.ts';
export type { Strings } from './en.ts';
