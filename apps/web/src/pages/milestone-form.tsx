// Saisie: record that one of the opened project's milestones was reached, sent with its revision as If-Match.
import { useState } from 'preact/hooks';
import { useCommand } from '../command';
import { CommandForm } from '../components/command-form';
import { InputField, SelectField } from '../components/form-field';
import { frenchDate } from '../french';
import { ProjectLink, type ProjectFormProps } from './project-form';

export function MilestoneForm({ opened, reload }: ProjectFormProps) {
  const { project, revision } = opened;
  const open = project.milestoneList.filter((milestone) => milestone.reachedOn === null);
  const [milestoneId, setMilestoneId] = useState(open[0]?.milestoneId ?? '');
  const [reachedOn, setReachedOn] = useState('');
  const [evidence, setEvidence] = useState('');
  const command = useCommand();
  const error = command.fieldError;
  // The one just reached leaves the list: the choice moves to the first still open.
  const chosen = open.some((milestone) => milestone.milestoneId === milestoneId) ? milestoneId : open[0]?.milestoneId;

  const submit = async () => {
    const path = `/projects/${encodeURIComponent(project.projectId)}/milestones/${encodeURIComponent(chosen ?? '')}/reach`;
    const body = { reachedOn, ...(evidence.trim() === '' ? {} : { evidence: evidence.trim() }) };
    if ((await command.send(path, body, revision)).state === 'done') reload();
  };
  return (
    <CommandForm
      id="milestone"
      title="Marquer un jalon atteint"
      command={command}
      submitLabel="Marquer le jalon atteint"
      refusedAs="Le jalon n’a pas été marqué atteint"
      recorded={(answer) => (
        <p>
          Jalon marqué atteint (position {answer.position} du journal). <ProjectLink project={project} />
        </p>
      )}
      onSubmit={() => void submit()}
      onReload={() => (command.reset(), reload(revision))}
      nothingToDo={chosen === undefined ? 'Tous les jalons de ce projet sont atteints.' : undefined}
    >
      <SelectField
        id="milestone-id"
        label="Jalon"
        value={chosen ?? ''}
        onChange={setMilestoneId}
        error={error('milestoneId')}
      >
        {open.map((milestone) => (
          <option key={milestone.milestoneId} value={milestone.milestoneId}>
            {milestone.title} (prévu le {frenchDate(milestone.dueOn)})
          </option>
        ))}
      </SelectField>
      <InputField
        id="milestone-reached-on"
        label="Atteint le"
        type="date"
        value={reachedOn}
        onInput={setReachedOn}
        error={error('reachedOn')}
      />
      <InputField
        id="milestone-evidence"
        label="Preuve (facultatif)"
        hint="ce qui l’atteste : une mise en service, une publication"
        multiline
        value={evidence}
        onInput={setEvidence}
        error={error('evidence')}
      />
    </CommandForm>
  );
}
