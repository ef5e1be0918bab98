import type { AreaRecord, ContextRecord, ProcessAreaNode, ProcessProjectNode, ProcessTree, ProjectRecord, Snapshot } from '../../../model/index.ts';

/** An area or project to choose in a select, named by its path: "Home › Taxes". */
export interface PlaceOption {
  id: string;
  kind: 'area' | 'project';
  name: string;
  label: string;
  /** 0 at the top level. */
  depth: number;
}

/** Joins a path of names for a select's option. */
const PATH_SEPARATOR = ' › ';

/**
 * Every area and active project of the process tree, in tree order (an area, its sub-areas,
 * then its projects), each labelled by its path.
 */
export function placeOptions(tree: ProcessTree): PlaceOption[] {
  const out: PlaceOption[] = [];
  const add = (record: AreaRecord | ProjectRecord, path: readonly string[]): string[] => {
    const label = [...path, record.name].join(PATH_SEPARATOR);
    out.push({ id: record.id, kind: record.kind, name: record.name, label, depth: path.length });
    return [...path, record.name];
  };
  const walkProject = (node: ProcessProjectNode, path: readonly string[]): void => {
    const inner = add(node.record, path);
    for (const child of node.projects) walkProject(child, inner);
  };
  const walkArea = (node: ProcessAreaNode, path: readonly string[]): void => {
    const inner = add(node.record, path);
    for (const child of node.areas) walkArea(child, inner);
    for (const child of node.projects) walkProject(child, inner);
  };
  for (const area of tree.areas) walkArea(area, []);
  for (const project of tree.projects) walkProject(project, []);
  return out;
}

/** The areas only, for the Work view's filter. */
export function areaOptions(tree: ProcessTree): PlaceOption[] {
  return placeOptions(tree).filter((option) => option.kind === 'area');
}

/** Every context, by name (then id, so equal names keep one order). */
export function contextsByName(snapshot: Snapshot): ContextRecord[] {
  const out: ContextRecord[] = [];
  for (const record of snapshot.records.values()) if (record.kind === 'context') out.push(record);
  return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || (a.id < b.id ? -1 : 1));
}
