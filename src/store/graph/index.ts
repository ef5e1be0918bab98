/**
 * Git's object graph, in one place (Irmin's object_graph): an object's links, the walk of what
 * another side lacks (push, export), and the check that objects arriving together are closed
 * and fit to store (fetch, import).
 */
export { checkClosed, MAX_TREE_DEPTH } from './closure.ts';
export type { ClosureProblem } from './closure.ts';
export { commitLinks, forEachTreeLink, listLinks } from './links.ts';
export type { ObjectLink } from './links.ts';
export { listObjectsToSend } from './objects-to-send.ts';
export type { WalkProgress } from './objects-to-send.ts';
export { listCommitsBetween } from './rev-list.ts';
export type { GraphSource } from './source.ts';
