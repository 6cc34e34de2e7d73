// What a document describes, in words: its date, and what was known (a committee, a release, an instant, now).
import type { TemporalStamp } from '../../../../libs/read-models/src/views/documents';
import { frenchDate, frenchInstant } from '../french';
import { referenceOf, type CycleMark, type ReleaseMark, type TimeView } from '../time-view';
import { cycleName } from './time-bar';

interface TimeStampProps {
  readonly stamp: TemporalStamp;
  readonly view: TimeView;
  readonly cycles: readonly CycleMark[];
  readonly releases: readonly ReleaseMark[];
}

function knownAs({ view, cycles, releases }: Omit<TimeStampProps, 'stamp'>): string {
  const reference = referenceOf(view.asOf, cycles, releases);
  switch (reference.kind) {
    case 'now':
      return 'tel que connu maintenant';
    case 'cycle':
      return `tel que le ${cycleName(reference.cycle)} l’a vu`;
    case 'release':
      return `tel que publié dans le Baromètre du ${frenchDate(reference.release.publishedOn)}`;
    case 'instant':
      return `tel que connu le ${frenchInstant(reference.instant)}`;
    case 'position':
      return `tel que connu à la position ${reference.position} du journal`;
  }
}

export function TimeStamp({ stamp, ...view }: TimeStampProps) {
  const recorded = stamp.asOf.recordedAt === null ? '' : `, enregistrée le ${frenchInstant(stamp.asOf.recordedAt)}`;
  return (
    <p class="fr-text--lead" id="time-stamp">
      Au <strong>{frenchDate(stamp.at)}</strong>, {knownAs(view)}{' '}
      <span class="fr-text--sm">
        (position {stamp.asOf.position} du journal{recorded})
      </span>
    </p>
  );
}
