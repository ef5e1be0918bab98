import type { AreaRecord, ProcessAreaNode, ProcessProjectNode, ProcessTree, ProjectRecord } from '../../../model/index.ts';

/** A node of the Process tree as the tree widget shows it: sub-areas first, then projects. */
export interface ProcessNode {
  id: string;
  record: AreaRecord | ProjectRecord;
  /** Open actions directly inside. */
  actionCount: number;
  children: ProcessNode[];
}

function fromProject(node: ProcessProjectNode): ProcessNode {
  return { id: node.record.id, record: node.record, actionCount: node.actionCount, children: node.projects.map(fromProject) };
}

function fromArea(node: ProcessAreaNode): ProcessNode {
  return { id: node.record.id, record: node.record, actionCount: node.actionCount, children: [...node.areas.map(fromArea), ...node.projects.map(fromProject)] };
}

/** The top-level nodes of `tree`: areas, then projects in no area. */
export function processNodes(tree: ProcessTree): ProcessNode[] {
  return [...tree.areas.map(fromArea), ...tree.projects.map(fromProject)];
}
