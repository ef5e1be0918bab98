import type { Snapshot } from '../snapshot.ts';
import type { ActionRecord, AreaRecord, ProjectRecord } from '../types.ts';
import { compareCreated, compareStarredThenName } from './collate.ts';
import { buildTreeIndex } from './tree-index.ts';

/** Options of {@link processTree}. */
export interface ProcessTreeOptions {
  /** Show someday and done projects too (flagged `inactive`); default: leave them out. */
  showInactive?: boolean;
}

/** A project in the process tree, with its sub-projects. */
export interface ProcessProjectNode {
  kind: 'project';
  record: ProjectRecord;
  /** Someday or done: shown only with `showInactive`. */
  inactive: boolean;
  projects: ProcessProjectNode[];
  /** Open (not done) actions directly in the project. */
  actionCount: number;
}

/** An area in the process tree, with its sub-areas and projects. */
export interface ProcessAreaNode {
  kind: 'area';
  record: AreaRecord;
  areas: ProcessAreaNode[];
  projects: ProcessProjectNode[];
  /** Open (not done) actions directly in the area. */
  actionCount: number;
}

/** What the Process view shows: the tree of areas and projects, and the inbox. */
export interface ProcessTree {
  /** Top-level areas. */
  areas: ProcessAreaNode[];
  /** Projects in no area. */
  projects: ProcessProjectNode[];
  /** Actions in state 'inbox', wherever they are, oldest capture first. */
  inbox: ActionRecord[];
}

/**
 * The Process view: areas holding sub-areas and projects, projects holding sub-projects, each
 * with its count of open actions, and the inbox in capture order (oldest first, as an inbox
 * is processed from the top). Every other list is starred first, then by name.
 * A hidden (someday or done) project hides everything inside it.
 */
export function processTree(snapshot: Snapshot, options: ProcessTreeOptions = {}): ProcessTree {
  const index = buildTreeIndex(snapshot);
  const nodes = new Map<string, ProcessAreaNode | ProcessProjectNode>();
  const tree: ProcessTree = { areas: [], projects: [], inbox: [] };
  for (const item of index.topDown) {
    const parent = index.parentOf.get(item.id);
    const parentNode = parent === undefined ? undefined : nodes.get(parent.id);
    if (parent !== undefined && parentNode === undefined) continue; // inside a hidden project
    if (item.kind === 'action') {
      if (item.state !== 'done' && parentNode) parentNode.actionCount++;
    } else if (item.kind === 'area') {
      const node: ProcessAreaNode = { kind: 'area', record: item, areas: [], projects: [], actionCount: 0 };
      nodes.set(item.id, node);
      (parentNode?.kind === 'area' ? parentNode.areas : tree.areas).push(node);
    } else {
      const inactive = item.state !== 'active';
      if (inactive && !options.showInactive) continue;
      const node: ProcessProjectNode = { kind: 'project', record: item, inactive, projects: [], actionCount: 0 };
      nodes.set(item.id, node);
      (parentNode ? parentNode.projects : tree.projects).push(node);
    }
  }
  for (const item of index.items) if (item.kind === 'action' && item.state === 'inbox') tree.inbox.push(item);
  const byRecord = (a: { record: ProjectRecord | AreaRecord }, b: { record: ProjectRecord | AreaRecord }): number =>
    compareStarredThenName(a.record, b.record);
  tree.areas.sort(byRecord);
  tree.projects.sort(byRecord);
  for (const node of nodes.values()) {
    node.projects.sort(byRecord);
    if (node.kind === 'area') node.areas.sort(byRecord);
  }
  tree.inbox.sort(compareCreated);
  return tree;
}

