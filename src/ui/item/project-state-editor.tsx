import { useState } from 'react';
import { STATES, updateRecord, type ProjectRecord, type ProjectState } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { PROJECT_STATE_LABELS } from './labels.ts';
import { StateRadios } from './state-radios.tsx';
import { useCommand } from './use-command.ts';

/** A project's state: active, someday, or done. */
export function ProjectStateEditor({ project }: { project: ProjectRecord }) {
  const { run, error } = useCommand();
  const [saving, setSaving] = useState<ProjectState>(); // shown checked until the commit lands
  const choose = async (state: ProjectState): Promise<void> => {
    setSaving(state);
    await run((s) => updateRecord(s, project.id, { state }, new Date()));
    setSaving(undefined);
  };
  return (
    <div className="item-state-editor">
      <StateRadios
        states={STATES.project}
        labels={PROJECT_STATE_LABELS}
        value={saving ?? project.state}
        onChoose={(state) => void choose(state)}
      />
      <CommandError error={error} />
    </div>
  );
}
