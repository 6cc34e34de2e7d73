// A form's field in the DSFR: its label and hint, and its error in the DSFR's error state, tied to the field so that a
// screen reader reads it with the field (aria-describedby, aria-invalid).
import type { ComponentChildren } from 'preact';

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** The API's message for this field, if it refused it. */
  readonly error?: string;
}

interface InputFieldProps extends FieldProps {
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'date';
  readonly inputMode?: 'decimal' | 'text';
  readonly multiline?: boolean;
}

interface SelectFieldProps extends FieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The <option> and <optgroup> elements. */
  readonly children: ComponentChildren;
}

/** The attributes that tie the field to its error. */
function errorAttributes(id: string, error: string | undefined) {
  return error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-error` };
}

function Label({ id, label, hint }: FieldProps) {
  return (
    <label class="fr-label" for={id}>
      {label}
      {hint !== undefined && <span class="fr-hint-text">{hint}</span>}
    </label>
  );
}

function ErrorText({ id, error }: FieldProps) {
  return error === undefined ? null : (
    <p class="fr-error-text" id={`${id}-error`}>
      {error}
    </p>
  );
}

export function InputField(props: InputFieldProps) {
  const { id, error, value, onInput, type = 'text', inputMode, multiline = false } = props;
  const attributes = {
    class: `fr-input${error === undefined ? '' : ' fr-input--error'}`,
    id,
    name: id,
    value,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    ...errorAttributes(id, error),
  };
  return (
    <div class={`fr-input-group${error === undefined ? '' : ' fr-input-group--error'}`}>
      <Label {...props} />
      {multiline && <textarea rows={3} {...attributes} />}
      {!multiline && type === 'date' && <input type="date" {...attributes} />}
      {!multiline && type === 'text' && <input type="text" inputMode={inputMode} {...attributes} />}
      <ErrorText {...props} />
    </div>
  );
}

export function SelectField(props: SelectFieldProps) {
  const { id, error, value, onChange, children } = props;
  return (
    <div class={`fr-select-group${error === undefined ? '' : ' fr-select-group--error'}`}>
      <Label {...props} />
      <select
        class={`fr-select${error === undefined ? '' : ' fr-select--error'}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        {...errorAttributes(id, error)}
      >
        {children}
      </select>
      <ErrorText {...props} />
    </div>
  );
}
