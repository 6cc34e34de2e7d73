// The time bar: which date the portfolio describes and what was known of it (a committee, a release, an instant).
import { useState } from 'preact/hooks';
import { frenchDate } from '../french';
import { referenceOf, viewOf, type CycleMark, type Reference, type ReleaseMark, type TimeView } from '../time-view';

interface Marks {
  readonly cycles: readonly CycleMark[];
  readonly releases: readonly ReleaseMark[];
}

interface TimeBarProps extends Marks {
  readonly view: TimeView;
  readonly onChange: (view: TimeView) => void;
}

/** « 5e CITP », from « 5e CITP : leçons de la crise sanitaire… ». */
export function cycleName(cycle: CycleMark): string {
  return cycle.title.split(' :')[0];
}

/** The option of the select for a reference. */
function optionOf(reference: Reference): string {
  if (reference.kind === 'cycle') return `cycle:${reference.cycle.cycleId}`;
  if (reference.kind === 'release') return `release:${reference.release.id}`;
  return reference.kind;
}

/** The reference an option of the select names (`instant`: the one in the instant field). */
function referenceOfOption(
  option: string,
  { cycles, releases }: Marks,
  instant: string,
  current: Reference,
): Reference {
  const [kind, id] = option.split(/:(.*)/);
  const cycle = cycles.find((candidate) => candidate.cycleId === id);
  const release = releases.find((candidate) => candidate.id === id);
  if (kind === 'cycle' && cycle !== undefined) return { kind, cycle };
  if (kind === 'release' && release !== undefined) return { kind, release };
  if (kind === 'instant') return { kind, instant: toInstant(instant) };
  if (kind === 'position' && current.kind === 'position') return current;
  return { kind: 'now' };
}

/** The instant of a datetime-local field (the browser's time zone) as an ISO instant, and back. */
const toInstant = (local: string) => (local === '' ? '' : new Date(local).toISOString());
function toLocal(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface KnownSelectProps extends Marks {
  readonly option: string;
  readonly current: Reference;
  readonly onChoose: (option: string) => void;
}

function KnownSelect({ option, current, cycles, releases, onChoose }: KnownSelectProps) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for="time-bar-known">
        Ce qui était connu
        <span class="fr-hint-text">un comité (ce qu’il a vu), une publication du Baromètre, ou un instant</span>
      </label>
      <select
        class="fr-select"
        id="time-bar-known"
        value={option}
        onChange={(event) => onChoose(event.currentTarget.value)}
      >
        <option value="now">Maintenant : tout ce qui est enregistré</option>
        <optgroup label="Comités interministériels de la transformation publique">
          {cycles.map((cycle) => (
            <option key={cycle.cycleId} value={`cycle:${cycle.cycleId}`}>
              {cycleName(cycle)}, tenu le {frenchDate(cycle.heldOn)}
            </option>
          ))}
        </optgroup>
        <optgroup label="Baromètre des résultats de l’action publique">
          {releases.map((release) => (
            <option key={release.id} value={`release:${release.id}`}>
              Baromètre publié le {frenchDate(release.publishedOn)}
            </option>
          ))}
        </optgroup>
        {current.kind === 'position' && <option value="position">Position {current.position} du journal</option>}
        <option value="instant">À un instant choisi</option>
      </select>
    </div>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly type: 'date' | 'datetime-local';
  readonly value: string;
  readonly onInput: (value: string) => void;
}

function Field({ id, label, hint, type, value, onInput }: FieldProps) {
  return (
    <div class="fr-input-group">
      <label class="fr-label" for={id}>
        {label}
        <span class="fr-hint-text">{hint}</span>
      </label>
      <input
        class="fr-input"
        type={type}
        id={id}
        value={value}
        required={type === 'datetime-local'}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}

/** The time bar of a view: its fields start from the view, and start again from it when the view changes. */
export function TimeBar(props: TimeBarProps) {
  return <TimeBarForm key={`${props.view.at}|${props.view.asOf}`} {...props} />;
}

function TimeBarForm({ view, cycles, releases, onChange }: TimeBarProps) {
  const current = referenceOf(view.asOf, cycles, releases);
  // Until a person chooses, the option is the view's, which names a committee or a release once they have been read.
  const [chosen, setOption] = useState<string | undefined>();
  const option = chosen ?? optionOf(current);
  const [at, setAt] = useState(view.at ?? '');
  const [instant, setInstant] = useState(current.kind === 'instant' ? toLocal(current.instant) : '');

  const reference = (value: string) => referenceOfOption(value, { cycles, releases }, instant, current);
  const choose = (value: string) => {
    setOption(value);
    // A committee or a release fills the date it was held or published: the date may still be changed.
    const next = viewOf(reference(value), at === '' ? undefined : at);
    if (next.at !== undefined) setAt(next.at);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const chosenAt = at === '' ? undefined : at;
    onChange({ at: chosenAt, asOf: viewOf(reference(option), chosenAt).asOf });
  };

  return (
    <form class="fr-mb-4w" onSubmit={submit}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Point de vue : la date des faits, et ce qui en était connu</legend>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-5">
          <KnownSelect option={option} current={current} cycles={cycles} releases={releases} onChoose={choose} />
        </div>
        {option === 'instant' && (
          <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
            <Field
              id="time-bar-instant"
              label="Instant"
              hint="ce qui était enregistré à ce moment"
              type="datetime-local"
              value={instant}
              onInput={setInstant}
            />
          </div>
        )}
        <div class="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Field
            id="time-bar-at"
            label="Date des faits"
            hint="vide : aujourd’hui"
            type="date"
            value={at}
            onInput={setAt}
          />
        </div>
        <div class="fr-fieldset__element fr-col-12 fr-col-md-1 time-bar__submit">
          <button class="fr-btn" type="submit">
            Afficher
          </button>
        </div>
      </fieldset>
    </form>
  );
}
