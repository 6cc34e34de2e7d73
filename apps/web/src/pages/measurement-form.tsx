// Saisie: record a value of one of the opened project's indicators, sent with the project's revision as If-Match.
import { useState } from 'preact/hooks';
import { useCommand } from '../command';
import { CommandForm } from '../components/command-form';
import { InputField, SelectField } from '../components/form-field';
import { measurementBody, TERRITORY_LEVELS, type MeasurementFields, type TerritoryLevel } from './measurement-body';
import { ProjectLink, type ProjectFormProps } from './project-form';

interface TerritoryFieldsProps {
  readonly fields: MeasurementFields;
  readonly onChange: (fields: MeasurementFields) => void;
  readonly error: (path: string) => string | undefined;
}

/** National by default; a region or a département with its code. */
function TerritoryFields({ fields, onChange, error }: TerritoryFieldsProps) {
  return (
    <>
      <SelectField
        id="measurement-level"
        label="Territoire"
        value={fields.level}
        onChange={(level) => onChange({ ...fields, level: level as TerritoryLevel })}
        error={error('territory.level') ?? error('territory')}
      >
        {Object.entries(TERRITORY_LEVELS).map(([level, name]) => (
          <option key={level} value={level}>
            {name}
          </option>
        ))}
      </SelectField>
      {fields.level !== 'national' && (
        <InputField
          id="measurement-code"
          label={`Code ${fields.level === 'region' ? 'de la région' : 'du département'}`}
          hint={fields.level === 'region' ? 'code INSEE, par exemple 84' : 'par exemple 69 ou 2A'}
          value={fields.code}
          onInput={(code) => onChange({ ...fields, code })}
          error={error('territory.code')}
        />
      )}
    </>
  );
}

export function MeasurementForm({ opened, reload }: ProjectFormProps) {
  const { project, revision } = opened;
  const indicators = project.indicators.filter((indicator) => !indicator.retired);
  const [fields, setFields] = useState<MeasurementFields>({
    indicatorId: indicators[0]?.indicatorId ?? '',
    value: '',
    period: '',
    level: 'national',
    code: '',
    source: '',
  });
  const set = (name: keyof MeasurementFields) => (value: string) => setFields({ ...fields, [name]: value });
  const command = useCommand();
  const error = command.fieldError;
  const indicator = indicators.find((candidate) => candidate.indicatorId === fields.indicatorId);

  const submit = async () => {
    const path = `/projects/${encodeURIComponent(project.projectId)}/indicators/${encodeURIComponent(fields.indicatorId)}/measurements`;
    if ((await command.send(path, measurementBody(fields), revision)).state === 'done') reload();
  };
  return (
    <CommandForm
      id="measurement"
      title="Enregistrer une mesure"
      command={command}
      submitLabel="Enregistrer la mesure"
      refusedAs="La mesure n’a pas été enregistrée"
      recorded={(answer) => (
        <p>
          Mesure enregistrée (position {answer.position} du journal). <ProjectLink project={project} />
        </p>
      )}
      onSubmit={() => void submit()}
      onReload={() => (command.reset(), reload(revision))}
      nothingToDo={indicators.length === 0 ? 'Ce projet n’a pas d’indicateur à mesurer.' : undefined}
    >
      <SelectField
        id="measurement-indicator"
        label="Indicateur"
        value={fields.indicatorId}
        onChange={set('indicatorId')}
        error={error('indicatorId')}
      >
        {indicators.map((candidate) => (
          <option key={candidate.indicatorId} value={candidate.indicatorId}>
            {candidate.label} ({candidate.unit})
          </option>
        ))}
      </SelectField>
      <InputField
        id="measurement-value"
        label="Valeur"
        hint={`en ${indicator?.unit ?? 'unités de l’indicateur'} ; par exemple 15 861,5`}
        inputMode="decimal"
        value={fields.value}
        onInput={set('value')}
        error={error('value')}
      />
      <InputField
        id="measurement-period"
        label="Fin de la période mesurée"
        hint="la date à laquelle la valeur se rapporte"
        type="date"
        value={fields.period}
        onInput={set('period')}
        error={error('period')}
      />
      <TerritoryFields fields={fields} onChange={setFields} error={error} />
      <InputField
        id="measurement-source"
        label="Source (facultatif)"
        hint="d’où vient la valeur : un service, une publication"
        value={fields.source}
        onInput={set('source')}
        error={error('source')}
      />
    </CommandForm>
  );
}
